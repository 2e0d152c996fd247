import type { UploadedMedia } from '@citycare/shared';
import type { MediaDoc } from './media.model';

export type { UploadedMedia };

export function mediaUrl(id: string): string {
  return `/api/media/${id}`;
}

export function toUploadedMedia(doc: Pick<MediaDoc, '_id' | 'width' | 'height'>): UploadedMedia {
  const id = doc._id.toHexString();
  return { id, url: mediaUrl(id), thumbUrl: `${mediaUrl(id)}/thumb`, width: doc.width, height: doc.height };
}
