import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { PersonalDataHolder } from '../users/personal-data';
import type { MediaDoc } from './media.model';
import { MediaStore } from './media-store';
import { PhotoUrls } from './photo-urls';

/**
 * The photos the person uploaded: listed (with signed URLs) in the export;
 * on deletion their records, attachments and bytes go — the bytes unless
 * another user uploaded the very same file.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MediaPersonalData implements PersonalDataHolder {
  @Inject()
  store!: MediaStore;

  @Inject()
  urls!: PhotoUrls;

  async export(ownerId: Types.ObjectId) {
    const docs = await this.store.media.find({ ownerId }).sort({ createdAt: 1 }).lean<MediaDoc[]>();
    const signed = this.urls.sign(docs.map((d) => d._id));
    return { photos: signed.map((s, i) => ({ ...s, uploadedAt: docs[i].createdAt.toISOString() })) };
  }

  async erase(ownerId: Types.ObjectId): Promise<void> {
    const docs = await this.store.media.find({ ownerId }).lean<MediaDoc[]>();
    for (const doc of docs) await this.store.deletePhoto(doc);
  }
}
