import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { PersonalDataHolder } from '../users/personal-data';
import { SessionService } from './session.service';

/** Sessions: when the person signed in (never the tokens); all revoked and removed on deletion. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SessionPersonalData implements PersonalDataHolder {
  @Inject()
  sessions!: SessionService;

  async export(userId: Types.ObjectId) {
    const docs = await this.sessions.ofUser(userId);
    return {
      sessions: docs.map((s) => ({ createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), expiresAt: s.expiresAt.toISOString(), revoked: !!s.revokedAt })),
    };
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    await this.sessions.removeAll(userId);
  }
}
