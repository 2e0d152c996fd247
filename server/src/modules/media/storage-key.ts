const KEY_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Refuses a key that is not one of ours (hash-named JPEGs), before it reaches a path or an object name. */
export function checkStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid media storage key "${key}"`);
  return key;
}
