/**
 * A photo as the API shows it: URLs that <image> can load without an
 * Authorization header, signed (HMAC over media id + variant + expiry) and
 * valid for at most an hour; a tampered or expired URL answers 403.
 */
export interface SignedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  /** ISO instant after which both URLs answer 403. */
  expiresAt: string;
}

/** An upload not attached to anything (a case, a notice…) this long after it came is deleted (the media sweep). */
export const UNATTACHED_UPLOAD_MS = 24 * 3600_000;

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
