import { randomUUID } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../common/mongo-errors';
import { EventStore } from './event-store';

/** Longer than any promotion or resize takes; a lock older than this belonged to a crashed process. */
const LOCK_TTL_MS = 30_000;

/**
 * One writer at a time moving a session's seats around (waitlist promotion,
 * capacity changes), claimed by a unique insert. Booking itself needs no
 * lock: the seat documents' unique index is enough.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SessionLockService {
  @Inject()
  store!: EventStore;

  /** A holder token, or null when someone else holds a live lock. */
  async acquire(sessionId: Types.ObjectId): Promise<string | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const holder = randomUUID();
      try {
        await this.store.locks.create({ sessionId, holder, expiresAt: new Date(Date.now() + LOCK_TTL_MS) });
        return holder;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const stale = await this.store.locks.deleteOne({ sessionId, expiresAt: { $lt: new Date() } });
      if (stale.deletedCount === 0) return null;
    }
    return null;
  }

  async release(sessionId: Types.ObjectId, holder: string): Promise<void> {
    await this.store.locks.deleteOne({ sessionId, holder });
  }

  /** Runs `work` under the lock, waiting up to `waitMs` for it; null when it never came free. */
  async withLock<T>(sessionId: Types.ObjectId, waitMs: number, work: () => Promise<T>): Promise<{ value: T } | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const holder = await this.acquire(sessionId);
      if (holder) {
        try {
          return { value: await work() };
        } finally {
          await this.release(sessionId, holder);
        }
      }
      if (Date.now() >= deadline) return null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
