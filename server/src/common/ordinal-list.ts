import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Schema, type Model } from 'mongoose';
import { Database } from './database';
import { GroupWrites } from './group-writes';
import { everyErrorIsDuplicateKey, writeErrorsOf } from './mongo-errors';

/** Lists whose last claimed position a process remembers (reporters' lists are many). */
const LAST_CLAIMED_MAX = 50_000;

/** How many items one bucket of an ordinal list holds: a page reads one or two buckets. */
export const ORDINAL_BUCKET = 25;

interface SlotDoc {
  /** "<list>#<k>" for a claimed position, "<list>#head" for the highest one seen. */
  _id: string;
  list: string;
  n: number;
}

export const slotSchema = new Schema<SlotDoc>(
  { _id: { type: String, required: true }, list: { type: String, required: true }, n: { type: Number, required: true } },
  { collection: 'list_slots', versionKey: false },
);
slotSchema.index({ list: 1 });

export const LIST_SLOT_MODEL = 'ListSlot';

/**
 * Append-only lists where every item gets the next position 1, 2, 3… in its
 * list, by a unique insert (so concurrent appends never share one). An item
 * stores its position; `bucketOf(k)` groups positions in runs of 25, so the
 * newest page of a list is one or two equality lookups however long the list
 * grows (docs/design.md, "Data rules"). A crash between claiming a position
 * and storing the item leaves a gap, never a duplicate.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrdinalLists {
  @Inject()
  database!: Database;

  private get slots(): Model<SlotDoc> {
    return this.database.model<SlotDoc>(LIST_SLOT_MODEL, slotSchema);
  }

  /** The last position this process handed out in each list: where the next claim starts, without reading the head. */
  private readonly lastClaimed = new Map<string, number>();

  /** The heads, raised by one command for every claim that lands while another raise is in flight. */
  private readonly heads = new GroupWrites<{ list: string; n: number }>((claimed) => this.raiseHeads(claimed));

  /** The next position in `list` (1 for the first item). */
  async claim(list: string): Promise<number> {
    return (await this.claimAll([list]))[0];
  }

  /**
   * The next position in each of `lists` (distinct names), claimed together:
   * one insert command for the positions (and one more for each round lost
   * to another process), then the heads, in a command shared with the claims
   * made meanwhile. Concurrent claims in this process take distinct positions
   * from its counter, so they never race each other for one.
   */
  async claimAll(lists: string[]): Promise<number[]> {
    if (this.lastClaimed.size + lists.length > LAST_CLAIMED_MAX) this.lastClaimed.clear();
    const next = await Promise.all(lists.map((list) => this.reserve(list)));
    let pending = lists.map((_, i) => i);
    while (pending.length > 0) {
      const taken = await this.insertSlots(pending.map((i) => ({ _id: `${lists[i]}#${next[i]}`, list: lists[i], n: next[i] }))).catch((err) => {
        // Nothing claimed (the database failed): hand the positions out again where no later claim took the counter past them.
        for (const i of pending) if (this.lastClaimed.get(lists[i]) === next[i]) this.lastClaimed.set(lists[i], next[i] - 1);
        throw err;
      });
      const retry: number[] = [];
      for (const [j, i] of pending.entries()) {
        if (!taken.has(j)) continue;
        // Taken by another process: catch up with the list's head, then take the next one.
        await this.learn(lists[i]);
        next[i] = await this.reserve(lists[i]);
        retry.push(i);
      }
      pending = retry;
    }
    // The heads only speed up the next reader; a stale one is corrected by probing, so a failed
    // raise (shared with other claims) fails none of them: the positions are theirs already.
    await this.heads.add(lists.map((list, i) => ({ list, n: next[i] }))).catch(() => undefined);
    return next;
  }

  /** The next position this process hands out in `list`, taken at once (no await between reading and raising the counter). */
  private async reserve(list: string): Promise<number> {
    if (!this.lastClaimed.has(list)) await this.learn(list);
    const n = (this.lastClaimed.get(list) ?? 0) + 1;
    this.lastClaimed.set(list, n);
    return n;
  }

  /** Raises this process's counter of `list` to the list's head. */
  private async learn(list: string): Promise<void> {
    const head = await this.head(list);
    this.lastClaimed.set(list, Math.max(head, this.lastClaimed.get(list) ?? 0));
  }

  private async raiseHeads(claimed: Array<{ list: string; n: number }>): Promise<void> {
    const highest = new Map<string, number>();
    for (const { list, n } of claimed) highest.set(list, Math.max(n, highest.get(list) ?? 0));
    await this.slots
      .bulkWrite(
        [...highest].map(([list, n]) => ({ updateOne: { filter: { _id: `${list}#head` }, update: { $max: { n }, $setOnInsert: { list } }, upsert: true } })),
        { ordered: false },
      )
      .catch((err) => {
        if (!everyErrorIsDuplicateKey(err)) throw err; // a head made by a concurrent first append
      });
  }

  /** Inserts the slots; the indexes of those another append holds already. */
  private async insertSlots(docs: SlotDoc[]): Promise<Set<number>> {
    try {
      await this.slots.bulkWrite(
        docs.map((document) => ({ insertOne: { document } })),
        { ordered: false },
      );
      return new Set();
    } catch (err) {
      if (!everyErrorIsDuplicateKey(err)) throw err;
      return new Set(writeErrorsOf(err).map((e) => e.index));
    }
  }

  /** The highest position claimed in `list` (0 when empty). */
  async head(list: string): Promise<number> {
    const head = await this.slots.findById(`${list}#head`).lean<SlotDoc>();
    let n = head?.n ?? 0;
    while (await this.slots.exists({ _id: `${list}#${n + 1}` })) n += 1;
    return n;
  }

  /** Sets a list's highest position (after positions were rebuilt or loaded in bulk). */
  async setHead(list: string, n: number): Promise<void> {
    this.lastClaimed.delete(list);
    const head = headDoc(list, n);
    await this.slots.replaceOne({ _id: head._id }, head, { upsert: true });
  }

  /** Forgets a list (its items are gone or no longer tied to its name). */
  async drop(list: string): Promise<void> {
    this.lastClaimed.delete(list);
    await this.slots.deleteMany({ list });
  }
}

/** The document recording a list's highest position (also what a bulk loader writes). */
export function headDoc(list: string, n: number): SlotDoc {
  return { _id: `${list}#head`, list, n };
}

export function bucketOf(k: number): number {
  return Math.floor(k / ORDINAL_BUCKET);
}
