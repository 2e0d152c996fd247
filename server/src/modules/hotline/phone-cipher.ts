import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../../config/env';

const VERSION = 'v1';

/**
 * Hotline callers' phone numbers, sealed with AES-256-GCM under
 * HOTLINE_PHONE_KEY before they are stored: `v1:<iv>:<tag>:<ciphertext>`
 * (base64). The hotline id is bound in as associated data, so a sealed number
 * copied onto another record does not open. No key configured → nothing is
 * stored (null); a malformed key is a configuration error, reported loudly.
 */
export function sealPhone(phone: string, hotlineId: string, rawKey = env('HOTLINE_PHONE_KEY')): string | null {
  const key = parseKey(rawKey);
  if (!key) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(hotlineId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

/** For an officer who must call back (not exposed by any route yet); throws if tampered with. */
export function openPhone(stored: string, hotlineId: string, rawKey = env('HOTLINE_PHONE_KEY')): string {
  const key = parseKey(rawKey);
  const [version, iv, tag, sealed] = stored.split(':');
  if (!key || version !== VERSION || !iv || !tag || !sealed) throw new Error('hotline phone: no key or unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(hotlineId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
}

/** 64 hex characters or base64 of 32 bytes; empty → no key. */
function parseKey(raw: string): Buffer | null {
  const value = raw.trim();
  if (!value) return null;
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(value) && key.toString('base64') !== value)) {
    throw new Error('HOTLINE_PHONE_KEY must be 64 hex characters or the base64 of 32 bytes');
  }
  return key;
}
