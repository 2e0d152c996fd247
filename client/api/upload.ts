import Taro from '@tarojs/taro';
import type { UploadedMedia } from '@citycare/shared';
import { transportError } from './error';
import { apiUrl, bodyOf } from './http';
import { withSession } from './request';

export const UPLOAD_TIMEOUT_MS = 60_000;

/** What Taro's uploadFile returns on both platforms: a promise that is also the task. */
type UploadTask = Promise<Taro.uploadFile.SuccessCallbackResult> & {
  onProgressUpdate?: (cb: (res: { progress: number }) => void) => void;
  progress?: (cb: (res: { progress: number }) => void) => void;
};

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data; // not JSON: bodyOf maps it by status
  }
}

async function uploadOnce(filePath: string, token: string, onProgress?: (percent: number) => void): Promise<UploadedMedia> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    const task = Taro.uploadFile({
      url: apiUrl('/api/media'),
      filePath,
      name: 'file',
      header: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
    }) as UploadTask;
    const listen = task.onProgressUpdate ?? task.progress;
    if (onProgress && listen) listen.call(task, (res) => onProgress(res.progress));
    response = await task;
  } catch (failure) {
    throw transportError(failure);
  }
  return bodyOf<UploadedMedia>(response.statusCode, parseBody(response.data));
}

/**
 * Uploads one photo to POST /api/media (multipart, field `file`), reporting progress in
 * percent. Errors are the same ApiErrors as every other call; a 401 renews the session
 * and uploads once more. The server stores identical bytes once, so a retry is safe.
 */
export function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): Promise<UploadedMedia> {
  return withSession((token) => uploadOnce(filePath, token, onProgress));
}
