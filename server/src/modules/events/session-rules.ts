import type { ErrorCode } from '@citycare/shared';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';

type Times = Pick<EventSessionDoc, 'cancelled' | 'startAt' | 'bookingOpensAt' | 'bookingClosesAt' | 'cancelCutoffAt'>;

/**
 * Why a session cannot be booked now, or null when it can. A session of a cancelled event is
 * called off even if its own flag missed the cancel (an add that died before its check of the
 * event: EventAdminService.addSession).
 */
export function bookingRefusal(session: Times, event: Pick<EventDoc, 'cancelledAt'>, now: Date): ErrorCode | null {
  if (session.cancelled || event.cancelledAt) return 'SESSION_CANCELLED';
  if (now >= session.startAt) return 'SESSION_PAST';
  if (now < session.bookingOpensAt || now > session.bookingClosesAt) return 'BOOKING_NOT_OPEN';
  return null;
}

/**
 * May a booking still be cancelled by its resident? A confirmed one until the
 * cut-off; a waitlisted one, which holds no seat, until the start.
 */
export function cancelRefusal(status: 'confirmed' | 'waitlisted', session: Times, now: Date): ErrorCode | null {
  if (session.cancelled) return null; // nothing to protect any more; letting go is always fine
  if (status === 'confirmed' && now > session.cancelCutoffAt) return 'CANCEL_CUTOFF_PASSED';
  if (now >= session.startAt) return 'SESSION_PAST';
  return null;
}

/** Seats freed now can still go to the waitlist: the session is on and has not started. */
export function canPromote(session: Times, now: Date): boolean {
  return !session.cancelled && now < session.startAt;
}
