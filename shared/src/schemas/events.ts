import { z } from 'zod';
import { objectIdString, queryInt } from '../validation';

export * from '../event-rules';
import { EVENT_KINDS, MAX_EVENT_PHOTOS, MAX_PARTY_SIZE, MAX_SESSION_CAPACITY } from '../event-rules';

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
