import { MAX_CASE_PHOTOS, UNATTACHED_UPLOAD_MS } from '@citycare/shared';

// The report's photo list as pure steps: add, progress, uploaded, failed, retry, remove.
// The page drives uploads (usePhotoUploads); this file decides what the list looks like.

export type PhotoStatus = 'preparing' | 'uploading' | 'uploaded' | 'failed';

export interface DraftPhoto {
  key: string;
  /**
   * What the resident picked: shown as the preview, and re-read for a retry. A temp file of the
   * picker (a blob: URL on H5), gone once the app restarts: '' in a restored draft.
   */
  localPath: string;
  /** The server's signed thumbnail (`/api/media/{id}/thumb?exp=&sig=`): the preview of an upload once `localPath` is gone. */
  thumbUrl?: string;
  status: PhotoStatus;
  /** Upload progress 0–100. */
  progress: number;
  mediaId?: string;
  /** When the server took it (ms since epoch): uploads not yet on a case are kept only so long. */
  uploadedAt?: number;
  error?: string;
  /** A failed photo worth trying again as it is (the network); otherwise it must be replaced. */
  retryable?: boolean;
}

/** How a caller that keeps the list (the report's draft, a reply form) lets a step change it. */
export type SetPhotos = (step: (list: DraftPhoto[]) => DraftPhoto[]) => void;

export const MAX_PHOTOS = MAX_CASE_PHOTOS;

/**
 * The server deletes an upload not attached to a case UNATTACHED_UPLOAD_MS after it came; an
 * older one is replaced before it is sent, with hours to spare for a clock that is off or a
 * resident still typing.
 */
export const UPLOAD_USABLE_MS = UNATTACHED_UPLOAD_MS - 4 * 3600_000;
export const EXPIRED_PHOTO = '照片已过期，请删除后重新选择';

let counter = 0;
const newKey = (): string => `p${Date.now().toString(36)}${(counter++).toString(36)}`;

export function slotsLeft(list: readonly DraftPhoto[]): number {
  return Math.max(0, MAX_PHOTOS - list.length);
}

/** Adds picked photos up to the limit; the extra ones are dropped (the picker asks for no more). */
export function addPhotos(list: readonly DraftPhoto[], paths: readonly string[]): DraftPhoto[] {
  const added = paths.slice(0, slotsLeft(list)).map((localPath) => ({ key: newKey(), localPath, status: 'preparing' as const, progress: 0 }));
  return [...list, ...added];
}

function update(list: readonly DraftPhoto[], key: string, patch: Partial<DraftPhoto>): DraftPhoto[] {
  return list.map((photo) => (photo.key === key ? { ...photo, ...patch } : photo));
}

const expired = (photo: DraftPhoto): DraftPhoto => ({ ...photo, status: 'failed', progress: 0, mediaId: undefined, error: EXPIRED_PHOTO, retryable: false });

export const photoSteps = {
  uploading: (list: readonly DraftPhoto[], key: string) => update(list, key, { status: 'uploading', progress: 0, error: undefined }),
  progress: (list: readonly DraftPhoto[], key: string, progress: number) =>
    update(list, key, { progress: Math.max(0, Math.min(100, Math.round(progress))) }),
  uploaded: (list: readonly DraftPhoto[], key: string, mediaId: string, at = Date.now()) =>
    update(list, key, { status: 'uploaded', progress: 100, mediaId, uploadedAt: at, error: undefined }),
  failed: (list: readonly DraftPhoto[], key: string, error: string, retryable: boolean) => update(list, key, { status: 'failed', error, retryable }),
  retry: (list: readonly DraftPhoto[], key: string) =>
    update(list, key, { status: 'preparing', progress: 0, error: undefined, retryable: undefined, mediaId: undefined, uploadedAt: undefined }),
  remove: (list: readonly DraftPhoto[], key: string) => list.filter((photo) => photo.key !== key),
  /** The server's freshly signed thumbnail of an upload, for its preview. */
  serverPreview: (list: readonly DraftPhoto[], key: string, thumbUrl: string) => update(list, key, { thumbUrl }),
  /** The server no longer has this upload: it is replaced like an expired one. */
  goneFromServer: (list: readonly DraftPhoto[], key: string) => list.map((photo) => (photo.key === key ? expired(photo) : photo)),
};

export function photosBusy(list: readonly DraftPhoto[]): boolean {
  return list.some((photo) => photo.status === 'preparing' || photo.status === 'uploading');
}

export function photosFailed(list: readonly DraftPhoto[]): number {
  return list.filter((photo) => photo.status === 'failed').length;
}

/** The media ids to send, in the order the resident sees the photos. */
export function uploadedMediaIds(list: readonly DraftPhoto[]): string[] {
  return list.filter((photo) => photo.status === 'uploaded' && photo.mediaId).map((photo) => photo.mediaId as string);
}

export const PICKED_FILE_GONE = '上次未上传完成，照片已失效，请删除后重新选择';

/**
 * After a restart the picked files are gone and nothing is uploading any more: an upload is
 * previewed from the server (its thumbnail, signed afresh: a kept URL may have expired), and a
 * photo not uploaded cannot be read again, so it must be picked again — unless it failed for
 * a reason of its own (too large), which it keeps.
 */
export function settleAfterRestart(list: readonly DraftPhoto[]): DraftPhoto[] {
  return list.map((photo) => {
    const gone = { ...photo, localPath: '', thumbUrl: undefined };
    if (photo.status === 'uploaded' || (photo.status === 'failed' && photo.retryable === false)) return gone;
    return { ...gone, status: 'failed', progress: 0, error: PICKED_FILE_GONE, retryable: false };
  });
}

/** Uploads whose preview must come from the server: the picked file is gone and no thumbnail is known yet. */
export function awaitingServerPreview(list: readonly DraftPhoto[]): Array<{ key: string; mediaId: string }> {
  return list.flatMap(({ key, status, mediaId, localPath, thumbUrl }) => (status === 'uploaded' && mediaId && !localPath && !thumbUrl ? [{ key, mediaId }] : []));
}

/** Uploaded photos the server may have deleted by now (see UPLOAD_USABLE_MS) fail, to be replaced. */
export function expireOldUploads(list: readonly DraftPhoto[], now = Date.now()): DraftPhoto[] {
  return list.map((photo) => (photo.status === 'uploaded' && now - (photo.uploadedAt ?? 0) > UPLOAD_USABLE_MS ? expired(photo) : photo));
}

/** The server no longer has some of the uploads (MEDIA_NOT_FOUND, without saying which): all must be replaced. */
export function expireAllUploads(list: readonly DraftPhoto[]): DraftPhoto[] {
  return list.map((photo) => (photo.status === 'uploaded' ? expired(photo) : photo));
}
