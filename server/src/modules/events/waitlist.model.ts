import { Schema, type Types } from 'mongoose';

/**
 * A party waiting for seats (候补). `{sessionId, position}` is unique, so the
 * order is total; `bookingId` is unique, so a booking waits once.
 */
export interface WaitlistDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  position: number;
  bookingId: Types.ObjectId;
  userId: Types.ObjectId;
  partySize: number;
  at: Date;
}

export const WAITLIST_MODEL = 'EventWaitlist';

export const waitlistSchema = new Schema<WaitlistDoc>(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    position: { type: Number, required: true },
    bookingId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    partySize: { type: Number, required: true, min: 1 },
    at: { type: Date, required: true },
  },
  { collection: 'event_waitlist', versionKey: false },
);

waitlistSchema.index({ sessionId: 1, position: 1 }, { unique: true });
waitlistSchema.index({ bookingId: 1 }, { unique: true });

/**
 * Who is moving a session's seats around (promoting the waitlist, changing
 * the capacity): one at a time per session, claimed by a unique insert and
 * taken over when it outlives `expiresAt` (a crashed holder).
 */
export interface SessionLockDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  holder: string;
  expiresAt: Date;
}

export const SESSION_LOCK_MODEL = 'EventSessionLock';

export const sessionLockSchema = new Schema<SessionLockDoc>(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'event_session_locks', versionKey: false },
);

sessionLockSchema.index({ sessionId: 1 }, { unique: true });
