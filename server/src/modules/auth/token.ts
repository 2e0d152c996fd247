import { createHash, randomBytes } from 'node:crypto';

/** Session lifetimes (docs/design.md, "Accounts and security"). */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 3600 * 1000;

/** 256 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Bearer tokens we issue: 43 URL-safe characters. Anything else is not looked up. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
