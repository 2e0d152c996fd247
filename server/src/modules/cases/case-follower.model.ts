import { Schema, type Types } from 'mongoose';

/** A resident following a case they did not report (我也遇到): they see its public view and hear of it. */
export interface CaseFollowerDoc {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  userId: Types.ObjectId;
  at: Date;
}

export const CASE_FOLLOWER_MODEL = 'CaseFollower';

export const caseFollowerSchema = new Schema<CaseFollowerDoc>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'case_followers', versionKey: false },
);

// Following twice is one follow, even when two taps race.
caseFollowerSchema.index({ caseId: 1, userId: 1 }, { unique: true });
caseFollowerSchema.index({ userId: 1, at: -1, _id: -1 });
