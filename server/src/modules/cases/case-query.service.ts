import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import type { CaseDetail, CasePage, CaseView, StaffCaseView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import { CaseAccess } from './case-access';
import { actorsFor } from './case-moves.service';
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

/** Reading cases: a resident's own, one case with its timeline, the station queue. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseQueryService {
  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  access!: CaseAccess;

  @Inject()
  categories!: CategoryService;

  /** A case the user may see, or 404 (never revealing that it exists). */
  async visibleCase(user: AuthUser, caseId: string): Promise<{ doc: CaseDoc; staff: boolean }> {
    const doc = Types.ObjectId.isValid(caseId) && /^[0-9a-f]{24}$/i.test(caseId) ? await this.timeline.load(caseId) : null;
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
    const events = await this.timeline.events.find({ caseId: doc._id }).sort({ seq: 1 }).lean<CaseEventDoc[]>();
    const ctx = await this.viewContext(user, doc);
    const view = staff ? toStaffCaseView(doc, ctx, await this.reporterOf(doc)) : toCaseView(doc, ctx);
    return { case: view, timeline: toTimeline(events, staff) };
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
    const docs = await this.timeline.cases.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit + 1).lean<CaseDoc[]>();
    const page = docs.slice(0, limit);
    const items = await Promise.all(page.map(async (d) => toCaseView(d, await this.viewContext(user, d))));
    const last = page[page.length - 1];
    return { items, next: docs.length > limit && last ? encodeCursor(last.createdAt, last._id) : null };
  }

  /** The station queue, most urgent first (deadline ascending), keyset-paginated by (dueAt, _id). */
  async queue(user: AuthUser, filters: QueueFilters): Promise<CasePage<StaffCaseView>> {
    authorize(user, 'case.queue');
    const limit = filters.limit ?? 20;
    const filter: FilterQuery<CaseDoc> = {};
    if (user.role !== 'admin') filter.stationId = new Types.ObjectId(user.stationId!);
    filter.status = { $in: filters.status ?? ['submitted', 'accepted', 'in_progress'] };
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
    const docs = await this.timeline.cases.find(filter).sort({ dueAt: 1, _id: 1 }).limit(limit + 1).lean<CaseDoc[]>();
    const page = docs.slice(0, limit);
    const items = await Promise.all(
      page.map(async (d) => toStaffCaseView(d, await this.viewContext(user, d), await this.reporterOf(d))),
    );
    const last = page[page.length - 1];
    return { items, next: docs.length > limit && last ? encodeCursor(last.dueAt, last._id) : null };
  }

  async viewContext(user: AuthUser, doc: CaseDoc): Promise<ViewContext> {
    const categories = await this.categories.all();
    const station = await this.timeline.database.connection
      .collection('stations')
      .findOne({ _id: doc.stationId }, { projection: { name: 1 } });
    return {
      categoryName: categories.get(doc.category)?.name ?? doc.category,
      stationName: (station?.name as string | undefined) ?? '',
      actors: actorsFor(user, doc),
      now: new Date(),
    };
  }

  private async reporterOf(doc: CaseDoc): Promise<{ name: string; phone: string | null } | null> {
    if (doc.anonymous) return null;
    const user = await this.timeline.database.connection
      .collection('users')
      .findOne({ _id: doc.reporterId }, { projection: { name: 1, phone: 1 } });
    return user ? { name: (user.name as string) || '居民', phone: (user.phone as string | null) ?? null } : null;
  }
}
