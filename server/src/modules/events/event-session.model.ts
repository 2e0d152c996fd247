import { Schema, type Types } from 'mongoose';

/**
 * One time slot of an event with its capacity. Seats are not counted here:
 * each occupied seat is a document of its own (seat.model.ts), so no update
 * of this document can lose a booking.
 */
export interface EventSessionDoc {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  stationId: Types.ObjectId;
  startAt: Date;
  endAt: Date;
  capacity: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  cancelCutoffAt: Date;
  cancelled: boolean;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const EVENT_SESSION_MODEL = 'EventSession';

export const eventSessionSchema = new Schema<EventSessionDoc>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    stationId: { type: Schema.Types.ObjectId, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    capacity: { type: Number, required: true, min: 1 },
    bookingOpensAt: { type: Date, required: true },
    bookingClosesAt: { type: Date, required: true },
    cancelCutoffAt: { type: Date, required: true },
    cancelled: { type: Boolean, required: true, default: false },
    cancelledAt: { type: Date, default: null },
  },
  { collection: 'event_sessions', timestamps: true, versionKey: false },
);

eventSessionSchema.index({ eventId: 1, startAt: 1 });
eventSessionSchema.index({ endAt: 1 });
