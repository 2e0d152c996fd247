import { ALL, Body, Controller, Del, Get, Inject, Patch, Post, Put } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { bindPhoneBody, myDataFileName, setCommunityBody, updateMeBody, type MeResponse, type MyDataExport } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { WechatClient } from '../wechat/wechat.client';
import { AccountService } from './account.service';
import { UserService, toMe } from './user.service';

@Controller('/api/me')
export class MeController {
  @Inject()
  ctx!: Context;

  @Inject()
  users!: UserService;

  @Inject()
  wechat!: WechatClient;

  @Inject()
  account!: AccountService;

  @Get('/')
  async me(): Promise<MeResponse> {
    return toMe(await this.users.getById(requireUser(this.ctx).id));
  }

  @Patch('/')
  async update(@Body(ALL) body: unknown): Promise<MeResponse> {
    const user = requireUser(this.ctx);
    const changes = validate(updateMeBody, body);
    return toMe(await this.users.update(user.id, changes));
  }

  /** The phone-number button's code → the user's phone (getuserphonenumber). */
  @Post('/phone')
  async bindPhone(@Body(ALL) body: unknown): Promise<MeResponse> {
    const user = requireUser(this.ctx);
    const { code } = validate(bindPhoneBody, body);
    const phone = await this.wechat.phoneNumber(code);
    return toMe(await this.users.setPhone(user.id, phone.purePhoneNumber));
  }

  /** The community whose notices I read (residents; suggested from the nearest station). */
  @Put('/community')
  async setCommunity(@Body(ALL) body: unknown): Promise<MeResponse> {
    const { community } = validate(setCommunityBody, body);
    return this.account.setCommunity(requireUser(this.ctx), community);
  }

  /** Everything held about me, as a JSON file. */
  @Get('/export')
  async export(): Promise<MyDataExport> {
    const data = await this.account.export(requireUser(this.ctx));
    this.ctx.set('Content-Disposition', `attachment; filename="${myDataFileName(data.exportedAt)}"`);
    this.ctx.set('Cache-Control', 'no-store');
    return data;
  }

  /** Deletes my account: personal data removed or anonymised; my cases stay, anonymous, for the statistics. */
  @Del('/')
  async remove(): Promise<{ ok: true }> {
    await this.account.erase(requireUser(this.ctx));
    return { ok: true };
  }
}
