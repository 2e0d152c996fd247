import type { SignedPhoto } from './media';
// Response shapes of the open-day and meeting endpoints (开放日、座谈会).
import type { BookingStatus, EventKind } from '../schemas/events';

export interface EventSessionView {
  id: string;
  eventId: string;
  startAt: string;
  endAt: string;
  capacity: number;
  /** Seats held by confirmed bookings (party sizes summed). */
  seatsTaken: number;
  seatsLeft: number;
  /** Parties waiting (候补). */
  waitlisted: number;
  bookingOpensAt: string;
  bookingClosesAt: string;
  cancelCutoffAt: string;
  cancelled: boolean;
  /** Open for booking right now (not cancelled, not started, inside the booking window). */
  bookable: boolean;
}

export interface EventView {
  id: string;
  stationId: string;
  stationName: string;
  community: string;
  title: string;
  kind: EventKind;
  description: string;
  place: string;
  photos: SignedPhoto[];
  cancelled: boolean;
  sessions: EventSessionView[];
}

export interface EventList {
  items: EventView[];
}

export interface BookingView {
  id: string;
  /** Shown to the officer as a QR code or read out; 8 characters without 0/O/1/I/L. */
  code: string;
  status: BookingStatus;
  partySize: number;
  /** 1 = next in line; null unless waitlisted. */
  waitlistPosition: number | null;
  /**
   * Waitlisted, and the party is larger than the whole session now (it joined while a capacity
   * cut went through): it keeps its place but cannot move up unless the capacity grows again, so
   * the resident is told to book again with fewer people.
   */
  partyExceedsCapacity: boolean;
  /** The resident may cancel now (before the cut-off; a waitlisted booking until the start). */
  canCancel: boolean;
  checkedInAt: string | null;
  createdAt: string;
  cancelledAt: string | null;
  session: Pick<EventSessionView, 'id' | 'startAt' | 'endAt' | 'cancelCutoffAt' | 'cancelled'>;
  event: { id: string; title: string; kind: EventKind; place: string; stationName: string };
}

export interface BookingList {
  items: BookingView[];
}

/** One line of a session's attendance list (staff only; phone masked). */
export interface AttendanceRow {
  bookingId: string;
  code: string;
  name: string;
  phone: string | null;
  partySize: number;
  status: Exclude<BookingStatus, 'cancelled'>;
  waitlistPosition: number | null;
  /** Waiting, but larger than the session: passed over until the seats grow (partyPassedOver). */
  partyExceedsCapacity: boolean;
  checkedInAt: string | null;
}

export interface AttendanceList {
  session: EventSessionView;
  event: { id: string; title: string; kind: EventKind; place: string; stationName: string };
  items: AttendanceRow[];
  totals: { bookings: number; people: number; checkedInBookings: number; checkedInPeople: number; waitlisted: number };
}

export interface CheckinResult {
  checkedInAt: string;
  attendee: AttendanceRow;
  session: EventSessionView;
  event: AttendanceList['event'];
}
