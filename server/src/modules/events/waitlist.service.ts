import { randomInt } from 'node:crypto';
import { chinaTime } from '@citycare/shared';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../common/mongo-errors';
import { NotificationService } from '../notifications/notification.service';
import type { BookingDoc } from './booking.model';
import { EventStore } from './event-store';
import type { EventSessionDoc } from './event-session.model';
import { SeatService } from './seat.service';
import { SessionLockService } from './session-lock.service';
import { canPromote } from './session-rules';
import type { WaitlistDoc } from './waitlist.model';

const JOIN_ATTEMPTS = 20;
/** Passes of "promote, release the lock, look again" before leaving it to the next trigger. */
const PROMOTE_PASSES = 5;

/**
 * The waitlist (候补): parties in order of `position`, promoted first-in,
 * first-out when seats free up. The head blocks: a party of 4 is not jumped
 * by a party of 1 behind it, so big parties are never starved.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WaitlistService {
  @Inject()
  store!: EventStore;

  @Inject()
  seats!: SeatService;

  @Inject()
  locks!: SessionLockService;

  @Inject()
  notifications!: NotificationService;

  /**
   * Puts a booking (already marked waitlisted) in line. The position is the
   * arrival time (ms × 1000) plus a random tie-break within the millisecond,
   * claimed by a unique insert: order by arrival, and no shared counter for
   * a crowd to collide on.
   */
  async join(booking: Pick<BookingDoc, '_id' | 'sessionId' | 'userId' | 'partySize'>): Promise<WaitlistDoc> {
    for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
      const position = Date.now() * 1000 + randomInt(1000);
      try {
        const entry = await this.store.waitlist.create({ sessionId: booking.sessionId, position, bookingId: booking._id, userId: booking.userId, partySize: booking.partySize, at: new Date() });
        return entry.toObject();
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const mine = await this.store.waitlist.findOne({ bookingId: booking._id }).lean<WaitlistDoc>();
        if (mine) return mine;
      }
    }
    throw new Error(`waitlist: no free position for booking ${booking._id.toHexString()} after ${JOIN_ATTEMPTS} attempts`);
  }

  /** 1-based place in line among the parties ahead that can be seated (a larger one is passed over: head). */
  async rank(entry: Pick<WaitlistDoc, 'sessionId' | 'position'>, capacity: number): Promise<number> {
    return 1 + (await this.store.waitlist.countDocuments({ sessionId: entry.sessionId, position: { $lt: entry.position }, ...fittingParties(capacity) }));
  }

  async isEmpty(sessionId: Types.ObjectId): Promise<boolean> {
    return !(await this.store.waitlist.exists({ sessionId }));
  }

  /**
   * Moves waitlisted parties into free seats, in order. One promoter per
   * session (the lock); a caller who finds the lock taken leaves, because the
   * holder looks again after releasing it — so a party that joined meanwhile
   * is never forgotten. False when it did nothing (no free seat).
   */
  async promote(session: Pick<EventSessionDoc, '_id' | 'capacity'>): Promise<boolean> {
    // No free seat: nothing to do. Whatever frees one (a cancel, a failed claim, more capacity) calls promote after.
    if ((await this.seats.freeCount(session)) === 0) return false;
    const sessionId = session._id;
    for (let pass = 0; pass < PROMOTE_PASSES; pass++) {
      const run = await this.locks.withLock(sessionId, 0, async () => this.promoteHeads(await this.store.session(sessionId)));
      if (!run) break;
      if (!(await this.headFits(await this.store.session(sessionId)))) break;
    }
    return true;
  }

  /** Promotes heads while they fit; call with the session lock held. */
  private async promoteHeads(session: EventSessionDoc): Promise<void> {
    while (canPromote(session, new Date())) {
      const head = await this.head(session);
      if (!head) return;
      const seats = await this.seats.claim(session, head.bookingId, head.partySize);
      if (!seats) return; // the head does not fit (or lost a race): nobody jumps it
      const moved = await this.store.bookings.updateOne(
        { _id: head.bookingId, status: 'waitlisted' },
        { $set: { status: 'confirmed', confirmedAt: new Date() } },
      );
      await this.store.waitlist.deleteOne({ _id: head._id });
      if (moved.matchedCount === 0) {
        // Cancelled while we claimed: its seats go back (cancel frees them too, whichever runs last).
        // Already confirmed (a second promoter after a lock take-over): give back only these seats.
        if (await this.store.bookings.exists({ _id: head.bookingId })) await this.seats.releaseSeats(session._id, head.bookingId, seats);
        else await this.seats.releaseBooking(session._id, head.bookingId);
        continue;
      }
      await this.notifyPromoted(head, session);
    }
  }

  /**
   * The first in line who could be seated at all. A party larger than the whole
   * session (it joined while a capacity cut went through: partyFits in
   * shared/src/event-rules.ts) is passed over instead of holding up the line for good; it
   * keeps its place and moves up if the capacity grows again. Its booking view tells the
   * resident (partyExceedsCapacity, event.view.ts).
   */
  private head(session: Pick<EventSessionDoc, '_id' | 'capacity'>) {
    return this.store.waitlist.findOne({ sessionId: session._id, ...fittingParties(session.capacity) }).sort({ position: 1 }).lean<WaitlistDoc>();
  }

  /** The largest party waiting (0 when nobody is): a capacity below it would strand that party. */
  async largestParty(sessionId: Types.ObjectId): Promise<number> {
    const largest = await this.store.waitlist.findOne({ sessionId }).sort({ partySize: -1 }).select('partySize').lean<Pick<WaitlistDoc, 'partySize'>>();
    return largest?.partySize ?? 0;
  }

  private async headFits(session: EventSessionDoc): Promise<boolean> {
    if (!canPromote(session, new Date())) return false;
    const free = await this.seats.freeCount(session);
    if (free === 0) return false;
    const head = await this.head(session);
    return !!head && head.partySize <= free;
  }

  private async notifyPromoted(entry: WaitlistDoc, session: EventSessionDoc): Promise<void> {
    const event = await this.store.events.findById(session.eventId).select('title').lean<{ title: string }>();
    const id = entry.bookingId.toHexString();
    await this.notifications.enqueue([entry.userId], {
      template: 'booking',
      dedupeKey: `booking:${id}:promoted`,
      page: `pages/booking/index?id=${id}`,
      data: {
        thing1: { value: (event?.title ?? '活动').slice(0, 20) },
        time2: { value: chinaTime(session.startAt) },
        phrase3: { value: '候补成功' },
        thing4: { value: '已为您保留名额，请按时到场' },
      },
    });
  }
}

/** Waiting parties that could ever be seated: shared partyFits, as a query (a larger party is passed over). */
function fittingParties(capacity: number) {
  return { partySize: { $lte: capacity } };
}
