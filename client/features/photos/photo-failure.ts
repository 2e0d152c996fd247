import { isApiError } from '../../api';
import { PhotoProblem } from './resize';

// Why a photo could not be prepared or uploaded, in words for the resident, and whether
// trying the same photo again can help (only when the network or the server was away).

export interface PhotoFailure {
  message: string;
  retryable: boolean;
}

/** WeChat's getImageInfo / compressImage / getFileInfo reject with a plain `{ errMsg }`. */
export const UNREADABLE_PHOTO = '无法读取或压缩这张照片，请删除后重新选择';

export function photoFailure(error: unknown): PhotoFailure {
  if (isApiError(error)) return { message: error.message, retryable: error.isTransient };
  // The photo itself is the problem (照片过大…: resize.ts), in words already.
  if (error instanceof PhotoProblem) return { message: error.message, retryable: false };
  // A plain `{ errMsg }` from WeChat, or a browser's failed read of a blob that is gone.
  return { message: UNREADABLE_PHOTO, retryable: false };
}
