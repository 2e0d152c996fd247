import { Schema, type Types } from 'mongoose';

/**
 * An uploaded photo (随手拍 and after-photos). The bytes live in MediaStorage
 * under `sha256`; this document says whose they are and which case shows them.
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
  /** Set by the cases module when the photo is attached; null until then. */
  caseId: Types.ObjectId | null;
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
    caseId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'media', versionKey: false },
);

// A retried upload of the same bytes by the same user is one photo, even
// when the two requests race (insert-or-find on this index).
mediaSchema.index({ ownerId: 1, sha256: 1 }, { unique: true });
mediaSchema.index({ caseId: 1 });
