import type { QueryKey } from './keys';

// The client's read cache: the last answer per query key, and the mounted readers of each key
// so a write can tell them to load again. Pages use it through api/hooks.ts.

type Reload = () => void;

const answers = new Map<string, unknown>();
const readers = new Map<string, Set<Reload>>();

export const keyId = (key: QueryKey): string => JSON.stringify(key);

export function cachedAnswer<T>(key: QueryKey): T | undefined {
  return answers.get(keyId(key)) as T | undefined;
}

export function keepAnswer(key: QueryKey, value: unknown): void {
  answers.set(keyId(key), value);
}

export function watchKey(key: QueryKey, reload: Reload): () => void {
  const id = keyId(key);
  const set = readers.get(id) ?? new Set<Reload>();
  set.add(reload);
  readers.set(id, set);
  return () => {
    set.delete(reload);
    if (set.size === 0) readers.delete(id);
  };
}

const startsWith = (id: string, prefix: QueryKey): boolean => id.startsWith(keyId(prefix).slice(0, -1));

/** Forgets the answers under `prefix` and makes the mounted readers of those keys load again. */
export function invalidate(prefix: QueryKey): void {
  for (const id of [...answers.keys()]) if (startsWith(id, prefix)) answers.delete(id);
  for (const [id, set] of readers) if (startsWith(id, prefix)) set.forEach((reload) => reload());
}

/**
 * Signing out: nobody else's answers may show. Mounted readers are not told to load again: on
 * weapp their requests would sign in again at once (api/sign-in.ts, WeChat's silent login).
 */
export function clearCache(): void {
  answers.clear();
}

/** Signed in: every answer is forgotten and every mounted reader loads again as this account. */
export function invalidateAll(): void {
  invalidate([]); // '[]' less its ']' is '[', the start of every key
}
