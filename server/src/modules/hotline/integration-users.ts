import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { UserService } from '../users/user.service';
import type { UserDoc } from '../users/user.model';

/**
 * Cases need a reporter. A case that arrives through an integration is
 * reported by that integration's own system user, never by a person: its
 * openid cannot come out of a WeChat login (real openids look nothing like
 * it) and it is not a demo user, so nobody can sign in as it.
 */
export const INTEGRATIONS = {
  hotline: { openid: 'hotline-12345', name: '12345 热线' },
  open311: { openid: 'open311-api', name: 'Open311 接口' },
} as const;
export type Integration = keyof typeof INTEGRATIONS;

@Provide()
@Scope(ScopeEnum.Singleton)
export class IntegrationUsers {
  @Inject()
  userService!: UserService;

  /** Ids already looked up; checked by _id on use (the one lookup FerretDB v1 does not scan for). */
  private known = new Map<Integration, string>();

  /** The integration's user, created on first use (two first uses meet the unique openid). */
  async reporter(integration: Integration): Promise<AuthUser> {
    const { openid } = INTEGRATIONS[integration];
    const users = this.userService.users;
    const cached = this.known.get(integration);
    let user = cached ? await users.findById(cached).lean<UserDoc>() : null;
    if (!user) user = await this.findOrCreate(integration);
    this.known.set(integration, user._id.toHexString());
    return { id: user._id.toHexString(), role: user.role, stationId: null, community: null, openid };
  }

  private async findOrCreate(integration: Integration): Promise<UserDoc> {
    const { openid, name } = INTEGRATIONS[integration];
    const users = this.userService.users;
    const existing = await users.findOne({ openid }).lean<UserDoc>();
    if (existing) return existing;
    try {
      await users.create({ openid, name, role: 'resident' });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const user = await users.findOne({ openid }).lean<UserDoc>();
    if (!user) throw new Error(`integration user ${openid} vanished`);
    return user;
  }
}
