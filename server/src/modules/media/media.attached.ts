import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import { Database } from '../../common/database';
import { MEDIA_MODEL, mediaSchema, type MediaDoc } from './media.model';
import { storageKey, type MediaFile, type MediaVariant } from './media.service';
import { MEDIA_STORAGE, type MediaStorage } from './media.storage';

/**
 * Photos attached to something that is not a case (a notice, a patrol log).
 * `claimPhotos`/`attachPhotos` point `media.caseId` at that thing; its module
 * decides who may see the thing and serves the photo through its own route
 * with this. A photo is served only when it is attached to exactly that thing.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AttachedPhotos {
  @Inject()
  database!: Database;

  @Inject(MEDIA_STORAGE)
  storage!: MediaStorage;

  async open(attachedTo: Types.ObjectId, mediaId: string, variant: MediaVariant): Promise<MediaFile> {
    const doc = /^[0-9a-f]{24}$/i.test(mediaId)
      ? await this.database.model<MediaDoc>(MEDIA_MODEL, mediaSchema).findOne({ _id: new Types.ObjectId(mediaId), caseId: attachedTo }).lean<MediaDoc>()
      : null;
    if (!doc) throw new AppError('MEDIA_NOT_FOUND');
    const body = await this.storage.get(storageKey(doc.sha256, variant));
    if (!body) throw new Error(`media ${mediaId}: ${variant} missing from storage`);
    return { body, bytes: variant === 'full' ? doc.bytes : doc.thumbBytes, etag: `"${mediaId}${variant === 'thumb' ? '-thumb' : ''}"` };
  }
}

/** Writes a photo response the way GET /api/media does: private immutable caching, ETag, 304. */
export function sendPhoto(ctx: Context, file: MediaFile): void {
  ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.etag = file.etag;
  ctx.status = 200; // ctx.fresh only compares validators on a 2xx
  if (ctx.fresh) {
    file.body.destroy();
    ctx.status = 304;
    return;
  }
  ctx.type = 'image/jpeg';
  ctx.length = file.bytes;
  ctx.body = file.body;
}
