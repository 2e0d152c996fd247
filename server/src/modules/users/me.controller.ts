import { ALL, Body, Controller, Get, Inject, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { bindPhoneBody, updateMeBody, type MeResponse } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { WechatClient } from '../wechat/wechat.client';
import { UserService, toMe } from './user.service';

@Controller('/api/me')
export class MeController {
  @Inject()
  ctx!: Context;

  @Inject()
  users!: UserService;

  @Inject()
  wechat!: WechatClient;

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
}
