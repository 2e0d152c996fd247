import { Schema, type Types } from 'mongoose';

/**
 * One occupied seat of a session. `{sessionId, seat}` is unique and seat is
 * 1..capacity, so a session can never hold more seats than its capacity: a
 * booking claims its seats by inserting these documents (docs/design.md, "Data rules").
 * A seat with no booking is a blocker: it keeps a seat above a reduced
 * capacity out of reach of a booker who read the old capacity.
 */
export interface SeatDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  seat: number;
  bookingId: Types.ObjectId | null;
  at: Date;
}

export const SEAT_MODEL = 'EventSeat';

export const seatSchema = new Schema<SeatDoc>(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    seat: { type: Number, required: true, min: 1 },
    bookingId: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'event_seats', versionKey: false },
);

seatSchema.index({ sessionId: 1, seat: 1 }, { unique: true });
seatSchema.index({ bookingId: 1 });
