import { ALL, Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { devLoginBody, wechatLoginBody, type DemoUser, type LoginResponse } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { AuthService } from './auth.service';

@Controller('/api/auth')
export class AuthController {
  @Inject()
  ctx!: Context;

  @Inject()
  auth!: AuthService;

  /** wx.login code → our session token. */
  @Post('/wechat')
  async wechatLogin(@Body(ALL) body: unknown): Promise<LoginResponse> {
    const { code } = validate(wechatLoginBody, body);
    return this.auth.loginWithWechat(code);
  }

  @Post('/logout')
  async logout() {
    requireUser(this.ctx);
    await this.auth.logout(this.ctx.state.token as string);
    return { ok: true };
  }

  /** Development and H5 preview: sign in as a seeded demo user. */
  @Post('/dev')
  async devLogin(@Body(ALL) body: unknown): Promise<LoginResponse> {
    const { openid } = validate(devLoginBody, body);
    return this.auth.loginAsDemoUser(openid);
  }

  @Get('/dev/users')
  async demoUsers(): Promise<{ items: DemoUser[] }> {
    return { items: await this.auth.listDemoUsers() };
  }
}
