import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import type { UserDoc } from '../users/user.model';
import { UserService } from '../users/user.service';
import { SESSION_MODEL, sessionSchema, type SessionDoc } from './session.model';
import {
  hashToken,
  looksLikeToken,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
} from './token';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

/** Issues, resolves and revokes our own session tokens. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SessionService {
  @Inject()
  database!: Database;

  private get sessions() {
    return this.database.model<SessionDoc>(SESSION_MODEL, sessionSchema);
  }

  @Inject()
  users!: UserService;

  async issue(userId: Types.ObjectId, now = new Date()): Promise<IssuedSession> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    const hash = hashToken(token);
    await this.sessions.create({ _id: hash, tokenHash: hash, userId, createdAt: now, lastSeenAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** A user's sessions (for their data export). */
  ofUser(userId: Types.ObjectId): Promise<SessionDoc[]> {
    return this.sessions.find({ userId }).lean<SessionDoc[]>();
  }

  /** Every session of a user, gone (their account is being deleted). */
  async removeAll(userId: Types.ObjectId): Promise<void> {
    await this.sessions.deleteMany({ userId });
  }

  /** The user behind a bearer token; SESSION_EXPIRED for a token that is unknown, revoked or past expiry. */
  async resolve(token: string, now = new Date()): Promise<AuthUser> {
    if (!looksLikeToken(token)) throw new AppError('SESSION_EXPIRED');
    const session = await this.sessions.findById(hashToken(token)).lean<SessionDoc>();
    if (!session || session.revokedAt) throw new AppError('SESSION_EXPIRED');
    const idleSince = now.getTime() - session.lastSeenAt.getTime();
    if (session.expiresAt.getTime() <= now.getTime() || idleSince >= SESSION_IDLE_MS) {
      throw new AppError('SESSION_EXPIRED');
    }
    const user = await this.users.find(session.userId);
    if (!user) throw new AppError('SESSION_EXPIRED');
    if (idleSince >= SESSION_TOUCH_MS) {
      await this.sessions.updateOne({ _id: session._id }, { $set: { lastSeenAt: now } });
    }
    return toAuthUser(user);
  }

  async revoke(token: string): Promise<void> {
    if (!looksLikeToken(token)) return;
    await this.sessions.updateOne({ _id: hashToken(token), revokedAt: null }, { $set: { revokedAt: new Date() } });
  }
}

export function toAuthUser(user: UserDoc): AuthUser {
  return {
    id: user._id.toHexString(),
    role: user.role,
    stationId: user.stationId ? user.stationId.toHexString() : null,
    community: user.community,
    openid: user.openid,
  };
}
