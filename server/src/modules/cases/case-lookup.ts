import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { FilterQuery, Types } from 'mongoose';
import { OPEN_STATUSES } from '@citycare/shared';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';

export type CaseSummary = Pick<CaseDoc, '_id' | 'category' | 'status' | 'address'>;
/** What the figures read of a case. */
export type CohortCase = Pick<CaseDoc, '_id' | 'status' | 'category' | 'source' | 'createdAt' | 'acceptBy' | 'acceptedAt' | 'resolvedAt'>;
/** Which cases a figure covers: a station's, a community's, or (empty) the city's. */
export type CaseScope = { stationId: Types.ObjectId } | { community: string } | Record<string, never>;

const RATING_BATCH = 1000;

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

  /** A case with every written entry applied, or null. */
  load(id: string | Types.ObjectId): Promise<CaseDoc | null> {
    return this.timeline.load(id);
  }

  /** Its timeline without internal notes. */
  publicTimeline(caseId: Types.ObjectId): Promise<CaseEventDoc[]> {
    return this.store.timeline(caseId, true);
  }

  latestPublicReplies(caseIds: Types.ObjectId[]): Promise<Map<string, string>> {
    return this.store.latestPublicReplies(caseIds);
  }

  newest(filter: FilterQuery<CaseDoc>, limit: number): Promise<CaseDoc[]> {
    return this.store.newest(filter, limit);
  }

  summaries(ids: Types.ObjectId[]): Promise<Map<string, CaseSummary>> {
    return this.store.summaries(ids);
  }

  /** The cases of a scope received in [start, end), duplicates left out, one at a time. */
  cohort(scope: CaseScope, start: Date, end: Date): AsyncIterable<CohortCase> {
    return this.store.cases
      .find({ ...scope, createdAt: { $gte: start, $lt: end }, status: { $ne: 'duplicate' } })
      .select('status category source createdAt acceptBy acceptedAt resolvedAt')
      .lean<CohortCase[]>()
      .cursor() as AsyncIterable<CohortCase>;
  }

  /** Scores of the ratings of these cases, by case id. */
  async ratingsOf(caseIds: Types.ObjectId[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>();
    for (let i = 0; i < caseIds.length; i += RATING_BATCH) {
      const batch = await this.store.ratings.find({ caseId: { $in: caseIds.slice(i, i + RATING_BATCH) } }).select('caseId score').lean<Array<{ caseId: Types.ObjectId; score: number }>>();
      for (const r of batch) scores.set(r.caseId.toHexString(), r.score);
    }
    return scores;
  }

  /** Open cases of a scope late right now, whenever reported (the same rule as a case's `overdue`). */
  countOverdue(scope: CaseScope, now = new Date()): Promise<number> {
    return this.store.cases.countDocuments({
      ...scope,
      $or: [
        { status: 'submitted', acceptBy: { $lt: now } },
        { status: { $in: OPEN_STATUSES }, resolveBy: { $lt: now } },
      ],
    });
  }
}
