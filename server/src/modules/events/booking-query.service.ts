import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { BookingList, BookingView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import type { BookingDoc, CancelledBookingDoc } from './booking.model';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';
import { EventQueryService } from './event-query.service';
import { toObjectId } from '../../common/object-id';
import { EventStore } from './event-store';
import { toBookingView } from './event.view';
import type { WaitlistDoc } from './waitlist.model';
import { WaitlistService } from './waitlist.service';
import type { NewBooking } from './booking.service';

const MY_BOOKINGS_LIMIT = 50;

/** A resident's bookings as they see them: live ones and the ones they cancelled. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BookingQueryService {
  @Inject()
  store!: EventStore;

  @Inject()
  events!: EventQueryService;

  @Inject()
  waitlist!: WaitlistService;

  async mine(user: AuthUser): Promise<BookingList> {
    const userId = new Types.ObjectId(user.id);
    const [live, cancelled] = await Promise.all([
      this.store.bookings.find({ userId }).sort({ createdAt: -1 }).limit(MY_BOOKINGS_LIMIT).lean<BookingDoc[]>(),
      this.store.cancelledBookings.find({ userId }).sort({ cancelledAt: -1 }).limit(MY_BOOKINGS_LIMIT).lean<CancelledBookingDoc[]>(),
    ]);
    const docs = [...live, ...cancelled].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, MY_BOOKINGS_LIMIT);
    return { items: await this.views(docs) };
  }

  /** One of the user's bookings (live or cancelled); anyone else's is a 404. */
  async one(user: AuthUser, id: string): Promise<BookingView> {
    const _id = toObjectId(id);
    const userId = new Types.ObjectId(user.id);
    const doc =
      _id &&
      ((await this.store.bookings.findOne({ _id, userId }).lean<BookingDoc>()) ??
        (await this.store.cancelledBookings.findOne({ _id, userId }).lean<CancelledBookingDoc>()));
    if (!doc) throw new AppError('BOOKING_NOT_FOUND');
    const [view] = await this.views([doc]);
    return view;
  }

  /** The view of a booking just made, from what the booking service already read. */
  async fresh({ booking, session, event, position }: NewBooking): Promise<BookingView> {
    const names = await this.events.stationNames([event.stationId]);
    const rank = position === null ? null : await this.waitlist.rank({ sessionId: session._id, position }, session.capacity);
    return toBookingView(booking, { session, event, stationName: names.get(event.stationId.toHexString()) ?? '', rank, checkedInAt: null, now: new Date() });
  }

  async views(docs: Array<BookingDoc | CancelledBookingDoc>): Promise<BookingView[]> {
    if (docs.length === 0) return [];
    // One lookup per id or booking: FerretDB reads a whole collection for `$in` (docs/design.md, "Data rules").
    const [{ sessions: session, events: event }, entries] = await Promise.all([
      this.store.shownWith(docs.map((d) => d.sessionId), docs.map((d) => d.eventId)),
      // Only a waitlisted booking has a place in the line.
      Promise.all(docs.map((d) => (d.status === 'waitlisted' ? this.store.waitlist.findOne({ bookingId: d._id }).lean<WaitlistDoc>() : null))),
    ]);
    const names = await this.events.stationNames([...event.values()].map((e) => e.stationId));
    const entry = byId(entries.filter((w): w is WaitlistDoc => !!w), (w) => w.bookingId);
    const ranks = new Map(
      await Promise.all(
        [...entry.values()].flatMap((w) => {
          const s = session.get(w.sessionId.toHexString());
          return s ? [(async () => [w.bookingId.toHexString(), await this.waitlist.rank(w, s.capacity)] as const)()] : [];
        }),
      ),
    );
    const now = new Date();
    return docs.flatMap((d) => {
      const key = d._id.toHexString();
      const s = session.get(d.sessionId.toHexString());
      const e = event.get(d.eventId.toHexString());
      if (!s || !e) return [];
      return [
        toBookingView(d, {
          session: s,
          event: e,
          stationName: names.get(e.stationId.toHexString()) ?? '',
          rank: entry.has(key) ? (ranks.get(key) ?? null) : null,
          checkedInAt: d.checkedInAt ?? null,
          now,
        }),
      ];
    });
  }
}

function byId<T>(docs: T[], key: (doc: T) => Types.ObjectId): Map<string, T> {
  return new Map(docs.map((d) => [key(d).toHexString(), d]));
}
