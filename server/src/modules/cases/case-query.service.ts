import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import {
  chinaDate,
  haversineMeters,
  isOpen,
  NEARBY_CASES_DEFAULT_RADIUS_M,
  OPEN_STATUSES,
  PUBLIC_GRID_M,
  roundToGrid,
  type CaseDetail,
  type CaseStatus,
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
import type { CaseEventDoc } from './case-event.model';
import { actorsFor, CaseAccess, type CaseRelation } from './case-access';
import { ListPages } from '../../common/list-pages';
import { OrdinalLists } from '../../common/ordinal-list';
import { countedField } from './case-aggregates';
import { CaseAggregates } from './case-aggregates';
import { CITY_LIST, CITY_SCOPE, mineList, nearKeysAround, stationList, stationScope, type Scope as CaseScopeKey } from './case-derived';
import { take } from '../../common/take';
import { CaseStore, type NewestFirstList } from './case-store';
import { CaseTimelineService } from './case-timeline.service';
import { CategoryService } from './category.service';
import { textFor } from '../../common/public-text';
import { byDeadline, decodeCursor, decodePositionCursor, encodeCursor, encodePositionCursor, toCaseView, toStaffCaseView, toTimeline, type ViewContext } from './case.view';

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

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  aggregates!: CaseAggregates;

  @Inject()
  pages!: ListPages;

  /** A case the user may see and how they stand to it, or 404 (never revealing that it exists). */
  async visibleCase(user: AuthUser, caseId: string): Promise<{ doc: CaseDoc; relation: CaseRelation; entries?: CaseEventDoc[] }> {
    const loaded = await this.timeline.loadWithTimeline(caseId);
    const relation = loaded && (await this.access.relationOf(user, loaded.doc));
    if (!loaded || !relation) throw new AppError('CASE_NOT_FOUND');
    return { doc: loaded.doc, relation, entries: loaded.entries };
  }

  async detail(user: AuthUser, caseId: string): Promise<CaseDetail<CaseView | StaffCaseView>> {
    const { doc, relation, entries } = await this.visibleCase(user, caseId);
    return this.render(user, doc, relation, entries);
  }

  /** A case the caller was already found to see, with the timeline entries they may see (read unless given). */
  async render(user: AuthUser, doc: CaseDoc, relation: CaseRelation, entries?: CaseEventDoc[]): Promise<CaseDetail<CaseView | StaffCaseView>> {
    // Version 0 (a case just made) has no entries yet: nothing to read.
    const [timeline, [view]] = await Promise.all([entries ?? (doc.seq === 0 ? [] : this.store.timeline(doc._id)), this.views(user, [doc], relation, true)]);
    return { case: view, timeline: toTimeline(timeline, relation, this.sign) };
  }

  /** My cases, newest first: my list's positions, from the top (or below `before`). */
  async mine(user: AuthUser, before?: string, limit = 20): Promise<CasePage> {
    const cursor = before ? decodePositionCursor(before) : null;
    if (before && !cursor) throw new AppError('VALIDATION_FAILED');
    const reporterId = new Types.ObjectId(user.id);
    const name = mineList(reporterId);
    const docs = await this.pages.read(`${name}|${before ?? ''}|${limit}`, [name], async () => {
      const list = { field: 'mineBucket', owner: user.id, position: 'mineK' } as const;
      return take(this.store.newestFirst(list, await this.lists.head(name), cursor?.k), limit + 1, (d) => d.reporterId.equals(reporterId));
    });
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.views(user, page, 'reporter'), next: docs.length > limit && last ? encodePositionCursor(last.mineK, last._id) : null };
  }

  /** Cases I follow (我也遇到), most recently followed first, keyset-paginated by (at, _id) of the follow. */
  async following(user: AuthUser, before?: string, limit = 20): Promise<CasePage> {
    const cursor = before ? decodeCursor(before) : null;
    if (before && !cursor) throw new AppError('VALIDATION_FAILED');
    const follows = await this.store.followsOf(new Types.ObjectId(user.id), cursor, limit + 1);
    const page = follows.slice(0, limit);
    // One `_id` lookup per case, as every list reads its cases (an entry not applied yet shows on the case's own page).
    const found = await this.store.byIds(page.map((f) => f.caseId));
    const docs = page.flatMap((f) => found.get(f.caseId.toHexString()) ?? []);
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
          description: doc.publicDescription ? textFor('public', doc.description) : null,
          stationName: stationNames.get(doc.stationId.toHexString()) ?? '',
          followers,
          createdAt: doc.createdAt.toISOString(),
          following: following === 'reporter' || following === 'follower' || doc.reporterId.equals(userId),
        };
      }),
    );
    return { items };
  }

  /**
   * The station queue (an admin's: the city's). Open cases come most urgent
   * first, walking the days their deadlines fall on (keyset: dueAt, _id);
   * asking for any status that is not open walks the station's cases newest
   * first instead (keyset: position). Filters apply within each step.
   */
  async queue(user: AuthUser, filters: QueueFilters): Promise<CasePage<StaffCaseView>> {
    authorize(user, 'case.queue');
    const limit = filters.limit ?? 20;
    const statuses = new Set<string>(filters.status ?? OPEN_STATUSES);
    const openOrder = [...statuses].every((s) => isOpen(s as CaseStatus));
    const now = new Date();
    const wanted = (d: CaseDoc) =>
      statuses.has(d.status) &&
      (!filters.category || d.category === filters.category) &&
      (!filters.source || filters.source.includes(d.source)) &&
      (filters.overdue === undefined || (d.dueAt < now) === (filters.overdue === 'true'));
    const city = user.role === 'admin';
    const shown = city ? CITY_LIST : stationList(new Types.ObjectId(user.stationId!));
    const shape = [[...statuses].sort().join(','), filters.category, filters.source?.join(','), filters.overdue, filters.after, limit].join('|');
    const docs = await this.pages.read(`queue|${shown}|${shape}`, [shown], () =>
      openOrder
        ? this.openByDeadline(city ? CITY_SCOPE : stationScope(user.stationId!), filters, limit + 1, wanted, now)
        : this.historyOf(city ? null : user.stationId!, filters.after, limit + 1, wanted),
    );
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    // A list shows no reporter: who reported a case is on its page (one lookup each would weigh on every page).
    const items = (await this.views(user, page, 'staff', false)) as StaffCaseView[];
    const next = docs.length > limit && last ? (openOrder ? encodeCursor(last.dueAt, last._id) : encodePositionCursor(city ? last.cityK : last.stationK, last._id)) : null;
    return { items, next };
  }

  /** Open cases of a scope by deadline: the days that hold any, earliest first, each one lookup. */
  private async openByDeadline(scope: CaseScopeKey, filters: QueueFilters, limit: number, wanted: (d: CaseDoc) => boolean, now: Date): Promise<CaseDoc[]> {
    const cursor = filters.after ? decodeCursor(filters.after) : null;
    if (filters.after && !cursor) throw new AppError('VALIDATION_FAILED');
    const today = chinaDate(now);
    const field = countedField('q', scope) as 'queueStation' | 'queueCommunity' | 'queueCity';
    const found: CaseDoc[] = [];
    for (const { day } of await this.aggregates.days('q', scope)) {
      if (cursor && day < chinaDate(cursor.date)) continue;
      if (filters.overdue === 'true' && day > today) break;
      if (filters.overdue === 'false' && day < today) continue;
      const docs = (await this.store.queueDay(field, `${scope}|${day}`)).filter(wanted).sort(byDeadline);
      for (const doc of docs) {
        if (cursor && byDeadline(doc, { dueAt: cursor.date, _id: new Types.ObjectId(cursor.id) }) <= 0) continue;
        found.push(doc);
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /** A station's cases (or the city's), newest first, whatever their status. */
  private async historyOf(stationId: string | null, after: string | undefined, limit: number, wanted: (d: CaseDoc) => boolean): Promise<CaseDoc[]> {
    const cursor = after ? decodePositionCursor(after) : null;
    if (after && !cursor) throw new AppError('VALIDATION_FAILED');
    const list: NewestFirstList = stationId
      ? { field: 'stationBucket', owner: stationId, position: 'stationK' }
      : { field: 'cityBucket', owner: null, position: 'cityK' };
    const head = await this.lists.head(stationId ? stationList(new Types.ObjectId(stationId)) : CITY_LIST);
    return take(this.store.newestFirst(list, head, cursor?.k), limit, wanted);
  }

  private readonly sign: SignPhotos = (ids) => this.photoUrls.sign(ids);

  /** Views of several cases: category and station names looked up once for all of them. */
  private async views(user: AuthUser, docs: CaseDoc[], relation: CaseRelation, withReporter = false): Promise<Array<CaseView | StaffCaseView>> {
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
        if (relation !== 'staff') return toCaseView(doc, ctx);
        return withReporter ? toStaffCaseView(doc, ctx, await this.reporterOf(doc)) : toCaseView(doc, ctx);
      }),
    );
  }

  /** The reporter's unmasked phone for staff who are about to call (never for an anonymous case). */
  async reporterPhone(doc: CaseDoc): Promise<string> {
    const phone = doc.anonymous ? null : (await this.users.contacts([doc.reporterId])).get(doc.reporterId.toHexString())?.phone;
    if (!phone) throw new AppError('REPORTER_PHONE_UNAVAILABLE');
    return phone;
  }

  private async reporterOf(doc: CaseDoc): Promise<Reporter> {
    if (doc.anonymous) return null;
    const user = (await this.users.contacts([doc.reporterId])).get(doc.reporterId.toHexString());
    return user ? { name: user.name || '居民', phone: user.phone ?? null } : null;
  }
}
