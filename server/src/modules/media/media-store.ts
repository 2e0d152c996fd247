import type { Readable } from 'node:stream';
import { Inject, Logger, Provide, Scope, ScopeEnum, type ILogger } from '@midwayjs/core';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import { Database } from '../../common/database';
import { toObjectId } from '../../common/object-id';
import { MEDIA_MODEL, mediaSchema, type MediaDoc } from './media.model';
import { MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema, type MediaAttachmentDoc } from './media-attachment.model';
import { MEDIA_STORAGE, type MediaStorage } from './media.storage';
import { MEDIA_SWEEP_MODEL, mediaSweepSchema, type MediaSweepDoc } from './media-sweep.model';

export type MediaVariant = 'full' | 'thumb';

export interface MediaFile {
  body: Readable;
  bytes: number;
  etag: string;
}

/** A photo document from before attachments were documents: `caseId` held any owner's id. */
export interface LegacyAttachedMedia {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
}

/** The media module's collections and the stored bytes behind them. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MediaStore {
  @Inject()
  database!: Database;

  @Inject(MEDIA_STORAGE)
  storage!: MediaStorage;

  @Logger()
  logger!: ILogger;

  get media() {
    return this.database.model<MediaDoc>(MEDIA_MODEL, mediaSchema);
  }

  get attachments() {
    return this.database.model<MediaAttachmentDoc>(MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema);
  }

  /** How far the sweep of abandoned uploads has come (media-sweep.job.ts). */
  get sweepProgress() {
    return this.database.model<MediaSweepDoc>(MEDIA_SWEEP_MODEL, mediaSweepSchema);
  }

  async photo(id: string | Types.ObjectId): Promise<MediaDoc | null> {
    const _id = toObjectId(id);
    return _id ? this.media.findById(_id).lean<MediaDoc>() : null;
  }

  /**
   * The stored JPEG of a photo; its id is a strong validator, since the bytes behind it never change.
   * Bytes gone from the store (lost, or deleted behind the API's back) are 404 MEDIA_NOT_FOUND, logged.
   */
  async file(doc: MediaDoc, variant: MediaVariant): Promise<MediaFile> {
    const body = await this.storage.get(storageKey(doc.sha256, variant));
    const id = doc._id.toHexString();
    if (!body) {
      this.logger.warn(`media ${id}: ${variant} missing from storage`);
      throw new AppError('MEDIA_NOT_FOUND');
    }
    return { body, bytes: variant === 'full' ? doc.bytes : doc.thumbBytes, etag: `"${id}${variant === 'thumb' ? '-thumb' : ''}"` };
  }

  /** A photo gone for good: its record and attachments, and its bytes unless someone else uploaded the very same file. */
  async deletePhoto(doc: Pick<MediaDoc, '_id' | 'sha256'>): Promise<void> {
    await this.attachments.deleteMany({ mediaId: doc._id });
    await this.media.deleteOne({ _id: doc._id });
    if (!(await this.media.exists({ sha256: doc.sha256 }))) {
      await this.storage.remove(storageKey(doc.sha256, 'full'));
      await this.storage.remove(storageKey(doc.sha256, 'thumb'));
    }
  }

  /** Photos still carrying the old single `caseId` link (read raw: the schema no longer has the field). */
  legacyAttached(): AsyncIterable<LegacyAttachedMedia> {
    return this.media.collection.find<LegacyAttachedMedia>({ caseId: { $type: 'objectId' } }, { projection: { caseId: 1 } });
  }

  async dropLegacyLink(id: Types.ObjectId): Promise<void> {
    await this.media.collection.updateOne({ _id: id }, { $unset: { caseId: '' } });
  }
}

/** Where a photo's bytes live: its content hash, one file per variant. */
export function storageKey(sha256: string, variant: MediaVariant): string {
  return variant === 'full' ? `${sha256}.jpg` : `${sha256}.thumb.jpg`;
}
