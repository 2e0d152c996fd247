import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { UPLOAD_FILE_PREFIX, uploadTmpDir } from './photo-temp-file';

/** An upload's temporary file older than this was left by a process killed mid-upload (an upload takes seconds). */
export const STALE_UPLOAD_FILE_MS = 3600_000;

/**
 * Removes the temporary upload files (photo-temp-file.ts) that a process
 * killed mid-upload left behind. Each process has its own folder (perhaps
 * on its own machine), so every process runs it, without a job claim.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class UploadFilesJob {
  runOnce(): Promise<number> {
    return removeStaleUploadFiles();
  }
}

/** Removes upload files older than STALE_UPLOAD_FILE_MS from this process's upload folder (by the real clock: uploads in flight are there too). */
export async function removeStaleUploadFiles(): Promise<number> {
  const dir = uploadTmpDir();
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(UPLOAD_FILE_PREFIX));
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < STALE_UPLOAD_FILE_MS) continue;
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
