import { Schema, type Types } from 'mongoose';

/**
 * A 12345 work order we took in: hotline id → our case. The hotline id is the
 * document's _id: unique, so re-delivery lands on the same case, and the one
 * key FerretDB v1 (SQLite) looks up without scanning the collection.
 * contentHash tells a repeat from a different case reusing the id. The
 * caller's phone is sealed (phone-cipher) or absent, and never selected unless asked for.
 */
export interface HotlineCaseDoc {
  /** The hotline id (工单编号). */
  _id: string;
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
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    contentHash: { type: String, required: true },
    callerPhone: { type: String, default: null, select: false },
    channel: { type: String, enum: ['api', 'csv'], required: true },
    importedBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'hotline_cases', versionKey: false },
);

hotlineCaseSchema.index({ caseId: 1 });
