import { Schema, type Types } from 'mongoose';

/** A booking checked in at the door. `bookingId` is unique: a second scan cannot check in twice. */
export interface CheckinDoc {
  _id: Types.ObjectId;
  bookingId: Types.ObjectId;
  sessionId: Types.ObjectId;
  byUserId: Types.ObjectId;
  at: Date;
}

export const CHECKIN_MODEL = 'EventCheckin';

export const checkinSchema = new Schema<CheckinDoc>(
  {
    bookingId: { type: Schema.Types.ObjectId, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    byUserId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'event_checkins', versionKey: false },
);

checkinSchema.index({ bookingId: 1 }, { unique: true });
checkinSchema.index({ sessionId: 1 });
