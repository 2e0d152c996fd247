import { Schema, type Types } from 'mongoose';
import type { CaseMove, CaseOutcome, CaseStatus, Role, TimelineKind } from '@citycare/shared';

/**
 * One timeline entry. `{caseId, seq}` is unique: inserting seq n+1 is how a
 * writer claims the next version of a case, so concurrent moves cannot both win
 * (FerretDB v1 updates are read-modify-write; unique inserts are atomic).
 */
export interface CaseEventDoc {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  seq: number;
  kind: TimelineKind;
  move: CaseMove | null;
  from: CaseStatus | null;
  to: CaseStatus | null;
  text: string | null;
  outcome: CaseOutcome | null;
  /** The stars of a rating entry. */
  score: number | null;
  photos: Types.ObjectId[];
  /** Visible to the reporter (status changes, replies) or staff only (notes). */
  public: boolean;
  actorId: Types.ObjectId | null;
  actorRole: Role | 'system';
  /** The fields this entry sets on the case, so a half-applied move can be rolled forward. */
  patch: Record<string, unknown>;
  at: Date;
  /** The Idempotency-Key (scoped: "reply:…", "supplement:…") of the request that wrote it, when it sent one: a retry finds its entry by it. */
  requestKey?: string;
}

export const CASE_EVENT_MODEL = 'CaseEvent';

export const caseEventSchema = new Schema<CaseEventDoc>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    move: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
    text: { type: String, default: null },
    outcome: { type: String, default: null },
    score: { type: Number, default: null },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    public: { type: Boolean, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorRole: { type: String, required: true },
    patch: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true },
    requestKey: { type: String },
  },
  { collection: 'case_events', versionKey: false, minimize: false },
);

caseEventSchema.index({ caseId: 1, seq: 1 }, { unique: true });
// What a person wrote, for their data export and erasure.
caseEventSchema.index({ actorId: 1 });
