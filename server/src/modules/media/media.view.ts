import type { UploadedMedia } from '@citycare/shared';
import type { MediaDoc } from './media.model';
import type { PhotoUrls } from './photo-urls';

export type { UploadedMedia };

/** What an upload returns: the id to put in a case's photos, and signed URLs to preview it. */
export function toUploadedMedia(doc: Pick<MediaDoc, '_id' | 'width' | 'height'>, urls: PhotoUrls): UploadedMedia {
  const [signed] = urls.sign([doc._id]);
  return { id: signed.id, url: signed.url, thumbUrl: signed.thumbUrl, width: doc.width, height: doc.height };
}
