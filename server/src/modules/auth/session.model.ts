import { Schema, type Types } from 'mongoose';

/** A login: our own opaque token, stored only as its SHA-256 hash. */
export interface SessionDoc {
  /** The token's hash: FerretDB v1 finds documents by _id directly but scans for other fields. */
  _id: string;
  tokenHash: string;
  userId: Types.ObjectId;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute expiry: 30 days after login, whatever the activity. */
  expiresAt: Date;
  revokedAt: Date | null;
}

export const SESSION_MODEL = 'Session';

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    tokenHash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'sessions', versionKey: false },
);

sessionSchema.index({ tokenHash: 1 }, { unique: true });
sessionSchema.index({ userId: 1 });
