import { Schema, type Types } from 'mongoose';
import { CASE_OUTCOMES, CASE_SOURCES, CASE_STATUSES, type CaseOutcome, type CaseSource, type CaseStatus } from '@citycare/shared';

/** A reported problem (随手拍 and the other sources). Its history lives in case_events. */
export interface CaseDoc {
  _id: Types.ObjectId;
  /** The version: the seq of the last timeline entry applied. */
  seq: number;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  category: string;
  description: string;
  publicDescription: boolean;
  photos: Types.ObjectId[];
  lat: number;
  lng: number;
  address: string;
  anonymous: boolean;
  source: CaseSource;
  reporterId: Types.ObjectId;
  stationId: Types.ObjectId;
  community: string | null;
  /** The temporary stall zone (临时摊位区) the report is about, if any. */
  zoneId: Types.ObjectId | null;
  acceptBy: Date;
  resolveBy: Date;
  /** The deadline that matters now (acceptBy while submitted, else resolveBy); the queue sorts by it. */
  dueAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  mergedInto: Types.ObjectId | null;
  escalated: boolean;
  rating: number | null;
  /** Derived (case-derived.ts): category and grid cell while open, for 附近已有人反映; null once closed. */
  nearKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CASE_MODEL = 'Case';

export const caseSchema = new Schema<CaseDoc>(
  {
    seq: { type: Number, required: true, default: 0 },
    status: { type: String, enum: CASE_STATUSES, required: true },
    outcome: { type: String, enum: [...CASE_OUTCOMES, null], default: null },
    category: { type: String, required: true },
    description: { type: String, required: true },
    publicDescription: { type: Boolean, required: true, default: false },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    address: { type: String, required: true },
    anonymous: { type: Boolean, required: true, default: false },
    source: { type: String, enum: CASE_SOURCES, required: true },
    reporterId: { type: Schema.Types.ObjectId, required: true },
    stationId: { type: Schema.Types.ObjectId, required: true },
    community: { type: String, default: null },
    zoneId: { type: Schema.Types.ObjectId, default: null },
    acceptBy: { type: Date, required: true },
    resolveBy: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    escalated: { type: Boolean, required: true, default: false },
    rating: { type: Number, default: null },
    nearKey: { type: String, default: null },
  },
  { collection: 'cases', timestamps: true, versionKey: false },
);

caseSchema.index({ reporterId: 1, createdAt: -1, _id: -1 });
caseSchema.index({ stationId: 1, status: 1, dueAt: 1, _id: 1 });
caseSchema.index({ status: 1, resolvedAt: 1 });
// Figures (三率) select a cohort by station or community and creation date.
caseSchema.index({ stationId: 1, createdAt: 1 });
caseSchema.index({ community: 1, createdAt: 1 });
caseSchema.index({ nearKey: 1 });
