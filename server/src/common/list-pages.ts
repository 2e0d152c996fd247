import { randomUUID } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Schema, type Model } from 'mongoose';
import { Database } from './database';
import { GroupWrites } from './group-writes';
import { everyErrorIsDuplicateKey, isDuplicateKey } from './mongo-errors';

/** How long a page may be reused at most, whatever its versions say (clock-dependent filters, a writer that died before its bump). */
export const LIST_PAGE_MAX_AGE_MS = 30_000;
/** How many pages one process keeps (the least recently read go first): a page of 21 cases is ~60 KB, so at most ~20 MB. */
const LIST_PAGES_MAX = 300;

interface ListVersionDoc {
  /** A list's name: "station|<id>", "mine|<id>", "city", "notices|<community>", … */
  _id: string;
  /** Changes (to a value never used before) whenever something the list shows changes. */
  v: string;
}

export const LIST_VERSION_MODEL = 'ListVersion';

export const listVersionSchema = new Schema<ListVersionDoc>(
  { _id: { type: String, required: true }, v: { type: String, required: true } },
  { collection: 'list_versions', versionKey: false },
);

interface Page {
  versions: string;
  at: number;
  value: unknown;
}

/**
 * Pages of lists reused while nothing they show has changed (docs/performance.md, P4).
 *
 * Every list has a version document. A writer calls `changed(lists)` after its
 * write: each version gets a fresh random value, so a value never comes back,
 * in any process. A reader names the lists its page shows and reads their
 * versions (one `_id` lookup each, whatever the list's length); a page this
 * process computed under the same versions is reused, anything else is
 * computed again. The version is read before the page: a write that lands
 * while a page is computed bumps it afterwards, so that page is never reused.
 * A page is also dropped after LIST_PAGE_MAX_AGE_MS — filters that depend on
 * the clock (overdue, expired), and a writer that died between its write and
 * its bump, are at most that late.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ListPages {
  @Inject()
  database!: Database;

  private readonly pages = new Map<string, Page>();
  private readonly loading = new Map<string, Page & { value: Promise<unknown> }>();

  private get versions(): Model<ListVersionDoc> {
    return this.database.model<ListVersionDoc>(LIST_VERSION_MODEL, listVersionSchema);
  }

  /**
   * The page `name` (every parameter that shapes it), which shows what is in
   * `lists`: reused when none of them changed since it was computed by `load`.
   * The value is shared between readers: callers must not change it.
   */
  async read<T>(name: string, lists: string[], load: () => Promise<T>): Promise<T> {
    const versions = await this.versionsOf(lists);
    if (versions === null) return load();
    const hit = this.pages.get(name);
    if (hit && hit.versions === versions && Date.now() - hit.at < LIST_PAGE_MAX_AGE_MS) {
      // Most recently read last: the map's first entry is the one to drop.
      this.pages.delete(name);
      this.pages.set(name, hit);
      return hit.value as T;
    }
    // Readers that miss together (a change, then every officer's refresh) share one computation.
    const running = this.loading.get(name);
    if (running && running.versions === versions) return running.value as Promise<T>;
    const at = Date.now();
    const value = load();
    this.loading.set(name, { versions, at, value });
    try {
      const page = await value;
      if (this.pages.size >= LIST_PAGES_MAX) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(name, { versions, at, value: page });
      return page;
    } finally {
      if (this.loading.get(name)?.value === value) this.loading.delete(name);
    }
  }

  /** Something the lists show changed: pages computed before are not reused (here or in any other process). */
  async changed(lists: Iterable<string>): Promise<void> {
    const names = [...lists];
    if (names.length > 0) await this.bumps.add(names);
  }

  /** Versions bumped while one bump is in flight go together in the next: one command for a burst of writes. */
  private readonly bumps = new GroupWrites<string>(async (lists) => {
    await this.versions
      .bulkWrite(
        [...new Set(lists)].map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { v: randomUUID() } }, upsert: true } })),
        { ordered: false },
      )
      .catch((err) => {
        // Two writers making the same new version at once: the one that won gave it a new value too.
        if (!everyErrorIsDuplicateKey(err)) throw err;
      });
  });

  /** A list's current version (made now when it has none): for a per-process copy kept in step with it (version-watch.ts). */
  async version(list: string): Promise<string> {
    const doc = await this.versions.findById(list).lean<ListVersionDoc>();
    if (doc) return doc.v;
    await this.makeVersion(list);
    return (await this.versions.findById(list).lean<ListVersionDoc>())!.v;
  }

  /** Lists that are gone (their owner deleted their account): their versions go too, leaving nothing that names them. */
  async forget(lists: string[]): Promise<void> {
    await Promise.all(lists.map((_id) => this.versions.deleteOne({ _id })));
  }

  /** Every list changed (after a rebuild or a bulk load that bypassed the writers). */
  async allChanged(): Promise<void> {
    await this.versions.deleteMany({});
  }

  /** The lists' versions as one string; null when one has none yet (it gets one now; this read is not reused). */
  private async versionsOf(lists: string[]): Promise<string | null> {
    const docs = await Promise.all(lists.map((_id) => this.versions.findById(_id).lean<ListVersionDoc>()));
    const missing = lists.filter((_, i) => !docs[i]);
    if (missing.length === 0) return docs.map((d) => d!.v).join(' ');
    await Promise.all(missing.map((list) => this.makeVersion(list)));
    return null;
  }

  /** A first version for a list that has none (a reader that makes it at the same time as another is not an error). */
  private async makeVersion(list: string): Promise<void> {
    await this.versions.updateOne({ _id: list }, { $setOnInsert: { v: randomUUID() } }, { upsert: true }).catch((err) => {
      if (!isDuplicateKey(err)) throw err; // another reader made it first
    });
  }
}
