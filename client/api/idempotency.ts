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
