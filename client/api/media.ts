import type { SignedPhoto } from '@citycare/shared';
import { request } from './request';

/** Stored photos (uploading is `upload.ts`). */
export const media = {
  /** Fresh signed URLs of a photo I may see: URLs kept from before (a restored draft's) may have expired. */
  signedUrls(id: string): Promise<SignedPhoto> {
    return request(`/api/media/${encodeURIComponent(id)}/urls`, { auth: true });
  },
};
