import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { FilterQuery } from 'mongoose';
import { chinaDate } from '@citycare/shared';
import { Claims } from '../../common/claims';
import { GroupWrites } from '../../common/group-writes';
import { everyErrorIsDuplicateKey, isDuplicateKey } from '../../common/mongo-errors';
import type { CaseDoc } from './case.model';
import type { CaseAggregateDirtyDoc, CaseAggregateDoc, DayTally } from './case-aggregate.model';
import { aggregatesOf, parseAggregate, type AggregateKind, type Scope as CaseScopeKey } from './case-derived';
import { CaseStore } from './case-store';
import { Tally, type TallySums } from './case-tally';

/** How long one recomputation may hold its claim before another process may take over. */
const CLAIM_MS = 30_000;
/** How long a reader waits for a recomputation another process is doing. */
const READER_WAIT_MS = 1_500;
const READER_POLL_MS = 25;

type TallyCase = Pick<CaseDoc, 'status' | 'category' | 'source' | 'createdAt' | 'acceptBy' | 'acceptedAt' | 'resolvedAt' | 'rating'>;
const TALLY_FIELDS = 'status category source createdAt acceptBy acceptedAt resolvedAt rating';

/**
 * Keeps the queue-day counts and the figures' daily tallies (case-aggregate.model.ts)
 * in step with the cases. A case change marks the aggregates it touched as
 * dirty (a unique-keyed insert: nothing is lost to concurrency); a refresh
 * takes a claim on each dirty aggregate, drops the mark, and recomputes the
 * aggregate from the cases themselves — so a change that lands meanwhile
 * marks it again and is counted by the next refresh. Readers refresh their
 * scope first, so they see their own writes.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseAggregates {
  @Inject()
  store!: CaseStore;

  @Inject()
  claims!: Claims;

  /** Marks every aggregate that `before` or `after` counts in (either may be absent). */
  async touched(...docs: Array<Parameters<typeof aggregatesOf>[0] | null>): Promise<void> {
    const ids = [...new Set(docs.flatMap((d) => (d ? aggregatesOf(d) : [])))];
    await this.mark(ids);
  }

  async mark(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.marks.add(ids);
  }

  /** Marks asked for while one insert of marks is in flight go together in the next (mostly the same few ids). */
  private readonly marks = new GroupWrites<string>(async (ids) => {
    const at = new Date();
    const rows = [...new Set(ids)].map((id) => {
      const { kind, scope } = parseAggregate(id);
      return { _id: id, kind, scope, at };
    });
    await this.store.dirtyAggregates.insertMany(rows, { ordered: false }).catch((err) => {
      if (!everyErrorIsDuplicateKey(err)) throw err; // already marked
    });
  });

  /** Recomputes dirty aggregates (of one scope and kind, or all); waits briefly for ones another process holds. */
  async refresh(filter: { scope?: string; kind?: AggregateKind } = {}, wait = true): Promise<number> {
    const deadline = Date.now() + READER_WAIT_MS;
    let done = 0;
    for (;;) {
      const dirty = await this.store.dirtyAggregates.find(filter as FilterQuery<CaseAggregateDirtyDoc>).lean<CaseAggregateDirtyDoc[]>();
      if (dirty.length === 0) return done;
      // Places before the city: the city's tally is summed from its stations'.
      dirty.sort((a, b) => Number(a.scope === 'all') - Number(b.scope === 'all'));
      let held = 0;
      for (const mark of dirty) {
        const ran = await this.claims.run(`aggregate:${mark._id}`, CLAIM_MS, async () => {
          await this.store.dirtyAggregates.deleteOne({ _id: mark._id });
          await this.recompute(mark._id);
        });
        if (ran === null) held += 1;
        else done += 1;
      }
      if (held === 0 || !wait || Date.now() > deadline) return done;
      await new Promise((r) => setTimeout(r, READER_POLL_MS));
    }
  }

  /** One aggregate, from the cases (or, for the city's tally, from its stations' tallies). */
  async recompute(id: string): Promise<void> {
    const { kind, scope, day } = parseAggregate(id);
    const base = { kind, scope, level: levelOf(scope), day, month: kind === 't' ? `${scope}|${day.slice(0, 7)}` : null };
    if (kind !== 't') {
      const count = await this.store.cases.countDocuments({ [countedField(kind, scope)]: `${scope}|${day}` });
      await this.save(id, count === 0 ? null : { ...base, count, sums: null });
      return;
    }
    const { count, ...sums } = scope === 'all' ? await this.cityTally(day) : await this.placeTally(scope, day);
    await this.save(id, count === 0 ? null : { ...base, count, sums: JSON.stringify(sums) });
    if (scope !== 'all' && levelOf(scope) === 's') await this.mark([`t|all|${day}`]);
  }

  /** Cases counted on each day (q: open, due that day; r: resolved, closed that day; p: final, closed that day, not yet anonymised), for a scope, earliest day first. */
  async days(kind: CountedKind, scope: CaseScopeKey): Promise<Array<{ day: string; count: number }>> {
    await this.refresh({ scope, kind });
    const docs = await this.store.aggregates.find({ kind, scope }).select('day count').lean<Pick<CaseAggregateDoc, 'day' | 'count'>[]>();
    return docs.map((d) => ({ day: d.day, count: d.count })).sort((a, b) => (a.day < b.day ? -1 : 1));
  }

  /** The daily tallies of a scope for the given months ("YYYY-MM"). */
  async tallies(scope: CaseScopeKey, months: string[]): Promise<DayTally[]> {
    await this.refresh(scope === 'all' ? { kind: 't' } : { scope, kind: 't' });
    const docs = await Promise.all(months.map((m) => this.store.aggregates.find({ month: `${scope}|${m}` }).lean<CaseAggregateDoc[]>()));
    return docs.flat().filter((d) => d.kind === 't').map(toDayTally);
  }

  /** Counts (queue, close, purge) written before only tallies carried a month lose it (a start-up migration); returns how many. */
  async monthOnTalliesOnly(): Promise<number> {
    let moved = 0;
    for (const kind of ['q', 'r', 'p'] as const) {
      moved += (await this.store.aggregates.updateMany({ kind }, { $set: { month: null } })).modifiedCount;
    }
    return moved;
  }

  /** Every aggregate recomputed from the cases (the rebuild command); returns how many exist afterwards. */
  async rebuildAll(): Promise<number> {
    await this.store.aggregates.deleteMany({});
    await this.store.dirtyAggregates.deleteMany({});
    const ids = new Set<string>();
    const cursor = this.store.cases.find().select('queueStation queueCommunity queueCity closeDue purgeFrom tallyStation tallyCommunity createdAt').lean<CaseDoc[]>().cursor();
    for await (const doc of cursor as AsyncIterable<CaseDoc>) for (const id of aggregatesOf(doc)) ids.add(id);
    const ordered = [...ids].sort((a, b) => Number(parseAggregate(a).scope === 'all') - Number(parseAggregate(b).scope === 'all'));
    for (const id of ordered) await this.recompute(id);
    await this.store.dirtyAggregates.deleteMany({});
    return this.store.aggregates.countDocuments();
  }

  private async placeTally(scope: string, day: string) {
    const field = scope.startsWith('s:') ? 'tallyStation' : 'tallyCommunity';
    const cases = await this.store.cases.find({ [field]: `${scope}|${day}` }).select(TALLY_FIELDS).lean<TallyCase[]>();
    const totals = new Tally();
    const byCategory = new Map<string, Tally>();
    const bySource = new Map<string, Tally>();
    let count = 0;
    for (const c of cases) {
      // A duplicate counts through the case it was merged into (figures README).
      if (c.status === 'duplicate') continue;
      count += 1;
      for (const t of [totals, groupOf(byCategory, c.category), groupOf(bySource, c.source)]) t.addCase(c);
    }
    return { count, totals: totals.sums, byCategory: sumsOf(byCategory), bySource: sumsOf(bySource) };
  }

  /** The city's day: the sum of its stations' days (every case has a station). */
  private async cityTally(day: string) {
    const stations = await this.store.aggregates.find({ kind: 't', level: 's', day }).lean<CaseAggregateDoc[]>();
    const totals = new Tally();
    const byCategory = new Map<string, Tally>();
    const bySource = new Map<string, Tally>();
    let count = 0;
    for (const doc of stations) {
      const s = toDayTally(doc);
      count += doc.count;
      totals.add(s.totals);
      for (const [k, v] of Object.entries(s.byCategory)) groupOf(byCategory, k).add(v);
      for (const [k, v] of Object.entries(s.bySource)) groupOf(bySource, k).add(v);
    }
    return { count, totals: totals.sums, byCategory: sumsOf(byCategory), bySource: sumsOf(bySource) };
  }

  private async save(id: string, doc: Omit<CaseAggregateDoc, '_id'> | null): Promise<void> {
    if (!doc) {
      await this.store.aggregates.deleteOne({ _id: id });
      return;
    }
    await this.store.aggregates.replaceOne({ _id: id }, { _id: id, ...doc }, { upsert: true }).catch(async (err) => {
      if (!isDuplicateKey(err)) throw err; // an upsert racing another: the replace now finds it
      await this.store.aggregates.replaceOne({ _id: id }, { _id: id, ...doc });
    });
  }
}

/** The day of "now" in China, for "overdue now". */
export const today = (now = new Date()) => chinaDate(now);

export function levelOf(scope: string): 's' | 'c' | 'all' {
  return scope === 'all' ? 'all' : scope.startsWith('s:') ? 's' : 'c';
}

/** The case field a counted aggregate counts by. */
type CountedKind = Exclude<AggregateKind, 't'>;

export function countedField(kind: CountedKind, scope: string): 'queueStation' | 'queueCommunity' | 'queueCity' | 'closeDue' | 'purgeFrom' {
  if (kind === 'r') return 'closeDue';
  if (kind === 'p') return 'purgeFrom';
  const level = levelOf(scope);
  return level === 's' ? 'queueStation' : level === 'c' ? 'queueCommunity' : 'queueCity';
}

function toDayTally(doc: CaseAggregateDoc): DayTally {
  const sums = JSON.parse(doc.sums ?? '{}') as Partial<Omit<DayTally, 'day'>>;
  return { day: doc.day, totals: sums.totals ?? new Tally().sums, byCategory: sums.byCategory ?? {}, bySource: sums.bySource ?? {} };
}

function groupOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
}

/** In key order, so the same counts are always the same text. */
function sumsOf(map: Map<string, Tally>): Record<string, TallySums> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => [k, t.sums]));
}
