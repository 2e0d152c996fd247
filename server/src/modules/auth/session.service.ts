import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import { envInt } from '../../config/env';
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

/** Tokens remembered at once, at most (the oldest is forgotten first). */
const SESSION_CACHE_MAX = 10_000;

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
    for (const [hash, hit] of this.recent) if (hit.session.userId.equals(userId)) this.recent.delete(hash);
    await this.sessions.deleteMany({ userId });
  }

  /**
   * The user behind a bearer token; SESSION_EXPIRED for a token that is
   * unknown, revoked or past expiry. What a token resolved to is kept for
   * SESSION_CACHE_MS (a few seconds): every request of a busy page would
   * otherwise read the session and the user again. A logout in this process
   * takes effect at once; in another process, or a change of role, within
   * that time.
   */
  async resolve(token: string, now = new Date()): Promise<AuthUser> {
    if (!looksLikeToken(token)) throw new AppError('SESSION_EXPIRED');
    const hash = hashToken(token);
    const { session, user } = this.cached(hash, now) ?? (await this.read(hash, now));
    const idleSince = now.getTime() - session.lastSeenAt.getTime();
    if (session.revokedAt || session.expiresAt.getTime() <= now.getTime() || idleSince >= SESSION_IDLE_MS) {
      this.recent.delete(hash);
      throw new AppError('SESSION_EXPIRED');
    }
    if (idleSince >= SESSION_TOUCH_MS) {
      await this.sessions.updateOne({ _id: session._id }, { $set: { lastSeenAt: now } });
      session.lastSeenAt = now;
    }
    return toAuthUser(user);
  }

  async revoke(token: string): Promise<void> {
    if (!looksLikeToken(token)) return;
    this.recent.delete(hashToken(token));
    await this.sessions.updateOne({ _id: hashToken(token), revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  private readonly recent = new Map<string, { session: SessionDoc; user: UserDoc; at: number }>();
  /** Read once: the environment is fixed for a process, and reading it is not free on every request. */
  private readonly cacheMs = envInt('SESSION_CACHE_MS');

  private cached(hash: string, now: Date) {
    const hit = this.recent.get(hash);
    return hit && now.getTime() - hit.at < this.cacheMs ? hit : null;
  }

  private async read(hash: string, now: Date): Promise<{ session: SessionDoc; user: UserDoc }> {
    const session = await this.sessions.findById(hash).lean<SessionDoc>();
    const user = session && (await this.users.find(session.userId));
    if (!session || !user) throw new AppError('SESSION_EXPIRED');
    if (this.cacheMs > 0) {
      if (this.recent.size >= SESSION_CACHE_MAX) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(hash, { session, user, at: now.getTime() });
    }
    return { session, user };
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
