/** POST /api/media: a stored photo (re-encoded JPEG without EXIF). */
export interface UploadedMedia {
  /** 24 hex characters: what a case lists in `photos`. */
  id: string;
  /** /api/media/{id}: long edge ≤ 2048 px. */
  url: string;
  /** /api/media/{id}/thumb: long edge ≤ 480 px. */
  thumbUrl: string;
  width: number;
  height: number;
}
