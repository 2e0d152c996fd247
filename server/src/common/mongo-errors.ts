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
  const { code, codeName, message, errmsg } = err as { code?: unknown; codeName?: unknown; message?: unknown; errmsg?: unknown };
  if (code === 11000 || code === 11001 || codeName === 'DuplicateKey') return true;
  // A bulk write's per-document errors carry their words as `errmsg`.
  return [message, errmsg].some((words) => typeof words === 'string' && DUPLICATE_KEY_MESSAGE.test(words));
}

const DUPLICATE_KEY_MESSAGE = /E11000 duplicate key|UNIQUE constraint failed|duplicate key value violates unique constraint|\(23505\)/;

type WriteErrorLike = { index: number; code?: number; errmsg?: string; err?: { code?: number; errmsg?: string } };

/**
 * The per-document errors of an unordered bulk write (none for an error that
 * is not one): the driver's WriteError, or the plain copy of one that
 * mongoose's insertMany makes (its code and words then sit under `err`).
 */
export function writeErrorsOf(err: unknown): Array<{ index: number; code?: number; errmsg?: string }> {
  const errors = (err as { writeErrors?: unknown }).writeErrors;
  if (!errors) return [];
  return ((Array.isArray(errors) ? errors : [errors]) as WriteErrorLike[]).map((e) => ({ index: e.index, code: e.code ?? e.err?.code, errmsg: e.errmsg ?? e.err?.errmsg }));
}

/** A bulk write (or a single write) that failed only because some of its documents exist already. */
export function everyErrorIsDuplicateKey(err: unknown): boolean {
  const errors = writeErrorsOf(err);
  return errors.length > 0 ? errors.every((e) => isDuplicateKey(e)) : isDuplicateKey(err);
}
