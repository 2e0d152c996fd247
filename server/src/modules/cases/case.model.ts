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
  /** When the retention job anonymised it (RETENTION_DAYS after it was closed); null before. */
  anonymisedAt?: Date | null;
  /** The newest public reply of an officer (Open311's status notes, without reading the timeline). */
  lastReply: string | null;
  /** Positions in the newest-first lists (common/ordinal-list.ts): the reporter's, the station's, the city's. */
  mineK: number;
  stationK: number;
  cityK: number;
  // Derived in case-derived.ts from the fields above, after every change; each is an equality key.
  /** Category and grid cell while open (附近已有人反映); null once it is not. */
  nearKey: string | null;
  /** "<scope>|<due day>" while open: the queue of the station, the community, the city. */
  queueStation: string | null;
  queueCommunity: string | null;
  queueCity: string | null;
  /** "all|<day>" while resolved: the day the system closes it unless a rating does first. */
  closeDue: string | null;
  /** "all|<day closed>" while a final case still holds personal data: the retention job's key. */
  purgeFrom?: string | null;
  /** "<scope>|<day received>": which daily tallies of the figures count it. */
  tallyStation: string;
  tallyCommunity: string | null;
  /** "<list owner>|<bucket of the position>": a page of a newest-first list. */
  mineBucket: string;
  stationBucket: string;
  cityBucket: string;
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
    lastReply: { type: String, default: null },
    anonymisedAt: { type: Date, default: null },
    purgeFrom: { type: String, default: null },
    mineK: { type: Number, required: true },
    stationK: { type: Number, required: true },
    cityK: { type: Number, required: true },
    nearKey: { type: String, default: null },
    queueStation: { type: String, default: null },
    queueCommunity: { type: String, default: null },
    queueCity: { type: String, default: null },
    closeDue: { type: String, default: null },
    tallyStation: { type: String, required: true },
    tallyCommunity: { type: String, default: null },
    mineBucket: { type: String, required: true },
    stationBucket: { type: String, required: true },
    cityBucket: { type: String, required: true },
  },
  { collection: 'cases', timestamps: true, versionKey: false },
);

// Every read of cases is an equality on one of these (docs/design.md, "Data rules"; ADR 0008).
caseSchema.index({ reporterId: 1 });
caseSchema.index({ mergedInto: 1 });
caseSchema.index({ closeDue: 1 });
caseSchema.index({ purgeFrom: 1 });
caseSchema.index({ nearKey: 1 });
caseSchema.index({ queueStation: 1 });
caseSchema.index({ queueCommunity: 1 });
caseSchema.index({ queueCity: 1 });
caseSchema.index({ tallyStation: 1 });
caseSchema.index({ tallyCommunity: 1 });
caseSchema.index({ mineBucket: 1 });
caseSchema.index({ stationBucket: 1 });
caseSchema.index({ cityBucket: 1 });
