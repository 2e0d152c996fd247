import type { SignPhotos } from '../media/photo-urls';
import { textFor, type Readers } from '../../common/public-text';
import { partyPassedOver, type AttendanceList, type BookingView, type EventSessionView, type EventView } from '@citycare/shared';
import type { BookingDoc, CancelledBookingDoc } from './booking.model';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';
import { bookingRefusal, cancelRefusal } from './session-rules';

export interface SessionCounts {
  booked: number;
  waitlisted: number;
}

export function toSessionView(doc: EventSessionDoc, event: Pick<EventDoc, 'cancelledAt'>, counts: SessionCounts, now: Date): EventSessionView {
  return {
    id: doc._id.toHexString(),
    eventId: doc.eventId.toHexString(),
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    capacity: doc.capacity,
    seatsTaken: counts.booked,
    seatsLeft: Math.max(0, doc.capacity - counts.booked),
    waitlisted: counts.waitlisted,
    bookingOpensAt: doc.bookingOpensAt.toISOString(),
    bookingClosesAt: doc.bookingClosesAt.toISOString(),
    cancelCutoffAt: doc.cancelCutoffAt.toISOString(),
    cancelled: doc.cancelled,
    bookable: bookingRefusal(doc, event, now) === null,
  };
}

/** An event as `readers` see it: its staff as written, everyone else with phone and ID numbers masked (as notices). */
export function toEventView(doc: EventDoc, stationName: string, sessions: EventSessionView[], sign: SignPhotos, readers: Readers): EventView {
  return {
    id: doc._id.toHexString(),
    stationId: doc.stationId.toHexString(),
    stationName,
    community: doc.community,
    title: textFor(readers, doc.title),
    kind: doc.kind,
    description: textFor(readers, doc.description),
    place: textFor(readers, doc.place),
    photos: sign(doc.photos),
    cancelled: !!doc.cancelledAt,
    sessions,
  };
}

export function toEventSummary(doc: EventDoc, stationName: string, readers: Readers): AttendanceList['event'] {
  return { id: doc._id.toHexString(), title: textFor(readers, doc.title), kind: doc.kind, place: textFor(readers, doc.place), stationName };
}

export interface BookingContext {
  session: EventSessionDoc;
  event: EventDoc;
  stationName: string;
  /** 1-based place in the waitlist, when waitlisted. */
  rank: number | null;
  checkedInAt: Date | null;
  now: Date;
}

export function toBookingView(doc: BookingDoc | CancelledBookingDoc, ctx: BookingContext): BookingView {
  const { session } = ctx;
  const live = doc.status === 'confirmed' || doc.status === 'waitlisted' ? doc.status : null;
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    // A booking still claiming its seats shows as waiting; it settles within the request.
    status: doc.status === 'pending' ? 'waitlisted' : doc.status,
    partySize: doc.partySize,
    waitlistPosition: doc.status === 'waitlisted' ? ctx.rank : null,
    // The promotion passes such a party over (waitlist.service.ts, head): without this it would wait silently.
    partyExceedsCapacity: partyPassedOver(doc, session.capacity),
    canCancel: live !== null && !ctx.checkedInAt && !session.cancelled && cancelRefusal(live, session, ctx.now) === null,
    checkedInAt: ctx.checkedInAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    cancelledAt: doc.status === 'cancelled' ? doc.cancelledAt.toISOString() : null,
    session: {
      id: session._id.toHexString(),
      startAt: session.startAt.toISOString(),
      endAt: session.endAt.toISOString(),
      cancelCutoffAt: session.cancelCutoffAt.toISOString(),
      cancelled: session.cancelled,
    },
    // A booking is its resident's: the event as the public reads it.
    event: toEventSummary(ctx.event, ctx.stationName, 'public'),
  };
}
