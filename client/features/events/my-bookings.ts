import { isLiveBooking, MAX_PARTY_SIZE, partyFits, type BookingList, type BookingView, type EventSessionView } from '@citycare/shared';
import { ApiError, bookings } from '../../api';

/** My bookings that still hold or wait for a seat, by session: the event page offers 查看预约 for those instead of 预约. */
export function liveBookingsBySession(list: BookingList | undefined): Map<string, BookingView> {
  const live = new Map<string, BookingView>();
  for (const b of list?.items ?? []) if (isLiveBooking(b.status)) live.set(b.session.id, b);
  return live;
}

/** The largest party the picker offers for a session: up to MAX_PARTY_SIZE, and one that fits it (partyFits). */
export function partyLimit(session: Pick<EventSessionView, 'capacity'>): number {
  let limit = MAX_PARTY_SIZE;
  while (limit > 1 && !partyFits(limit, session.capacity)) limit -= 1;
  return limit;
}

/**
 * Books a session; when the server says I already have a booking there (a retry after a lost
 * answer, or a booking made on another phone), that booking is the answer.
 */
export async function bookOrFindMine(sessionId: string, partySize: number): Promise<BookingView> {
  try {
    return await bookings.book(sessionId, partySize);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'ALREADY_BOOKED')) throw error;
    const mine = liveBookingsBySession(await bookings.mine()).get(sessionId);
    if (!mine) throw error;
    return mine;
  }
}
