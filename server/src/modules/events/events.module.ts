import type { ModuleManifest } from '../manifest';
import { EVENT_MODEL, eventSchema } from './event.model';
import { EVENT_SESSION_MODEL, eventSessionSchema } from './event-session.model';
import { SEAT_MODEL, seatSchema } from './seat.model';
import { BOOKING_MODEL, bookingSchema, CANCELLED_BOOKING_MODEL, cancelledBookingSchema } from './booking.model';
import { SESSION_LOCK_MODEL, sessionLockSchema, WAITLIST_MODEL, waitlistSchema } from './waitlist.model';
import { CHECKIN_MODEL, checkinSchema } from './checkin.model';
import { EVENT_REQUEST_MODEL, eventRequestSchema } from './event-request.model';
import { EventPhotoOwner } from './event-photo-owner';
import { BookingPersonalData } from './booking-personal-data';
import { CheckinCopiesMigration } from './checkin-copies.migration';
import { PendingBookingsJob } from './pending-bookings.job';
import { housekeepingInterval } from '../../config/env';

/** The module's models (their unique indexes are what keeps bookings honest) and its photos. */
export const EVENTS_MODULE: ModuleManifest = {
  name: 'events',
  models: [
    [EVENT_MODEL, eventSchema],
    [EVENT_SESSION_MODEL, eventSessionSchema],
    [SEAT_MODEL, seatSchema],
    [BOOKING_MODEL, bookingSchema],
    [CANCELLED_BOOKING_MODEL, cancelledBookingSchema],
    [WAITLIST_MODEL, waitlistSchema],
    [SESSION_LOCK_MODEL, sessionLockSchema],
    [CHECKIN_MODEL, checkinSchema],
    [EVENT_REQUEST_MODEL, eventRequestSchema],
  ],
  photoOwners: [EventPhotoOwner],
  personalData: [BookingPersonalData],
  migrations: [CheckinCopiesMigration],
  jobs: [{ name: 'pending-bookings', intervalMs: housekeepingInterval, job: PendingBookingsJob }],
};
