import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import { OPEN_STATUSES, type CaseDetail, type CasePage, type CaseView, type StaffCaseView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { StationService } from '../stations/station.service';
import { UserService } from '../users/user.service';
import type { CaseDoc } from './case.model';
import { actorsFor, CaseAccess } from './case-access';
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

  /** A case the user may see, or 404 (never revealing that it exists). */
  async visibleCase(user: AuthUser, caseId: string): Promise<{ doc: CaseDoc; staff: boolean }> {
    const doc = await this.timeline.load(caseId);
    if (!doc) throw new AppError('CASE_NOT_FOUND');
    if (this.access.isStaffFor(user, doc)) return { doc, staff: true };
    if (await this.access.follows(user, doc)) return { doc, staff: false };
    throw new AppError('CASE_NOT_FOUND');
  }

  async detail(user: AuthUser, caseId: string): Promise<CaseDetail<CaseView | StaffCaseView>> {
    const { doc, staff } = await this.visibleCase(user, caseId);
    return this.render(user, doc, staff);
  }

  /** A case the caller was already found to see, with its timeline (internal notes for staff). */
  async render(user: AuthUser, doc: CaseDoc, staff: boolean): Promise<CaseDetail<CaseView | StaffCaseView>> {
    const [entries, [view]] = await Promise.all([this.store.timeline(doc._id, !staff), this.views(user, [doc], staff)]);
    return { case: view, timeline: toTimeline(entries, staff) };
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
    return { items: await this.views(user, page, false), next: docs.length > limit && last ? encodeCursor(last.createdAt, last._id) : null };
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
    const items = (await this.views(user, page, true)) as StaffCaseView[];
    return { items, next: docs.length > limit && last ? encodeCursor(last.dueAt, last._id) : null };
  }

  /** Views of several cases: category and station names looked up once for all of them. */
  private async views(user: AuthUser, docs: CaseDoc[], staff: boolean): Promise<Array<CaseView | StaffCaseView>> {
    const [categories, stationNames] = await Promise.all([this.categories.all(), this.stations.names(docs.map((d) => d.stationId))]);
    const now = new Date();
    return Promise.all(
      docs.map(async (doc) => {
        const ctx: ViewContext = {
          categoryName: categories.get(doc.category)?.name ?? doc.category,
          stationName: stationNames.get(doc.stationId.toHexString()) ?? '',
          actors: actorsFor(user, doc),
          now,
        };
        return staff ? toStaffCaseView(doc, ctx, await this.reporterOf(doc)) : toCaseView(doc, ctx);
      }),
    );
  }

  private async reporterOf(doc: CaseDoc): Promise<Reporter> {
    if (doc.anonymous) return null;
    const user = (await this.users.contacts([doc.reporterId])).get(doc.reporterId.toHexString());
    return user ? { name: user.name || '居民', phone: user.phone ?? null } : null;
  }
}
