import { z } from 'zod';
import { objectIdString, queryInt } from '../validation';

/** 开放日 open day, 座谈会 meeting. */
export const EVENT_KINDS = ['open_day', 'meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = { open_day: '开放日', meeting: '座谈会' };

/** A booking holds seats (confirmed) or waits for them (waitlisted, 候补); cancelled ones are archived. */
export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = { confirmed: '已预约', waitlisted: '候补中', cancelled: '已取消' };

export const MAX_PARTY_SIZE = 4;
export const MAX_SESSION_CAPACITY = 1000;
export const MAX_EVENT_PHOTOS = 9;
/** Booking codes use no 0/O, 1/I/L: easy to read aloud and type. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = objectIdString('VALIDATION_FAILED');
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const photoIds = z.array(id).max(MAX_EVENT_PHOTOS, { error: 'TOO_MANY_PHOTOS' });

const eventFields = {
  title: text(60),
  kind: z.enum(EVENT_KINDS),
  description: text(2000),
  place: text(200),
  photos: photoIds,
};

/** POST /api/staff/events. A lead's event is for their station; an admin names one. */
export const createEventBody = z.strictObject({
  stationId: id.optional(),
  ...eventFields,
  photos: photoIds.default([]),
});
export type CreateEventBody = z.output<typeof createEventBody>;

/** PATCH /api/staff/events/:id — any of the fields; photos replace the list. */
export const updateEventBody = z
  .strictObject({
    title: eventFields.title.optional(),
    kind: eventFields.kind.optional(),
    description: eventFields.description.optional(),
    place: eventFields.place.optional(),
    photos: photoIds.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' });
export type UpdateEventBody = z.output<typeof updateEventBody>;

const sessionTimes = {
  startAt: instant,
  endAt: instant,
  /** Default: now. */
  bookingOpensAt: instant.optional(),
  /** Default: the start. */
  bookingClosesAt: instant.optional(),
  /** Until when a resident may cancel a confirmed booking; default: the start. */
  cancelCutoffAt: instant.optional(),
};

/** POST /api/staff/events/:id/sessions */
export const createSessionBody = z.strictObject({
  ...sessionTimes,
  capacity: z.number().int().min(1).max(MAX_SESSION_CAPACITY),
});
export type CreateSessionBody = z.output<typeof createSessionBody>;

/** PATCH /api/staff/event-sessions/:id — times and capacity; the order is checked after merging. */
export const updateSessionBody = z
  .strictObject({
    startAt: instant.optional(),
    endAt: instant.optional(),
    bookingOpensAt: instant.optional(),
    bookingClosesAt: instant.optional(),
    cancelCutoffAt: instant.optional(),
    capacity: createSessionBody.shape.capacity.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' });
export type UpdateSessionBody = z.output<typeof updateSessionBody>;

export interface SessionTimes {
  startAt: Date;
  endAt: Date;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  cancelCutoffAt: Date;
}

/** Opens < closes ≤ start < end, cut-off ≤ start: true when a session's times make sense. */
export function isValidSessionTimes(t: SessionTimes): boolean {
  return (
    t.bookingOpensAt < t.bookingClosesAt &&
    t.bookingClosesAt <= t.startAt &&
    t.startAt < t.endAt &&
    t.cancelCutoffAt <= t.startAt
  );
}

/** POST /api/bookings */
export const createBookingBody = z.strictObject({
  sessionId: id,
  /** Seats for the resident and who comes with them. */
  partySize: z.number().int().min(1).max(MAX_PARTY_SIZE).default(1),
});

/** POST /api/staff/checkins: the code as scanned or typed (case, spaces and dashes ignored). */
export const checkinBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  /** When given, the booking must be for this session (the officer's current session). */
  sessionId: id.optional(),
});

/** GET /api/events */
export const listEventsQuery = z.strictObject({
  stationId: id.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  limit: queryInt('INVALID_LIMIT', 1, 50).optional(),
});

/** GET /api/staff/events: an admin may pick a station; others see their own. */
export const staffEventsQuery = z.strictObject({
  stationId: id.optional(),
  limit: queryInt('INVALID_LIMIT', 1, 100).optional(),
});
