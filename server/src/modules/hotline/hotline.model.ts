import { Schema, type Types } from 'mongoose';

/**
 * A 12345 work order we took in: hotline id → our case. The unique hotlineId
 * makes re-delivery land on the same case; contentHash tells a repeat from a
 * different case reusing the id. The caller's phone is sealed (phone-cipher)
 * or absent, and never selected unless asked for.
 */
export interface HotlineCaseDoc {
  _id: Types.ObjectId;
  hotlineId: string;
  caseId: Types.ObjectId;
  /** sha256 of the delivered content, phone excluded (a hash of an 11-digit number is easily reversed). */
  contentHash: string;
  callerPhone: string | null;
  /** How it arrived: the API, or a CSV import by an admin. */
  channel: 'api' | 'csv';
  importedBy: Types.ObjectId | null;
  createdAt: Date;
}

export const HOTLINE_CASE_MODEL = 'HotlineCase';

export const hotlineCaseSchema = new Schema<HotlineCaseDoc>(
  {
    hotlineId: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    contentHash: { type: String, required: true },
    callerPhone: { type: String, default: null, select: false },
    channel: { type: String, enum: ['api', 'csv'], required: true },
    importedBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'hotline_cases', versionKey: false },
);

hotlineCaseSchema.index({ hotlineId: 1 }, { unique: true });
hotlineCaseSchema.index({ caseId: 1 });
