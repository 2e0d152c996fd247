import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../../config/env';
import { AppError } from '../../common/app-error';

/**
 * The 12345 integration's keys (HOTLINE_API_KEYS, comma-separated, so a new
 * key can be rolled out before the old one is withdrawn). Both sides are
 * hashed to equal length and every key is compared, so the time taken says
 * nothing about how much of a key matched or which key it was.
 */
export function isValidApiKey(presented: string | undefined): boolean {
  if (!presented) return false;
  const candidate = digest(presented);
  let valid = false;
  for (const key of configuredKeys()) {
    if (timingSafeEqual(candidate, digest(key))) valid = true;
  }
  return valid;
}

/** 401 API_KEY_INVALID unless `presented` is one of the configured keys. */
export function requireApiKey(presented: string | undefined): void {
  if (!isValidApiKey(presented)) throw new AppError('API_KEY_INVALID');
}

function configuredKeys(): string[] {
  return env('HOTLINE_API_KEYS')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
