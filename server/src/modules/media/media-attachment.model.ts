import { Schema, type Types } from 'mongoose';
import { ATTACHMENT_KINDS, type AttachmentKind } from './photo-owner';

/**
 * A photo attached to one thing. A photo may be attached to several things
 * (the same bytes uploaded again come back as the same id), so attachments
 * are documents of their own, not a field of the photo.
 */
export interface MediaAttachmentDoc {
  _id: Types.ObjectId;
  mediaId: Types.ObjectId;
  kind: AttachmentKind;
  targetId: Types.ObjectId;
  at: Date;
}

export const MEDIA_ATTACHMENT_MODEL = 'MediaAttachment';

export const mediaAttachmentSchema = new Schema<MediaAttachmentDoc>(
  {
    mediaId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ATTACHMENT_KINDS, required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'media_attachments', versionKey: false },
);

// Attaching twice is one attachment, even when two requests race.
mediaAttachmentSchema.index({ mediaId: 1, kind: 1, targetId: 1 }, { unique: true });
// A thing's photos, for releasing them and for deleting personal data.
mediaAttachmentSchema.index({ targetId: 1 });
