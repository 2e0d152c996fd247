import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Claims } from '../../common/claims';
import type { BookingDoc } from './booking.model';
import { BookingService, STALE_PENDING_MS } from './booking.service';
import { EventStore } from './event-store';

const CLAIM_MS = 10 * 60_000;

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

  @Inject()
  claims!: Claims;

  async runOnce(now = new Date()): Promise<number> {
    return (await this.claims.run('job:pending-bookings', CLAIM_MS, () => this.sweep(now))) ?? 0;
  }

  private async sweep(now: Date): Promise<number> {
    const stale = (await this.store.bookings.find({ status: 'pending' }).lean<BookingDoc[]>()).filter((b) => now.getTime() - b.createdAt.getTime() >= STALE_PENDING_MS);
    for (const booking of stale) await this.bookings.sweepStale(booking);
    return stale.length;
  }
}
