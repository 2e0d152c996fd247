import type { MediaDoc } from './media.model';

/** What an upload returns; the client puts `id` in a case's photos. */
export interface UploadedMedia {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

export function mediaUrl(id: string): string {
  return `/api/media/${id}`;
}

export function toUploadedMedia(doc: Pick<MediaDoc, '_id' | 'width' | 'height'>): UploadedMedia {
  const id = doc._id.toHexString();
  return { id, url: mediaUrl(id), thumbUrl: `${mediaUrl(id)}/thumb`, width: doc.width, height: doc.height };
}
