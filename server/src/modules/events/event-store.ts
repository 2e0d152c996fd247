import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import { findByIds } from '../../common/by-ids';
import { Database } from '../../common/database';
import { ListPages } from '../../common/list-pages';
import { toObjectId } from '../../common/object-id';
import { EVENT_MODEL, eventSchema, type EventDoc } from './event.model';
import { EVENT_SESSION_MODEL, eventSessionSchema, type EventSessionDoc } from './event-session.model';
import { SEAT_MODEL, seatSchema, type SeatDoc } from './seat.model';
import {
  BOOKING_MODEL,
  bookingSchema,
  CANCELLED_BOOKING_MODEL,
  cancelledBookingSchema,
  type BookingDoc,
  type CancelledBookingDoc,
} from './booking.model';
import { SESSION_LOCK_MODEL, sessionLockSchema, WAITLIST_MODEL, waitlistSchema, type SessionLockDoc, type WaitlistDoc } from './waitlist.model';
import { CHECKIN_MODEL, checkinSchema, type CheckinDoc } from './checkin.model';
import { EVENT_REQUEST_MODEL, eventRequestSchema, type EventRequestDoc } from './event-request.model';

/** The list name whose version changes with every event or session (common/list-pages.ts). */
const EVENTS_LIST = 'events';

/** A document to insert: everything but its times, and its id only when the caller names it. */
type New<T extends { _id: Types.ObjectId }> = Omit<T, '_id' | 'createdAt' | 'updatedAt'> & { _id?: Types.ObjectId };

/** The module's collections, and loading an event or session by id (404 when unknown). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EventStore {
  @Inject()
  database!: Database;

  @Inject()
  pages!: ListPages;

  get events() {
    return this.database.model<EventDoc>(EVENT_MODEL, eventSchema);
  }
  get sessions() {
    return this.database.model<EventSessionDoc>(EVENT_SESSION_MODEL, eventSessionSchema);
  }

  /** Idempotency-Keys of new events and sessions. */
  get requests() {
    return this.database.model<EventRequestDoc>(EVENT_REQUEST_MODEL, eventRequestSchema);
  }
  get seats() {
    return this.database.model<SeatDoc>(SEAT_MODEL, seatSchema);
  }
  get bookings() {
    return this.database.model<BookingDoc>(BOOKING_MODEL, bookingSchema);
  }
  get cancelledBookings() {
    return this.database.model<CancelledBookingDoc>(CANCELLED_BOOKING_MODEL, cancelledBookingSchema);
  }
  get waitlist() {
    return this.database.model<WaitlistDoc>(WAITLIST_MODEL, waitlistSchema);
  }
  get locks() {
    return this.database.model<SessionLockDoc>(SESSION_LOCK_MODEL, sessionLockSchema);
  }
  get checkins() {
    return this.database.model<CheckinDoc>(CHECKIN_MODEL, checkinSchema);
  }

  /**
   * Sessions and events by id, for lists that show them (a resident's
   * bookings): reused while no event or session changed anywhere
   * (common/list-pages.ts; every write here calls `changed`).
   */
  async shownWith(sessionIds: Types.ObjectId[], eventIds: Types.ObjectId[]): Promise<{ sessions: Map<string, EventSessionDoc>; events: Map<string, EventDoc> }> {
    const name = `${EVENTS_LIST}|${[...new Set([...sessionIds, ...eventIds].map((id) => id.toHexString()))].sort().join(',')}`;
    return this.pages.read(name, [EVENTS_LIST], async () => {
      const [sessions, events] = await Promise.all([findByIds(this.sessions, sessionIds), findByIds(this.events, eventIds)]);
      return { sessions, events };
    });
  }

  /**
   * The one way an event or session is made or changed: the write, then the
   * version of the lists that show them, so they are computed again. (A new
   * event is in no list yet; it bumps too, so no writer needs to know that.)
   */
  async writeEvent(id: Types.ObjectId, set: Partial<EventDoc>): Promise<void> {
    await this.events.updateOne({ _id: id }, { $set: set });
    await this.changed();
  }

  async writeSession(id: Types.ObjectId, set: Partial<EventSessionDoc>): Promise<void> {
    await this.sessions.updateOne({ _id: id }, { $set: set });
    await this.changed();
  }

  /** A new event; under `fields._id` when the caller named it (an Idempotency-Key's), unique like any `_id`. */
  async addEvent(fields: New<EventDoc>): Promise<EventDoc> {
    const doc = await this.events.create(fields);
    await this.changed();
    return doc.toObject();
  }

  async addSession(fields: New<EventSessionDoc>): Promise<EventSessionDoc> {
    const doc = await this.sessions.create(fields);
    await this.changed();
    return doc.toObject();
  }

  private changed(): Promise<void> {
    return this.pages.changed([EVENTS_LIST]);
  }

  async event(id: string | Types.ObjectId): Promise<EventDoc> {
    const _id = typeof id === 'string' ? toObjectId(id) : id;
    const doc = _id && (await this.events.findById(_id).lean<EventDoc>());
    if (!doc) throw new AppError('EVENT_NOT_FOUND');
    return doc;
  }

  async session(id: string | Types.ObjectId): Promise<EventSessionDoc> {
    const _id = typeof id === 'string' ? toObjectId(id) : id;
    const doc = _id && (await this.sessions.findById(_id).lean<EventSessionDoc>());
    if (!doc) throw new AppError('EVENT_SESSION_NOT_FOUND');
    return doc;
  }
}
