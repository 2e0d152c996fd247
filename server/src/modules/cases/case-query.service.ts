import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import {
  haversineMeters,
  NEARBY_CASES_DEFAULT_RADIUS_M,
  OPEN_STATUSES,
  PUBLIC_GRID_M,
  roundToGrid,
  type CaseDetail,
  type CasePage,
  type CaseView,
  type NearbyCaseList,
  type StaffCaseView,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { PhotoUrls, type SignPhotos } from '../media/photo-urls';
import { StationService } from '../stations/station.service';
import { UserService } from '../users/user.service';
import type { CaseDoc } from './case.model';
import { actorsFor, CaseAccess, type CaseRelation } from './case-access';
import { nearKeysAround } from './case-derived';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';
import { CategoryService } from './category.service';
import { decodeCursor, encodeCursor, toCaseView, toStaffCaseView, toTimeline, type ViewContext } from './case.view';

export interface QueueFilters {
  status?: string[];
  category?: string;
  source?: string[];
  overdue?: 'true' | 'false';
  after?: string;
  limit?: number;
}

type Reporter = { name: string; phone: string | null } | null;

/** Reading cases: a resident's own, one case with its timeline, the station queue. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseQueryService {
  @Inject()
  store!: CaseStore;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  access!: CaseAccess;

  @Inject()
  categories!: CategoryService;

  @Inject()
  stations!: StationService;

  @Inject()
  users!: UserService;

  @Inject()
  photoUrls!: PhotoUrls;

  /** A case the user may see and how they stand to it, or 404 (never revealing that it exists). */
  async visibleCase(user: AuthUser, caseId: string): Promise<{ doc: CaseDoc; relation: CaseRelation }> {
    const doc = await this.timeline.load(caseId);
    const relation = doc && (await this.access.relationOf(user, doc));
    if (!doc || !relation) throw new AppError('CASE_NOT_FOUND');
    return { doc, relation };
  }

  async detail(user: AuthUser, caseId: string): Promise<CaseDetail<CaseView | StaffCaseView>> {
    const { doc, relation } = await this.visibleCase(user, caseId);
    return this.render(user, doc, relation);
  }

  /** A case the caller was already found to see, with the timeline entries they may see. */
  async render(user: AuthUser, doc: CaseDoc, relation: CaseRelation): Promise<CaseDetail<CaseView | StaffCaseView>> {
    const [entries, [view]] = await Promise.all([this.store.timeline(doc._id, relation !== 'staff'), this.views(user, [doc], relation)]);
    return { case: view, timeline: toTimeline(entries, relation, this.sign) };
  }

  /** My cases, newest first, keyset-paginated by (createdAt, _id). */
  async mine(user: AuthUser, before?: string, limit = 20): Promise<CasePage> {
    const filter: FilterQuery<CaseDoc> = { reporterId: new Types.ObjectId(user.id) };
    const cursor = before ? decodeCursor(before) : null;
    if (before && !cursor) throw new AppError('VALIDATION_FAILED');
    if (cursor) {
      filter.$or = [
        { createdAt: { $lt: cursor.date } },
        { createdAt: cursor.date, _id: { $lt: new Types.ObjectId(cursor.id) } },
      ];
    }
    const docs = await this.store.cases.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit + 1).lean<CaseDoc[]>();
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.views(user, page, 'reporter'), next: docs.length > limit && last ? encodeCursor(last.createdAt, last._id) : null };
  }

  /** Cases I follow (我也遇到), most recently followed first, keyset-paginated by (at, _id) of the follow. */
  async following(user: AuthUser, before?: string, limit = 20): Promise<CasePage> {
    const cursor = before ? decodeCursor(before) : null;
    if (before && !cursor) throw new AppError('VALIDATION_FAILED');
    const follows = await this.store.followsOf(new Types.ObjectId(user.id), cursor, limit + 1);
    const page = follows.slice(0, limit);
    const docs = (await Promise.all(page.map((f) => this.timeline.load(f.caseId)))).filter((d): d is CaseDoc => !!d);
    const last = page[page.length - 1];
    return { items: await this.views(user, docs, 'follower'), next: follows.length > limit && last ? encodeCursor(last.at, last._id) : null };
  }

  /** 附近已有人反映: open cases of a category within `radiusM` of a point, nearest first, in their public view. */
  async nearby(user: AuthUser, q: { lat: number; lng: number; category: string; radiusM?: number }): Promise<NearbyCaseList> {
    const radiusM = q.radiusM ?? NEARBY_CASES_DEFAULT_RADIUS_M;
    const candidates = await this.store.openNear(nearKeysAround(q.category, q.lat, q.lng));
    const near = candidates
      .map((doc) => ({ doc, distanceM: Math.round(haversineMeters(q, doc)) }))
      .filter((c) => c.distanceM <= radiusM)
      .sort((a, b) => a.distanceM - b.distanceM);
    const [categories, stationNames] = await Promise.all([this.categories.all(), this.stations.names(near.map((c) => c.doc.stationId))]);
    const userId = new Types.ObjectId(user.id);
    const items = await Promise.all(
      near.map(async ({ doc, distanceM }) => {
        const [followers, following] = await Promise.all([this.store.followerCount(doc._id), this.access.relationOf(user, doc)]);
        const where = roundToGrid(doc, PUBLIC_GRID_M);
        return {
          id: doc._id.toHexString(),
          category: doc.category,
          categoryName: categories.get(doc.category)?.name ?? doc.category,
          status: doc.status,
          lat: where.lat,
          lng: where.lng,
          distanceM,
          description: doc.publicDescription ? doc.description : null,
          stationName: stationNames.get(doc.stationId.toHexString()) ?? '',
          followers,
          createdAt: doc.createdAt.toISOString(),
          following: following === 'reporter' || following === 'follower' || doc.reporterId.equals(userId),
        };
      }),
    );
    return { items };
  }

  /** The station queue, most urgent first (deadline ascending), keyset-paginated by (dueAt, _id). */
  async queue(user: AuthUser, filters: QueueFilters): Promise<CasePage<StaffCaseView>> {
    authorize(user, 'case.queue');
    const limit = filters.limit ?? 20;
    const filter: FilterQuery<CaseDoc> = {};
    if (user.role !== 'admin') filter.stationId = new Types.ObjectId(user.stationId!);
    filter.status = { $in: filters.status ?? OPEN_STATUSES };
    if (filters.category) filter.category = filters.category;
    if (filters.source) filter.source = { $in: filters.source };
    const now = new Date();
    if (filters.overdue === 'true') filter.dueAt = { $lt: now };
    if (filters.overdue === 'false') filter.dueAt = { $gte: now };
    const cursor = filters.after ? decodeCursor(filters.after) : null;
    if (filters.after && !cursor) throw new AppError('VALIDATION_FAILED');
    if (cursor) {
      filter.$or = [{ dueAt: { $gt: cursor.date } }, { dueAt: cursor.date, _id: { $gt: new Types.ObjectId(cursor.id) } }];
    }
    const docs = await this.store.cases.find(filter).sort({ dueAt: 1, _id: 1 }).limit(limit + 1).lean<CaseDoc[]>();
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    const items = (await this.views(user, page, 'staff')) as StaffCaseView[];
    return { items, next: docs.length > limit && last ? encodeCursor(last.dueAt, last._id) : null };
  }

  private readonly sign: SignPhotos = (ids) => this.photoUrls.sign(ids);

  /** Views of several cases: category and station names looked up once for all of them. */
  private async views(user: AuthUser, docs: CaseDoc[], relation: CaseRelation): Promise<Array<CaseView | StaffCaseView>> {
    const [categories, stationNames] = await Promise.all([this.categories.all(), this.stations.names(docs.map((d) => d.stationId))]);
    const now = new Date();
    return Promise.all(
      docs.map(async (doc) => {
        const ctx: ViewContext = {
          categoryName: categories.get(doc.category)?.name ?? doc.category,
          stationName: stationNames.get(doc.stationId.toHexString()) ?? '',
          actors: actorsFor(user, doc),
          now,
          relation,
          sign: this.sign,
        };
        return relation === 'staff' ? toStaffCaseView(doc, ctx, await this.reporterOf(doc)) : toCaseView(doc, ctx);
      }),
    );
  }

  private async reporterOf(doc: CaseDoc): Promise<Reporter> {
    if (doc.anonymous) return null;
    const user = (await this.users.contacts([doc.reporterId])).get(doc.reporterId.toHexString());
    return user ? { name: user.name || '居民', phone: user.phone ?? null } : null;
  }
}
