import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { BookingDoc } from './booking.model';
import { BookingService, STALE_PENDING_MS } from './booking.service';
import { EventStore } from './event-store';

/**
 * Sweeps bookings a crash left `pending` (inserted, seats perhaps claimed,
 * never confirmed nor waitlisted) once they are a minute old: the booking and
 * any seats it holds go, and the waitlist moves up into them. Reads by
 * equality on `status`; one process at a time.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PendingBookingsJob {
  @Inject()
  store!: EventStore;

  @Inject()
  bookings!: BookingService;

  async runOnce(now = new Date()): Promise<number> {
    const stale = (await this.store.bookings.find({ status: 'pending' }).lean<BookingDoc[]>()).filter((b) => now.getTime() - b.createdAt.getTime() >= STALE_PENDING_MS);
    for (const booking of stale) await this.bookings.sweepStale(booking);
    return stale.length;
  }
}
