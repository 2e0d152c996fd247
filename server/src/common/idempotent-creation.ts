import { createHash } from 'node:crypto';
import { Schema, Types, type Model } from 'mongoose';
import { AppError } from './app-error';
import { isDuplicateKey } from './mongo-errors';

/** How long a first attempt may still be at work: a retry within it waits (a creation) or is asked to retry (an entry on a case). */
export const KEY_WAIT_MS = 5000;

/** What a key's record says: the body it came with and the id of what it creates. */
export interface KeyRecord {
  recordId: Types.ObjectId;
  bodyHash: string;
  targetId: Types.ObjectId | null;
  createdAt: Date;
}

/** Where one kind of creation keeps its (user, Idempotency-Key) records; `claim` is a unique insert. */
export interface KeyLedger {
  /** Inserts the record; throws the database's duplicate-key error when the key was seen. Answers the record's own id. */
  claim(targetId: Types.ObjectId, bodyHash: string): Promise<Types.ObjectId>;
  find(): Promise<KeyRecord | null>;
  release(recordId: Types.ObjectId): Promise<void>;
}

export interface IdempotentCreation<T> {
  /** Null when the request sent no key: the thing is made under a new id, as often as it is asked. */
  ledger: KeyLedger | null;
  body: unknown;
  /** The thing under `id`, once it exists. */
  load(id: Types.ObjectId): Promise<T | null>;
  /** Makes the thing under `id`; its insert is unique on `id`, so two attempts make one. */
  create(id: Types.ObjectId): Promise<T>;
}

/** A key record as stored: unique on {userId, key}; `F` names the field that holds the new thing's id. */
export type KeyRecordDoc<F extends string> = { _id: Types.ObjectId; userId: Types.ObjectId; key: string; bodyHash: string; createdAt: Date } & { [K in F]: Types.ObjectId | null };

/** A collection of key records naming what they create in `field`, unique on {userId, key}. */
export function keyRecordSchema<F extends string>(collection: string, field: F): Schema<KeyRecordDoc<F>> {
  const schema = new Schema<KeyRecordDoc<F>>(
    {
      userId: { type: Schema.Types.ObjectId, required: true },
      key: { type: String, required: true },
      bodyHash: { type: String, required: true },
      [field]: { type: Schema.Types.ObjectId, required: true },
      createdAt: { type: Date, required: true },
    },
    { collection, versionKey: false },
  );
  schema.index({ userId: 1, key: 1 }, { unique: true });
  return schema;
}

/** The ledger of `userId`'s `key` in a collection of key records whose `field` names what they create; null without a key. */
export function keyLedger<F extends string, D extends KeyRecordDoc<F>>(model: Model<D>, field: F, userId: Types.ObjectId, key: string): KeyLedger;
export function keyLedger<F extends string, D extends KeyRecordDoc<F>>(model: Model<D>, field: F, userId: Types.ObjectId, key: string | null): KeyLedger | null;
export function keyLedger<F extends string, D extends KeyRecordDoc<F>>(model: Model<D>, field: F, userId: Types.ObjectId, key: string | null): KeyLedger | null {
  if (key === null) return null;
  return {
    claim: async (targetId, bodyHash) => (await model.create({ userId, key, bodyHash, [field]: targetId, createdAt: new Date() } as Partial<D>))._id as Types.ObjectId,
    find: async () => {
      const record = await model.findOne({ userId, key }).lean<KeyRecordDoc<F>>();
      return record && { recordId: record._id, bodyHash: record.bodyHash, targetId: record[field], createdAt: record.createdAt };
    },
    release: async (recordId) => void (await model.deleteOne({ _id: recordId })),
  };
}

/** The first request with this key is still at work: retry shortly. */
export const stillAtWork = () => new AppError('CONCURRENT_UPDATE', '相同的提交正在处理中，请稍后刷新');

export const bodyHashOf = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * The same Idempotency-Key with the same body makes one thing; with another
 * body → 422. The key is claimed by a unique insert before any work, and names
 * the thing's id at once: whichever request finishes it — the first, or a
 * retry after the first died with the database or the process — makes that
 * one thing, never a second (R13).
 */
export async function createIdempotently<T>(c: IdempotentCreation<T>): Promise<T> {
  const { ledger } = c;
  const id = new Types.ObjectId();
  if (ledger === null) return c.create(id);
  const bodyHash = bodyHashOf(c.body);
  let claim: Types.ObjectId;
  try {
    claim = await ledger.claim(id, bodyHash);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return replay({ ...c, ledger }, bodyHash);
  }
  try {
    return await createOnce(c, id);
  } catch (err) {
    // Refused (nothing was created): the key is free again for a corrected request.
    // Any other failure keeps it, so the client's retry finishes this very thing.
    if (err instanceof AppError) await ledger.release(claim);
    throw err;
  }
}

type Keyed<T> = IdempotentCreation<T> & { ledger: KeyLedger };

/** A key seen before: its thing, once there; a first attempt that has not finished within the wait is finished here. */
async function replay<T>(c: Keyed<T>, bodyHash: string): Promise<T> {
  const deadline = Date.now() + KEY_WAIT_MS;
  for (;;) {
    const record = await c.ledger.find();
    if (record && record.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    // No record: the first attempt was refused and released the key; ask for a retry.
    if (!record) throw stillAtWork();
    if (record.targetId) {
      const doc = await c.load(record.targetId);
      if (doc) return doc;
      const stalled = Date.now() - record.createdAt.getTime() > KEY_WAIT_MS;
      if (stalled || Date.now() > deadline) return finishStalled(c, { ...record, targetId: record.targetId });
    } else if (Date.now() > deadline) {
      throw stillAtWork();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A first attempt that never finished, finished here. Refused (the photos were swept meanwhile,
 * the text is risky) with nothing made, the key is freed as a first refusal frees it: otherwise
 * every retry, even with a corrected body, would meet this record for good.
 */
async function finishStalled<T>(c: Keyed<T>, record: KeyRecord & { targetId: Types.ObjectId }): Promise<T> {
  try {
    return await createOnce(c, record.targetId);
  } catch (err) {
    if (err instanceof AppError && !(await c.load(record.targetId))) await c.ledger.release(record.recordId);
    throw err;
  }
}

/** The thing under `id`: made now, or — when another request made it meanwhile — that one. */
async function createOnce<T>(c: IdempotentCreation<T>, id: Types.ObjectId): Promise<T> {
  try {
    return await c.create(id);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const doc = await c.load(id);
    if (!doc) throw err;
    return doc;
  }
}
