import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { PersonalDataHolder } from '../users/personal-data';
import type { BookingDoc, CancelledBookingDoc } from './booking.model';
import { BookingQueryService } from './booking-query.service';
import { BookingService } from './booking.service';
import { EventStore } from './event-store';

/**
 * The person's bookings. On deletion a booking that may still be cancelled
 * is cancelled (its seats go to the waitlist); one that may not (checked in,
 * past the cut-off) stays, as do cancelled ones, for attendance figures —
 * but under an id that leads to no one.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BookingPersonalData implements PersonalDataHolder {
  @Inject()
  store!: EventStore;

  @Inject()
  query!: BookingQueryService;

  @Inject()
  bookings!: BookingService;

  async export(userId: Types.ObjectId) {
    const [live, cancelled] = await Promise.all([
      this.store.bookings.find({ userId }).lean<BookingDoc[]>(),
      this.store.cancelledBookings.find({ userId }).lean<CancelledBookingDoc[]>(),
    ]);
    return { bookings: await this.query.views([...live, ...cancelled].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) };
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    const asResident = { id: userId.toHexString(), role: 'resident' as const, stationId: null, community: null, openid: '' };
    for (const booking of await this.store.bookings.find({ userId }).lean<BookingDoc[]>()) {
      await this.bookings.cancel(asResident, booking._id.toHexString()).catch((err) => {
        if (!(err instanceof AppError)) throw err; // may not be cancelled any more: it stays, anonymised below
      });
    }
    const nobody = () => ({ $set: { userId: new Types.ObjectId() } });
    for (const b of await this.store.bookings.find({ userId }).select('_id').lean<Pick<BookingDoc, '_id'>[]>()) {
      await this.store.bookings.updateOne({ _id: b._id }, nobody());
      await this.store.waitlist.updateMany({ bookingId: b._id }, nobody());
    }
    for (const b of await this.store.cancelledBookings.find({ userId }).select('_id').lean<Pick<CancelledBookingDoc, '_id'>[]>()) {
      await this.store.cancelledBookings.updateOne({ _id: b._id }, nobody());
    }
  }
}
