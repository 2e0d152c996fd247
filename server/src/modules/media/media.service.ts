import { Inject, Provide } from '@midwayjs/core';
import { chinaDate, type SignedPhoto } from '@citycare/shared';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { processPhoto } from './media.image';
import type { MediaDoc } from './media.model';
import { MediaStore, storageKey, type MediaFile, type MediaVariant } from './media-store';
import { PhotoAttachments } from './photo-attachments.service';
import type { ReceivedPhoto } from './photo-temp-file';
import { PhotoUrls } from './photo-urls';
import { toUploadedMedia, type UploadedMedia } from './media.view';

@Provide()
export class MediaService {
  @Inject()
  store!: MediaStore;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  urls!: PhotoUrls;

  /**
   * Stores a photo for `owner`: re-encoded, stored under the hash of the
   * uploaded bytes (hashed as they arrived), recorded once per owner. A retry
   * of the same bytes returns the first upload (`created: false`) without
   * processing again.
   */
  async upload(owner: AuthUser, input: ReceivedPhoto): Promise<{ created: boolean; media: UploadedMedia }> {
    const ownerId = new Types.ObjectId(owner.id);
    const { sha256 } = input;
    const existing = await this.findOwn(ownerId, sha256);
    if (existing) return { created: false, media: toUploadedMedia(existing, this.urls) };

    const photo = await processPhoto(input.path);
    // Bytes first (both at once), then the document: a document never points at nothing.
    await Promise.all([this.store.storage.put(storageKey(sha256, 'full'), photo.full), this.store.storage.put(storageKey(sha256, 'thumb'), photo.thumb)]);
    try {
      const doc = await this.store.media.create({
        ownerId,
        sha256,
        width: photo.width,
        height: photo.height,
        bytes: photo.full.length,
        thumbBytes: photo.thumb.length,
        unattachedDay: chinaDate(new Date()),
      });
      return { created: true, media: toUploadedMedia(doc, this.urls) };
    } catch (err) {
      // The same upload raced this one and won: it is the same photo.
      if (!isDuplicateKey(err)) throw err;
      const winner = await this.findOwn(ownerId, sha256);
      if (!winner) throw err;
      return { created: false, media: toUploadedMedia(winner, this.urls) };
    }
  }

  /** The stored JPEG, for its uploader or anyone who may see a thing it is attached to; otherwise MEDIA_NOT_FOUND. */
  async open(viewer: AuthUser, id: string, variant: MediaVariant): Promise<MediaFile> {
    return this.store.file(await this.viewable(viewer, id), variant);
  }

  /**
   * Fresh signed URLs of a photo, for whoever may see it: a URL the client kept (a 随手拍
   * draft's upload, after the app restarted) may have expired, or been signed by a secret
   * the API no longer has.
   */
  async signedUrls(viewer: AuthUser, id: string): Promise<SignedPhoto> {
    const [signed] = this.urls.sign([(await this.viewable(viewer, id))._id]);
    return signed;
  }

  /** The stored JPEG behind a signed URL: 403 when the signature is wrong or past its expiry. */
  async openSigned(id: string, variant: MediaVariant, exp: unknown, sig: unknown): Promise<MediaFile> {
    const verdict = this.urls.check(id, variant, exp, sig);
    if (verdict === 'invalid') throw new AppError('MEDIA_URL_INVALID');
    if (verdict === 'expired') throw new AppError('MEDIA_URL_EXPIRED');
    const doc = await this.store.photo(id);
    if (!doc) throw new AppError('MEDIA_NOT_FOUND');
    return this.store.file(doc, variant);
  }

  private async viewable(viewer: AuthUser, id: string): Promise<MediaDoc> {
    const doc = await this.store.photo(id);
    // Same answer for "no such photo" and "not yours": existence is not revealed.
    if (!doc || !(await this.attachments.mayView(viewer, doc))) throw new AppError('MEDIA_NOT_FOUND');
    return doc;
  }

  private findOwn(ownerId: Types.ObjectId, sha256: string) {
    return this.store.media.findOne({ ownerId, sha256 }).lean<MediaDoc>();
  }
}
