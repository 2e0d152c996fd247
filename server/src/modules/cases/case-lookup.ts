import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { addChinaDays, chinaDate } from '@citycare/shared';
import { bucketOf, ORDINAL_BUCKET, OrdinalLists } from '../../common/ordinal-list';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import type { DayTally } from './case-aggregate.model';
import { CaseAggregates, countedField } from './case-aggregates';
import { CITY_LIST, CITY_SCOPE, communityList, communityScope, stationList, stationScope, type Scope as CaseScopeKey } from './case-derived';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';

export type CaseSummary = Pick<CaseDoc, '_id' | 'category' | 'status' | 'address'>;
/** Which cases a figure covers: a station's, a community's, or the city's. */
export type CaseScope = { stationId: Types.ObjectId } | { community: string } | { city: true };

/**
 * What other modules may read of cases (hotline status, Open311, patrol
 * links, figures): they come here, never to the cases collections.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseLookup {
  @Inject()
  store!: CaseStore;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  aggregates!: CaseAggregates;

  /** The list that shows a scope's cases: pages computed from them are reused until one changes (common/list-pages.ts). */
  listOf(scope: CaseScope): string {
    if ('stationId' in scope) return stationList(scope.stationId);
    if ('community' in scope) return communityList(scope.community);
    return CITY_LIST;
  }

  /** A case with every written entry applied, or null. */
  load(id: string | Types.ObjectId): Promise<CaseDoc | null> {
    return this.timeline.load(id);
  }

  byIds(ids: Types.ObjectId[]): Promise<Map<string, CaseDoc>> {
    return this.store.byIds(ids);
  }

  /** Its timeline without internal notes. */
  publicTimeline(caseId: Types.ObjectId): Promise<CaseEventDoc[]> {
    return this.store.timeline(caseId, true);
  }

  /**
   * The city's cases newest first (in the order they were received), one
   * bucket of 25 at a time, starting at the newest received by `until`
   * (found by a binary search over the buckets: positions follow time).
   */
  async *cityNewestFirst(until?: Date): AsyncGenerator<CaseDoc> {
    const list = { field: 'cityBucket', owner: null, position: 'cityK' } as const;
    const head = await this.lists.head(CITY_LIST);
    yield* this.store.newestFirst(list, head, until ? (await this.firstPositionAfter(until, head)) : Infinity);
  }

  /** The lowest position received after `until` (head + 1 when none was), by bisecting buckets of the city list. */
  private async firstPositionAfter(until: Date, head: number): Promise<number> {
    let low = 0;
    let high = bucketOf(head);
    const within = async (b: number) => this.store.cases.find({ cityBucket: String(b) }).select('cityK createdAt').lean<Pick<CaseDoc, 'cityK' | 'createdAt'>[]>();
    const oldestIn = async (b: number) => {
      const docs = await within(b);
      return docs.length ? docs.reduce((a, d) => (d.createdAt < a.createdAt ? d : a)) : null;
    };
    // The usual question, "up to now": the newest bucket already qualifies, no bisecting.
    if ((await within(high)).every((d) => d.createdAt <= until)) return Infinity;
    // The last bucket whose oldest case was received by `until`.
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const oldest = await oldestIn(mid);
      if (oldest && oldest.createdAt <= until) low = mid;
      else high = mid - 1;
    }
    return (low + 1) * ORDINAL_BUCKET;
  }

  summaries(ids: Types.ObjectId[]): Promise<Map<string, CaseSummary>> {
    return this.store.summaries(ids);
  }

  /** The figures' daily tallies of a scope for the China days from..to (inclusive). */
  async dailyTallies(scope: CaseScope, from: string, to: string): Promise<DayTally[]> {
    const months: string[] = [];
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addChinaDays(`${m}-28`, 5).slice(0, 7)) months.push(m);
    const docs = await this.aggregates.tallies(keyOf(scope), months);
    return docs.filter((d) => d.day >= from && d.day <= to);
  }

  /** Open cases of a scope late right now, whenever reported (the same rule as a case's `overdue`). */
  async overdueNow(scope: CaseScope, now = new Date()): Promise<number> {
    const key = keyOf(scope);
    const today = chinaDate(now);
    let overdue = 0;
    for (const { day, count } of await this.aggregates.days('q', key)) {
      if (day < today) overdue += count;
      else if (day === today) overdue += (await this.store.queueDay(countedField('q', key) as 'queueStation', `${key}|${day}`)).filter((d) => d.dueAt < now).length;
    }
    return overdue;
  }

  /** Open cases of a scope late right now, most overdue first, at most `limit`: the queue's days up to today, one lookup each. */
  async overdueCases(scope: CaseScope, limit: number, now = new Date()): Promise<OverdueCaseDoc[]> {
    const key = keyOf(scope);
    const today = chinaDate(now);
    const found: OverdueCaseDoc[] = [];
    for (const { day } of await this.aggregates.days('q', key)) {
      if (day > today || found.length >= limit) break;
      const docs = await this.store.queueDay(countedField('q', key) as 'queueStation', `${key}|${day}`);
      found.push(...docs.filter((d) => d.dueAt < now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()));
    }
    return found.slice(0, limit);
  }
}

/** The open cases of a scope late right now, most overdue first (the same days and rule as overdueNow), at most `limit`. */
export type OverdueCaseDoc = Pick<CaseDoc, '_id' | 'category' | 'status' | 'source' | 'address' | 'createdAt' | 'dueAt'>;

function keyOf(scope: CaseScope): CaseScopeKey {
  if ('stationId' in scope) return stationScope(scope.stationId);
  if ('community' in scope) return communityScope(scope.community);
  return CITY_SCOPE;
}
