import { Schema } from 'mongoose';

/** How far the sweep of abandoned uploads has come: every upload of a day up to `through` was dealt with. */
export interface MediaSweepDoc {
  _id: 'unattached';
  /** A China day, "YYYY-MM-DD". */
  through: string;
}

export const MEDIA_SWEEP_MODEL = 'MediaSweep';

export const mediaSweepSchema = new Schema<MediaSweepDoc>(
  { _id: { type: String, required: true }, through: { type: String, required: true } },
  { collection: 'media_sweep', versionKey: false },
);
