import { Schema, type Types } from 'mongoose';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A notification owed to a user about a case event, sent by the outbox worker. */
export interface OutboxDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  caseId: Types.ObjectId;
  eventSeq: number;
  /** Subscribe-message fields, already rendered. */
  data: Record<string, { value: string }>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export const OUTBOX_MODEL = 'Outbox';

export const outboxSchema = new Schema<OutboxDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    eventSeq: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: OUTBOX_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'outbox', versionKey: false },
);

// One notification per user per case event, even if the event is rolled forward twice.
outboxSchema.index({ caseId: 1, eventSeq: 1, userId: 1 }, { unique: true });
outboxSchema.index({ status: 1, nextAttemptAt: 1 });

/** Claims are inserts: a unique {entryId, attempt} lets exactly one worker send an attempt. */
export const OUTBOX_CLAIM_MODEL = 'OutboxClaim';
export const outboxClaimSchema = new Schema(
  {
    entryId: { type: Schema.Types.ObjectId, required: true },
    attempt: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'outbox_claims', versionKey: false },
);
outboxClaimSchema.index({ entryId: 1, attempt: 1 }, { unique: true });
