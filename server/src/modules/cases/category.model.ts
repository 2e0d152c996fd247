import { Schema, type Types } from 'mongoose';

/** A problem category with its SLA; admin-editable data seeded from shared DEFAULT_CATEGORIES. */
export interface CategoryDoc {
  _id: Types.ObjectId;
  code: string;
  name: string;
  acceptHours: number;
  resolveHours: number;
  active: boolean;
}

export const CATEGORY_MODEL = 'Category';

export const categorySchema = new Schema<CategoryDoc>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    acceptHours: { type: Number, required: true, min: 1 },
    resolveHours: { type: Number, required: true, min: 1 },
    active: { type: Boolean, required: true, default: true },
  },
  { collection: 'categories', versionKey: false },
);

categorySchema.index({ code: 1 }, { unique: true });
