// Open-day and meeting constants without zod, so the client can import them (schemas/events.ts re-exports them).

/** 开放日 open day, 座谈会 meeting. */
export const EVENT_KINDS = ['open_day', 'meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = { open_day: '开放日', meeting: '座谈会' };

/** A booking holds seats (confirmed) or waits for them (waitlisted, 候补); cancelled ones are archived. */
export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A booking that still holds or waits for a seat. */
export const isLiveBooking = (status: BookingStatus): boolean => status !== 'cancelled';
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = { confirmed: '已预约', waitlisted: '候补中', cancelled: '已取消' };

export const MAX_PARTY_SIZE = 4;
export const MAX_SESSION_CAPACITY = 1000;

/**
 * A party must fit the whole session: a bigger one could never be seated, and at the head of
 * the waitlist it would hold up everyone behind it (the server refuses it: PARTY_TOO_LARGE).
 */
export function partyFits(partySize: number, capacity: number): boolean {
  return partySize <= capacity;
}

/**
 * A waiting party the promotion passes over: larger than the whole session (it joined while a
 * capacity cut went through). Its resident and the station's staff are told so.
 */
export function partyPassedOver(booking: { status: string; partySize: number }, capacity: number): boolean {
  return booking.status === 'waitlisted' && !partyFits(booking.partySize, capacity);
}

export const MAX_EVENT_PHOTOS = 9;
/** Booking codes use no 0/O, 1/I/L: easy to read aloud and type. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

