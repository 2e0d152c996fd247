import { Schema, type Types } from 'mongoose';

/** pending: just inserted, claiming seats; then confirmed (seats held) or waitlisted. */
export const LIVE_BOOKING_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;
export type LiveBookingStatus = (typeof LIVE_BOOKING_STATUSES)[number];

/**
 * A resident's live booking of a session. `{sessionId, userId}` is unique: one
 * booking per resident per session, however many requests race. A cancelled
 * booking moves to the archive (below), so the resident may book again.
 */
export interface BookingDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  eventId: Types.ObjectId;
  stationId: Types.ObjectId;
  userId: Types.ObjectId;
  partySize: number;
  code: string;
  status: LiveBookingStatus;
  confirmedAt: Date | null;
  /** When it was checked in, copied from its check-in (the one `checkins` record decides), so lists need no lookup. */
  checkedInAt?: Date | null;
  createdAt: Date;
}

export const BOOKING_MODEL = 'EventBooking';

const bookingFields = {
  sessionId: { type: Schema.Types.ObjectId, required: true },
  eventId: { type: Schema.Types.ObjectId, required: true },
  stationId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  partySize: { type: Number, required: true, min: 1 },
  code: { type: String, required: true },
  confirmedAt: { type: Date, default: null },
  checkedInAt: { type: Date, default: null },
  createdAt: { type: Date, required: true },
};

export const bookingSchema = new Schema<BookingDoc>(
  { ...bookingFields, status: { type: String, enum: LIVE_BOOKING_STATUSES, required: true } },
  { collection: 'event_bookings', versionKey: false },
);

bookingSchema.index({ sessionId: 1, userId: 1 }, { unique: true });
bookingSchema.index({ code: 1 }, { unique: true });
bookingSchema.index({ userId: 1, createdAt: -1 });
bookingSchema.index({ sessionId: 1, status: 1 });
// Bookings a crash left pending, for the sweep (pending-bookings.job.ts): only those match.
bookingSchema.index({ status: 1 });

/** A cancelled booking, kept for the resident's list and the officer's "cancelled" answer. Same _id. */
export interface CancelledBookingDoc extends Omit<BookingDoc, 'status'> {
  status: 'cancelled';
  /** What it was when cancelled. */
  wasStatus: LiveBookingStatus;
  cancelledAt: Date;
}

export const CANCELLED_BOOKING_MODEL = 'EventCancelledBooking';

export const cancelledBookingSchema = new Schema<CancelledBookingDoc>(
  {
    ...bookingFields,
    status: { type: String, enum: ['cancelled'], required: true },
    wasStatus: { type: String, enum: LIVE_BOOKING_STATUSES, required: true },
    cancelledAt: { type: Date, required: true },
  },
  { collection: 'event_cancelled_bookings', versionKey: false },
);

cancelledBookingSchema.index({ userId: 1, cancelledAt: -1 });
cancelledBookingSchema.index({ code: 1 });
