import type { Context } from '@midwayjs/koa';
import type { MediaFile } from './media-store';

/** Writes a photo response: private immutable caching, ETag, 304. Every photo route answers with this. */
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
