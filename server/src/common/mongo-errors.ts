/**
 * A unique index refused an insert (E11000). Unique inserts are how this app
 * enforces every invariant that concurrency could break (docs/design.md, "Data rules"), so
 * "someone else got there first" is this one check.
 */
export function isDuplicateKey(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === 11000;
}
