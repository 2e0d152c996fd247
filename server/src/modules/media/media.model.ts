import { Schema, type Types } from 'mongoose';

/**
 * An uploaded photo (随手拍, after-photos, notice and event pictures). The bytes
 * live in MediaStorage under `sha256`; this document says whose they are.
 * What shows it is in `media_attachments`.
 */
export interface MediaDoc {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  /** Hex SHA-256 of the uploaded bytes: the storage key and the retry key. */
  sha256: string;
  /** Of the stored (re-encoded) JPEG. */
  width: number;
  height: number;
  bytes: number;
  thumbBytes: number;
  /** The China day it was uploaded, until it is first attached (then null): the sweep of abandoned uploads reads it. */
  unattachedDay?: string | null;
  createdAt: Date;
}

export const MEDIA_MODEL = 'Media';

export const mediaSchema = new Schema<MediaDoc>(
  {
    ownerId: { type: Schema.Types.ObjectId, required: true },
    sha256: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    bytes: { type: Number, required: true },
    thumbBytes: { type: Number, required: true },
    unattachedDay: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'media', versionKey: false },
);

// A retried upload of the same bytes by the same user is one photo, even
// when the two requests race (insert-or-find on this index).
mediaSchema.index({ ownerId: 1, sha256: 1 }, { unique: true });
// Whether anyone else still has the same bytes, before deleting them.
mediaSchema.index({ sha256: 1 });
// Uploads never attached, by day (media-sweep.job.ts).
mediaSchema.index({ unattachedDay: 1 });
