import { BOOKING_STATUS_LABELS, type BookingStatus, type BookingView } from '@citycare/shared';
import type { BadgeTone } from '../../components/Badge';

const TONES: Record<BookingStatus, BadgeTone> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'neutral' };

export function bookingBadge(status: BookingStatus): { text: string; tone: BadgeTone } {
  return { text: BOOKING_STATUS_LABELS[status], tone: TONES[status] };
}

/** The one-line form for a list of bookings (the booking itself says it in full: waitlistNote). */
export const PASSED_OVER_SHORT = '人数超过现有名额，无法递补。请取消后减少人数重新预约';

/**
 * What a waiting resident reads: their place in line, or, when their party has grown larger than
 * the session (a capacity cut went through as they joined), that waiting will not seat them and
 * what to do instead. Null unless waitlisted.
 */
export function waitlistNote(booking: Pick<BookingView, 'status' | 'waitlistPosition' | 'partySize' | 'partyExceedsCapacity'>): string | null {
  if (booking.status !== 'waitlisted') return null;
  if (booking.partyExceedsCapacity) return `本场现有名额少于您预约的 ${booking.partySize} 人，暂时无法递补。如仍想参加，请取消本预约，减少人数后重新预约`;
  // A booking still settling has no place yet.
  const place = booking.waitlistPosition === null ? BOOKING_STATUS_LABELS.waitlisted : `候补第 ${booking.waitlistPosition} 位`;
  return `${place}，有人取消后将按顺序为您递补`;
}
