import type { BookingList, BookingView, EventKind, EventList, EventView } from '@citycare/shared';
import { request } from './request';

/** Open days and meetings (public) and my bookings (signed in). */
export const events = {
  upcoming(filter: { stationId?: string; kind?: EventKind; limit?: number } = {}): Promise<EventList> {
    return request('/api/events', { query: filter });
  },
  get(id: string): Promise<EventView> {
    return request(`/api/events/${encodeURIComponent(id)}`);
  },
};

export const bookings = {
  /** Seats, or the waitlist (候补) when full; one booking per resident per session. */
  book(sessionId: string, partySize: number): Promise<BookingView> {
    return request('/api/bookings', { method: 'POST', body: { sessionId, partySize }, auth: true });
  },
  mine(): Promise<BookingList> {
    return request('/api/bookings', { auth: true });
  },
  get(id: string): Promise<BookingView> {
    return request(`/api/bookings/${encodeURIComponent(id)}`, { auth: true });
  },
  /** Repeating it answers the same booking, so a retry is safe. */
  cancel(id: string): Promise<BookingView> {
    return request(`/api/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST', auth: true });
  },
};
