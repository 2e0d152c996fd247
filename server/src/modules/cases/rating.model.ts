import { Schema, type Types } from 'mongoose';

/** The reporter's rating of a resolved case: one per case, enforced by a unique index. */
export interface RatingDoc {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  reporterId: Types.ObjectId;
  score: number;
  comment: string | null;
  at: Date;
}

export const RATING_MODEL = 'Rating';

export const ratingSchema = new Schema<RatingDoc>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    reporterId: { type: Schema.Types.ObjectId, required: true },
    score: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'ratings', versionKey: false },
);

ratingSchema.index({ caseId: 1 }, { unique: true });
ratingSchema.index({ reporterId: 1 });
