import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { FilterQuery, Types } from 'mongoose';
import { Database } from '../../common/database';
import { toObjectId } from '../../common/object-id';
import { bucketOf } from '../../common/ordinal-list';
import { CASE_MODEL, caseSchema, type CaseDoc } from './case.model';
import { CASE_EVENT_MODEL, caseEventSchema, type CaseEventDoc } from './case-event.model';
import { CATEGORY_MODEL, categorySchema, type CategoryDoc } from './category.model';
import { CASE_FOLLOWER_MODEL, caseFollowerSchema, type CaseFollowerDoc } from './case-follower.model';
import {
  CASE_AGGREGATE_DIRTY_MODEL,
  CASE_AGGREGATE_MODEL,
  caseAggregateDirtySchema,
  caseAggregateSchema,
  type CaseAggregateDirtyDoc,
  type CaseAggregateDoc,
} from './case-aggregate.model';
import { isDuplicateKey } from '../../common/mongo-errors';
import { findByIds } from '../../common/by-ids';
import { IDEMPOTENCY_MODEL, idempotencySchema, type IdempotencyDoc } from './idempotency.model';
import { RATING_MODEL, ratingSchema, type RatingDoc } from './rating.model';

/** Which newest-first list: the case field holding its bucket, its owner's id (null for the city), the position field. */
export interface NewestFirstList {
  field: 'mineBucket' | 'stationBucket' | 'cityBucket';
  owner: string | null;
  position: 'mineK' | 'stationK' | 'cityK';
}

/**
 * The cases module's collections and the reads other parts of the module
 * (and other modules, through its services) need. Writes to a case go
 * through `CaseTimelineService`, never straight to `cases`.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseStore {
  @Inject()
  database!: Database;

  get cases() {
    return this.database.model<CaseDoc>(CASE_MODEL, caseSchema);
  }
  /** Timeline entries (case_events): one per case version. */
  get entries() {
    return this.database.model<CaseEventDoc>(CASE_EVENT_MODEL, caseEventSchema);
  }
  get ratings() {
    return this.database.model<RatingDoc>(RATING_MODEL, ratingSchema);
  }
  get idempotencyKeys() {
    return this.database.model<IdempotencyDoc>(IDEMPOTENCY_MODEL, idempotencySchema);
  }
  get categories() {
    return this.database.model<CategoryDoc>(CATEGORY_MODEL, categorySchema);
  }
  get followers() {
    return this.database.model<CaseFollowerDoc>(CASE_FOLLOWER_MODEL, caseFollowerSchema);
  }
  get aggregates() {
    return this.database.model<CaseAggregateDoc>(CASE_AGGREGATE_MODEL, caseAggregateSchema);
  }
  get dirtyAggregates() {
    return this.database.model<CaseAggregateDirtyDoc>(CASE_AGGREGATE_DIRTY_MODEL, caseAggregateDirtySchema);
  }

  /** The stored case document as it is (a half-applied move not rolled forward: see CaseTimelineService.load). */
  async storedCase(id: string | Types.ObjectId): Promise<CaseDoc | null> {
    const _id = toObjectId(id);
    return _id ? this.cases.findById(_id).lean<CaseDoc>() : null;
  }

  /** A case's timeline in order; `publicOnly` leaves out internal notes. */
  timeline(caseId: Types.ObjectId, publicOnly = false): Promise<CaseEventDoc[]> {
    const filter: FilterQuery<CaseEventDoc> = { caseId, ...(publicOnly ? { public: true } : {}) };
    return this.entries.find(filter).sort({ seq: 1 }).lean<CaseEventDoc[]>();
  }

  /** Entries written after `seq` (a move whose case patch was not applied yet). */
  entriesAfter(caseId: Types.ObjectId, seq: number): Promise<CaseEventDoc[]> {
    return this.entries.find({ caseId, seq: { $gt: seq } }).sort({ seq: 1 }).lean<CaseEventDoc[]>();
  }

  /** Adds a follower; following twice is harmless. */
  async follow(caseId: Types.ObjectId, userId: Types.ObjectId): Promise<void> {
    try {
      await this.followers.create({ caseId, userId, at: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async isFollower(caseId: Types.ObjectId, userId: Types.ObjectId): Promise<boolean> {
    return !!(await this.followers.exists({ caseId, userId }));
  }

  /** Who follows a case by 我也遇到 (not its reporter, not merged reporters). */
  async explicitFollowers(caseId: Types.ObjectId): Promise<Types.ObjectId[]> {
    return (await this.followers.find({ caseId }).select('userId').lean<Pick<CaseFollowerDoc, 'userId'>[]>()).map((f) => f.userId);
  }

  /** A user's follows, newest first, after a keyset cursor on (at, _id). */
  followsOf(userId: Types.ObjectId, before: { date: Date; id: string } | null, limit: number): Promise<CaseFollowerDoc[]> {
    const filter: FilterQuery<CaseFollowerDoc> = { userId };
    if (before) filter.$or = [{ at: { $lt: before.date } }, { at: before.date, _id: { $lt: toObjectId(before.id)! } }];
    return this.followers.find(filter).sort({ at: -1, _id: -1 }).limit(limit).lean<CaseFollowerDoc[]>();
  }

  /** How many people stand behind a case: its reporter, 我也遇到 followers and merged duplicates' reporters. */
  async followerCount(caseId: Types.ObjectId): Promise<number> {
    const [following, merged] = await Promise.all([this.followers.countDocuments({ caseId }), this.cases.countDocuments({ mergedInto: caseId, status: 'duplicate' })]);
    return 1 + following + merged;
  }

  /** Open cases whose near key is one of `keys` (one equality lookup per key). */
  async openNear(keys: string[]): Promise<CaseDoc[]> {
    return (await Promise.all(keys.map((nearKey) => this.cases.find({ nearKey }).lean<CaseDoc[]>()))).flat();
  }

  /** Reporters of the duplicates merged into a case: they follow it. */
  async mergedReporters(caseId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const merged = await this.cases.find({ mergedInto: caseId, status: 'duplicate' }).select('reporterId').lean<Pick<CaseDoc, 'reporterId'>[]>();
    return merged.map((m) => m.reporterId);
  }

  async hasMergedReport(caseId: Types.ObjectId, reporterId: Types.ObjectId): Promise<boolean> {
    return !!(await this.cases.exists({ mergedInto: caseId, reporterId, status: 'duplicate' }));
  }

  /**
   * A newest-first list (the reporter's, the station's, the city's), from its
   * highest position down, one bucket of 25 at a time: `before` skips
   * positions at or above it. Each step is one equality lookup.
   */
  async *newestFirst(list: NewestFirstList, head: number, before = Infinity): AsyncGenerator<CaseDoc> {
    const top = Math.min(head, before - 1);
    for (let b = bucketOf(top); b >= 0; b--) {
      const docs = await this.cases.find({ [list.field]: list.owner === null ? String(b) : `${list.owner}|${b}` }).lean<CaseDoc[]>();
      docs.sort((x, y) => y[list.position] - x[list.position]);
      for (const doc of docs) if (doc[list.position] < before) yield doc;
    }
  }

  /** The open cases of a queue day ("<scope>|<day>" in the scope's queue field). */
  queueDay(field: 'queueStation' | 'queueCommunity' | 'queueCity', key: string): Promise<CaseDoc[]> {
    return this.cases.find({ [field]: key }).lean<CaseDoc[]>();
  }

  /** Short summaries (category, status, address) of cases by id, for links from other records. */
  summaries(ids: Types.ObjectId[]): Promise<Map<string, Pick<CaseDoc, '_id' | 'category' | 'status' | 'address'>>> {
    return findByIds(this.cases, ids, 'category status address');
  }

  /** Cases by id (one lookup each). */
  byIds(ids: Types.ObjectId[]): Promise<Map<string, CaseDoc>> {
    return findByIds(this.cases, ids);
  }
}
