import { Schema, type Types } from 'mongoose';

/** One record per (user, Idempotency-Key): the same key and body return the same case. */
export interface IdempotencyDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  key: string;
  bodyHash: string;
  caseId: Types.ObjectId | null;
  createdAt: Date;
}

export const IDEMPOTENCY_MODEL = 'Idempotency';

export const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    bodyHash: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);

idempotencySchema.index({ userId: 1, key: 1 }, { unique: true });
