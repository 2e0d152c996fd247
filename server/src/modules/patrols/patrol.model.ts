import { Schema, type Types } from 'mongoose';
import { MAX_PATROL_PROBLEMS } from '@citycare/shared';

/** One patrol in the log (巡查台账): who walked where, when, what they saw and which cases it raised. */
export interface PatrolDoc {
  _id: Types.ObjectId;
  stationId: Types.ObjectId;
  officerId: Types.ObjectId;
  /** The officer's Idempotency-Key: a retried submission is the same log. */
  key: string;
  bodyHash: string;
  startedAt: Date;
  endedAt: Date;
  area: string;
  notes: string;
  photos: Types.ObjectId[];
  /** Cases raised from the problems found (未诉先办), at most MAX_PATROL_PROBLEMS. */
  caseIds: Types.ObjectId[];
  createdAt: Date;
}

export const PATROL_MODEL = 'Patrol';

export const patrolSchema = new Schema<PatrolDoc>(
  {
    stationId: { type: Schema.Types.ObjectId, required: true },
    officerId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    bodyHash: { type: String, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, required: true },
    area: { type: String, required: true, maxlength: 100 },
    notes: { type: String, default: '', maxlength: 2000 },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    caseIds: {
      type: [Schema.Types.ObjectId],
      default: [],
      validate: { validator: (v: unknown[]) => v.length <= MAX_PATROL_PROBLEMS, message: 'too many cases on one patrol' },
    },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'patrols', versionKey: false },
);

// One log per submission, even when the officer's retry races the first attempt.
patrolSchema.index({ officerId: 1, key: 1 }, { unique: true });
// A station's day and an officer's day.
patrolSchema.index({ stationId: 1, startedAt: 1 });
patrolSchema.index({ officerId: 1, startedAt: 1 });
