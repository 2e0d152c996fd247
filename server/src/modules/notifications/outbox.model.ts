import { Schema, type Types } from 'mongoose';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A notification owed to a user (a case event, a booking change), sent by the outbox worker. */
export interface OutboxDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  /** What this is about, e.g. "case:<id>:<seq>"; with userId unique, so nothing is queued twice. */
  dedupeKey: string;
  /** The mini-program page the message opens. */
  page: string;
  /** Template kind (NOTIFICATION_TEMPLATES), resolved to a template id when sent. */
  template: string;
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
    dedupeKey: { type: String, required: true },
    page: { type: String, required: true },
    template: { type: String, required: true, default: 'case_status' },
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

// One notification per user per thing, even if an event is rolled forward twice.
outboxSchema.index({ dedupeKey: 1, userId: 1 }, { unique: true });
outboxSchema.index({ status: 1, nextAttemptAt: 1 });
outboxSchema.index({ userId: 1 });

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
