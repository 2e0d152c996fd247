import { Inject, Logger, Provide, Scope, ScopeEnum, type ILogger } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { partyFits } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { EventStore } from './event-store';
import { pickSeats, freeSeats, SeatService } from './seat.service';
import { SessionLockService } from './session-lock.service';
import { WaitlistService } from './waitlist.service';

const LOCK_WAIT_MS = 3000;
const SHRINK_ROUNDS = 10;

/**
 * Changing a session's capacity without ever holding more seats than it.
 * Growing: raise the capacity, lift the blockers below it. Shrinking: put a blocker on every seat above the new capacity
 * (a booker who read the old capacity then cannot take one), moving any
 * booking sitting up there to a free seat below; only then lower the number.
 * Either way the waitlist is promoted afterwards, and no blocker stays within
 * the capacity, even when the change fails part-way.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SessionCapacityService {
  @Inject()
  store!: EventStore;

  @Inject()
  seats!: SeatService;

  @Inject()
  locks!: SessionLockService;

  @Inject()
  waitlist!: WaitlistService;

  @Logger()
  logger!: ILogger;

  async resize(sessionId: Types.ObjectId, capacity: number): Promise<void> {
    try {
      const done = await this.locks.withLock(sessionId, LOCK_WAIT_MS, () => this.change(sessionId, capacity));
      if (!done) throw new AppError('CONCURRENT_UPDATE', '该场次正在处理预约，请稍后重试');
    } catch (err) {
      // The change's own error is the answer (a 409 says why): a promotion failing after it is logged, not thrown in its place.
      await this.promoteWaiting(sessionId).catch((promoteErr: unknown) => {
        this.logger.warn(`session ${sessionId.toHexString()}: waitlist not promoted after a failed capacity change: ${String(promoteErr)}`);
      });
      throw err;
    }
    await this.promoteWaiting(sessionId);
  }

  /** Promoters that found the lock taken left the line to us: more seats, or claims that lost to a blocker. */
  private async promoteWaiting(sessionId: Types.ObjectId): Promise<void> {
    await this.waitlist.promote(await this.store.session(sessionId));
  }

  /** Call with the session lock held. */
  private async change(sessionId: Types.ObjectId, capacity: number): Promise<void> {
    const session = await this.store.session(sessionId);
    try {
      if (capacity < session.capacity) await this.shrink(sessionId, session.capacity, capacity);
      await this.store.writeSession(sessionId, { capacity });
      await this.liftBlockers(sessionId, capacity);
    } catch (err) {
      await this.liftBlockersAfterFailure(sessionId);
      throw err;
    }
  }

  /**
   * Blockers guard only the seats above the capacity; any within it (after
   * growing, or left by a change that failed) would look free and never be
   * bookable.
   */
  private async liftBlockers(sessionId: Types.ObjectId, capacity: number): Promise<void> {
    await this.store.seats.deleteMany({ sessionId, bookingId: null, seat: { $lte: capacity } });
  }

  /**
   * After a failure, against the capacity the session has now: the write may
   * have landed before the failure, and then the blockers above it must stay.
   * If this fails too, the change's error is still the answer; the next
   * capacity change lifts what is left.
   */
  private async liftBlockersAfterFailure(sessionId: Types.ObjectId): Promise<void> {
    try {
      await this.liftBlockers(sessionId, (await this.store.session(sessionId)).capacity);
    } catch (err) {
      this.logger.error(`session ${sessionId.toHexString()}: blockers left after a failed capacity change: ${String(err)}`);
    }
  }

  private async shrink(sessionId: Types.ObjectId, from: number, to: number): Promise<void> {
    const booked = (await this.seats.bookedCounts([sessionId])).get(sessionId.toHexString()) ?? 0;
    if (booked > to) throw new AppError('CAPACITY_BELOW_BOOKED', `已有 ${booked} 人预约，名额不能少于 ${booked}`);
    const largest = await this.waitlist.largestParty(sessionId);
    if (!partyFits(largest, to)) throw new AppError('CAPACITY_BELOW_PARTY', `候补中有 ${largest} 人的预约，名额不能少于 ${largest}`);
    for (let round = 0; round < SHRINK_ROUNDS; round++) {
      const held = await this.seats.seatMap(sessionId);
      const above = Array.from({ length: from - to }, (_, i) => to + 1 + i);
      const occupied = above.filter((seat) => held.get(seat));
      const open = above.filter((seat) => !held.has(seat));
      if (occupied.length === 0 && open.length === 0) return;
      await Promise.all(open.map((seat) => this.seats.tryTake(sessionId, seat, null)));
      for (const seat of occupied) await this.moveDown(sessionId, seat, held.get(seat)!, to);
    }
    throw new AppError('CONCURRENT_UPDATE', '该场次预约变动频繁，请稍后重试');
  }

  /** Moves one booking's seat from above the new capacity to a free seat below it, then blocks the old one. */
  private async moveDown(sessionId: Types.ObjectId, seat: number, bookingId: Types.ObjectId, capacity: number): Promise<void> {
    const [target] = pickSeats(freeSeats(capacity, await this.seats.takenSeats(sessionId)), 1);
    if (target === undefined || !(await this.seats.tryTake(sessionId, target, bookingId))) return; // next round
    await this.store.seats.deleteOne({ sessionId, seat, bookingId });
    await this.seats.tryTake(sessionId, seat, null);
    // Cancelled meanwhile: the cancel may have run before our insert, so free what we added.
    if (!(await this.store.bookings.exists({ _id: bookingId }))) await this.seats.releaseBooking(sessionId, bookingId);
  }
}
