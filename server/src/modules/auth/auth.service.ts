import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { DemoUser, LoginResponse } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { env, envFlag } from '../../config/env';
import { UserService, toMe } from '../users/user.service';
import type { UserDoc } from '../users/user.model';
import { WechatClient } from '../wechat/wechat.client';
import { SessionService } from './session.service';

/** The dev login exists only when asked for, and never in production. */
export function devLoginEnabled(): boolean {
  return envFlag('DEV_LOGIN') && env('NODE_ENV') !== 'production';
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class AuthService {
  @Inject()
  users!: UserService;

  @Inject()
  sessions!: SessionService;

  @Inject()
  wechat!: WechatClient;

  async loginWithWechat(code: string): Promise<LoginResponse> {
    const session = await this.wechat.codeToSession(code);
    const user = await this.users.upsertByOpenid(session.openid, session.unionid, session.sessionKey);
    return this.startSession(user);
  }

  async loginAsDemoUser(openid: string): Promise<LoginResponse> {
    if (!devLoginEnabled()) throw new AppError('DEV_LOGIN_DISABLED');
    const user = await this.users.findDemoByOpenid(openid);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return this.startSession(user);
  }

  async listDemoUsers(): Promise<DemoUser[]> {
    if (!devLoginEnabled()) throw new AppError('DEV_LOGIN_DISABLED');
    const users = await this.users.listDemo();
    return users.map((u) => ({
      openid: u.openid,
      name: u.name,
      role: u.role,
      community: u.community,
      stationId: u.stationId ? u.stationId.toHexString() : null,
    }));
  }

  async logout(token: string): Promise<void> {
    await this.sessions.revoke(token);
  }

  private async startSession(user: UserDoc): Promise<LoginResponse> {
    const { token, expiresAt } = await this.sessions.issue(user._id);
    return { token, expiresAt: expiresAt.toISOString(), user: toMe(user) };
  }
}
