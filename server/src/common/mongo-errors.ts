/**
 * A unique index refused a write. Unique inserts are how this app enforces
 * every invariant that concurrency could break (docs/design.md, "Data rules"), so "someone
 * else got there first" is this one check.
 *
 * MongoDB (and the embedded database on insert) answers E11000, code 11000.
 * The embedded database (FerretDB) reports the same clash on *update* as a
 * generic error carrying its storage's words: SQLite's "UNIQUE constraint
 * failed" or PostgreSQL's "duplicate key value violates unique constraint"
 * (23505). All of these are the same fact.
 */
export function isDuplicateKey(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, codeName, message } = err as { code?: unknown; codeName?: unknown; message?: unknown };
  if (code === 11000 || code === 11001 || codeName === 'DuplicateKey') return true;
  return typeof message === 'string' && DUPLICATE_KEY_MESSAGE.test(message);
}

const DUPLICATE_KEY_MESSAGE = /E11000 duplicate key|UNIQUE constraint failed|duplicate key value violates unique constraint|\(23505\)/;
