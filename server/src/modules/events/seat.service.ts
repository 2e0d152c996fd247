import { randomInt } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../common/mongo-errors';
import { EventStore } from './event-store';
import type { EventSessionDoc } from './event-session.model';

/** Rounds of read-taken / insert-free before a party gives up and waits. */
const CLAIM_ROUNDS = 8;

/**
 * Seats as documents: a seat is taken by inserting `{sessionId, seat}`, which
 * the unique index lets exactly one writer do, and seat numbers come from
 * 1..capacity. So however many requests race, a session never holds more
 * seats than its capacity (docs/design.md, "Data rules"). Seat numbers are internal tokens,
 * not places in a room.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SeatService {
  @Inject()
  store!: EventStore;

  /**
   * Claims `count` seats for a booking, all or none: read the taken seats,
   * insert free ones, retry the ones lost to a racing booker. Returns the seat
   * numbers, or null (holding nothing) when the session is full or the
   * contention did not settle within the rounds.
   */
  async claim(
    session: Pick<EventSessionDoc, '_id' | 'capacity'>,
    bookingId: Types.ObjectId,
    count: number,
    /** The taken seats as the caller just read them, to save the first read. */
    taken?: Set<number>,
  ): Promise<number[] | null> {
    const mine: number[] = [];
    try {
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        const held = round === 0 && taken ? taken : await this.takenSeats(session._id);
        const free = freeSeats(session.capacity, held);
        const need = count - mine.length;
        if (free.length < need) break;
        const tried = pickSeats(free, need);
        // allSettled: every insert has finished before a failure is thrown, so the release catches them all.
        const won = await Promise.allSettled(tried.map((seat) => this.tryTake(session._id, seat, bookingId)));
        const failed = won.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
        mine.push(...tried.filter((_, i) => won[i].status === 'fulfilled' && won[i].value));
        if (mine.length === count) return mine.sort((a, b) => a - b);
        await pause(round);
      }
    } catch (err) {
      await this.releaseBooking(session._id, bookingId);
      throw err;
    }
    if (mine.length > 0) await this.releaseBooking(session._id, bookingId);
    return null;
  }

  /** Inserts one seat document; false when another writer holds that seat. */
  async tryTake(sessionId: Types.ObjectId, seat: number, bookingId: Types.ObjectId | null): Promise<boolean> {
    try {
      await this.store.seats.create({ sessionId, seat, bookingId, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Frees every seat of a booking (it was cancelled, or its claim failed: a booking claims its seats once). */
  async releaseBooking(sessionId: Types.ObjectId, bookingId: Types.ObjectId): Promise<void> {
    await this.store.seats.deleteMany({ sessionId, bookingId });
  }

  async releaseSeats(sessionId: Types.ObjectId, bookingId: Types.ObjectId, seats: number[]): Promise<void> {
    await this.store.seats.deleteMany({ sessionId, bookingId, seat: { $in: seats } });
  }

  /** Seat number → booking (null for a blocker above a reduced capacity). */
  async seatMap(sessionId: Types.ObjectId): Promise<Map<number, Types.ObjectId | null>> {
    const docs = await this.store.seats.find({ sessionId }).select('seat bookingId -_id').lean<Array<{ seat: number; bookingId: Types.ObjectId | null }>>();
    return new Map(docs.map((d) => [d.seat, d.bookingId]));
  }

  async takenSeats(sessionId: Types.ObjectId): Promise<Set<number>> {
    return new Set((await this.seatMap(sessionId)).keys());
  }

  /** Seats within the capacity that no one holds (blockers count as held). */
  async freeCount(session: Pick<EventSessionDoc, '_id' | 'capacity'>): Promise<number> {
    const held = await this.store.seats.countDocuments({ sessionId: session._id, seat: { $lte: session.capacity } });
    return Math.max(0, session.capacity - held);
  }

  /** Seats held by bookings, per session: one `$match` + `$group` with `$sum`. */
  async bookedCounts(sessionIds: Types.ObjectId[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.store.seats.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { sessionId: { $in: sessionIds }, bookingId: { $ne: null } } },
      { $group: { _id: '$sessionId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }
}

export function freeSeats(capacity: number, taken: Set<number>): number[] {
  const free: number[] = [];
  for (let seat = 1; seat <= capacity; seat++) if (!taken.has(seat)) free.push(seat);
  return free;
}

/**
 * `count` distinct seats chosen at random among the free ones. Racing bookers
 * who all tried the lowest free seat would collide on it every round; spread
 * out, most of them win in the first round.
 */
export function pickSeats(free: number[], count: number): number[] {
  const pool = [...free];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/** A short random pause, growing with the round, so losers do not re-collide in lockstep. */
function pause(round: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, randomInt(1, 5 + 5 * round)));
}
