import { useMemo } from 'react';

// Idempotency-Key values: 32 hex characters (the server takes 8–64). Random enough that two
// drafts never share one; made when a form opens and kept with its draft, so a retry after a
// lost answer (or an app restart) lands the same case once.

function randomBytes(count: number): number[] {
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) return Array.from(cryptoApi.getRandomValues(new Uint8Array(count)));
  // WeChat's JS engine has no Web Crypto; Math.random is enough to tell drafts apart.
  return Array.from({ length: count }, () => Math.floor(Math.random() * 256));
}

export function newIdempotencyKey(): string {
  return randomBytes(16)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}

/**
 * The key of a form's request as it would be sent now: the same for every resend of it (a retry
 * after a lost answer lands once), a new one as soon as anything sent changes (never refused as
 * a reused key).
 */
export function useRequestKey(request: unknown): string {
  const sent = JSON.stringify(request);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new key exactly when what is sent changes
  return useMemo(newIdempotencyKey, [sent]);
}
