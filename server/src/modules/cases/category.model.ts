import { Schema, type Types } from 'mongoose';
import { STATION_KINDS, type StationKind } from '@citycare/shared';

/** A problem category with its SLA; admin-editable data seeded from shared DEFAULT_CATEGORIES. */
export interface CategoryDoc {
  _id: Types.ObjectId;
  code: string;
  name: string;
  acceptHours: number;
  resolveHours: number;
  /** Which kinds of station handle it (new cases route to one); empty or missing: every kind. */
  stationKinds?: StationKind[];
  /** false: retired — not offered for new reports; old cases keep showing its name. */
  active: boolean;
}

export const CATEGORY_MODEL = 'Category';

export const categorySchema = new Schema<CategoryDoc>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    acceptHours: { type: Number, required: true, min: 1 },
    resolveHours: { type: Number, required: true, min: 1 },
    stationKinds: { type: [String], enum: STATION_KINDS, default: [] },
    active: { type: Boolean, required: true, default: true },
  },
  { collection: 'categories', versionKey: false },
);

categorySchema.index({ code: 1 }, { unique: true });
