import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Provide } from '@midwayjs/core';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { Database } from '../../common/database';
import { CaseAccess } from '../cases/case-access';
import { processPhoto } from './media.image';
import { MEDIA_MODEL, mediaSchema, type MediaDoc } from './media.model';
import { MEDIA_STORAGE, type MediaStorage } from './media.storage';
import { toUploadedMedia, type UploadedMedia } from './media.view';
import { isDuplicateKey } from '../../common/mongo-errors';

export type MediaVariant = 'full' | 'thumb';

export interface MediaFile {
  body: Readable;
  bytes: number;
  etag: string;
}


@Provide()
export class MediaService {
  @Inject()
  database!: Database;

  @Inject(MEDIA_STORAGE)
  storage!: MediaStorage;

  @Inject()
  caseAccess!: CaseAccess;

  get media() {
    return this.database.model<MediaDoc>(MEDIA_MODEL, mediaSchema);
  }

  /**
   * Stores a photo for `owner`: re-encoded, stored under the hash of the
   * uploaded bytes, recorded once per owner. A retry of the same bytes
   * returns the first upload (`created: false`) without processing again.
   */
  async upload(owner: AuthUser, input: Buffer): Promise<{ created: boolean; media: UploadedMedia }> {
    const ownerId = new Types.ObjectId(owner.id);
    const sha256 = createHash('sha256').update(input).digest('hex');
    const existing = await this.findOwn(ownerId, sha256);
    if (existing) return { created: false, media: toUploadedMedia(existing) };

    const photo = await processPhoto(input);
    // Bytes first, then the document: a document never points at nothing.
    await this.storage.put(storageKey(sha256, 'full'), photo.full);
    await this.storage.put(storageKey(sha256, 'thumb'), photo.thumb);
    try {
      const doc = await this.media.create({
        ownerId,
        sha256,
        width: photo.width,
        height: photo.height,
        bytes: photo.full.length,
        thumbBytes: photo.thumb.length,
        caseId: null,
      });
      return { created: true, media: toUploadedMedia(doc) };
    } catch (err) {
      // The same upload raced this one and won: it is the same photo.
      if (!isDuplicateKey(err)) throw err;
      const winner = await this.findOwn(ownerId, sha256);
      if (!winner) throw err;
      return { created: false, media: toUploadedMedia(winner) };
    }
  }

  /** The stored JPEG, for its uploader or anyone who may see its case; otherwise MEDIA_NOT_FOUND. */
  async open(viewer: AuthUser, id: string, variant: MediaVariant): Promise<MediaFile> {
    const doc = await this.findVisible(viewer, id);
    const body = await this.storage.get(storageKey(doc.sha256, variant));
    if (!body) throw new Error(`media ${id}: ${variant} missing from storage`);
    return {
      body,
      bytes: variant === 'full' ? doc.bytes : doc.thumbBytes,
      // The bytes behind an id never change, so the id is a strong validator.
      etag: `"${id}${variant === 'thumb' ? '-thumb' : ''}"`,
    };
  }

  private async findVisible(viewer: AuthUser, id: string): Promise<MediaDoc> {
    if (!/^[0-9a-f]{24}$/i.test(id)) throw new AppError('MEDIA_NOT_FOUND');
    const doc = await this.media.findById(id).lean<MediaDoc>();
    // Same answer for "no such photo" and "not yours": existence is not revealed.
    if (!doc || !(await this.mayView(viewer, doc))) throw new AppError('MEDIA_NOT_FOUND');
    return doc;
  }

  private async mayView(viewer: AuthUser, doc: MediaDoc): Promise<boolean> {
    if (doc.ownerId.toHexString() === viewer.id) return true;
    return !!doc.caseId && this.caseAccess.canViewCase(viewer, doc.caseId.toHexString());
  }

  private findOwn(ownerId: Types.ObjectId, sha256: string) {
    return this.media.findOne({ ownerId, sha256 }).lean<MediaDoc>();
  }
}

/** Where a photo's bytes live: its content hash, one file per variant. */
export function storageKey(sha256: string, variant: MediaVariant): string {
  return variant === 'full' ? `${sha256}.jpg` : `${sha256}.thumb.jpg`;
}
