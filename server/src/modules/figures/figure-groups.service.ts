import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import {
  CASE_SOURCE_LABELS,
  type CaseSource,
  type FigureGroupRow,
  type FigureGroupsQuery,
  type FigureGroupsResponse,
  type OverdueCasesResponse,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { toObjectId } from '../../common/object-id';
import { authorize } from '../../common/permissions';
import { CaseLookup, type CaseScope } from '../cases/case-lookup';
import { CategoryService } from '../cases/category.service';
import { Tally } from '../cases/case-tally';
import { StationService } from '../stations/station.service';
import { figureRange } from './figures.tally';

/** How many overdue cases one station's list shows at most. */
const OVERDUE_LIST_MAX = 200;

/**
 * The city's 三率 side by side (admins): per station and per community from
 * each one's daily tallies (one lookup per month each) and its overdue count;
 * per category and per source from the city's tallies. Never reads the cases.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FigureGroupsService {
  @Inject()
  cases!: CaseLookup;

  @Inject()
  categories!: CategoryService;

  @Inject()
  stations!: StationService;

  async groups(user: AuthUser, q: FigureGroupsQuery): Promise<FigureGroupsResponse> {
    authorize(user, 'figures.read', { stationId: null, community: null });
    const range = figureRange(q.from, q.to);
    const items = q.by === 'station' || q.by === 'community' ? await this.byPlace(q.by, range.from, range.to) : await this.byCityGroup(q.by, range.from, range.to);
    return { by: q.by, from: range.from, to: range.to, items };
  }

  /** A station's open cases late now, most overdue first. */
  async overdue(user: AuthUser, stationId: string): Promise<OverdueCasesResponse> {
    authorize(user, 'figures.read', { stationId: null, community: null });
    const _id = toObjectId(stationId);
    if (!_id || !(await this.stations.names([_id])).has(_id.toHexString())) throw new AppError('STATION_NOT_FOUND');
    const [docs, names] = await Promise.all([this.cases.overdueCases({ stationId: _id }, OVERDUE_LIST_MAX), this.categories.all()]);
    return {
      stationId,
      items: docs.map((d) => ({
        id: d._id.toHexString(),
        category: d.category,
        categoryName: names.get(d.category)?.name ?? d.category,
        status: d.status,
        source: d.source,
        address: d.address,
        createdAt: d.createdAt.toISOString(),
        dueAt: d.dueAt.toISOString(),
      })),
    };
  }

  private async byPlace(by: 'station' | 'community', from: string, to: string): Promise<FigureGroupRow[]> {
    const stations = await this.stations.everyStation();
    const places: Array<{ key: string; label: string; scope: CaseScope }> =
      by === 'station'
        ? stations.map((s) => ({ key: s.id.toHexString(), label: s.name, scope: { stationId: s.id } }))
        : [...new Set(stations.map((s) => s.community).filter(Boolean))].map((c) => ({ key: c, label: c, scope: { community: c } }));
    const rows: FigureGroupRow[] = [];
    // One place at a time: each is a handful of lookups, and the machine is shared.
    for (const place of places) {
      const totals = new Tally();
      for (const day of await this.cases.dailyTallies(place.scope, from, to)) totals.add(day.totals);
      rows.push({ key: place.key, label: place.label, ...totals.finish(), overdueNow: await this.cases.overdueNow(place.scope) });
    }
    return rows.sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'zh-CN'));
  }

  private async byCityGroup(by: 'category' | 'source', from: string, to: string): Promise<FigureGroupRow[]> {
    const groups = new Map<string, Tally>();
    for (const day of await this.cases.dailyTallies({ city: true }, from, to)) {
      for (const [key, sums] of Object.entries(by === 'category' ? day.byCategory : day.bySource)) {
        if (!groups.has(key)) groups.set(key, new Tally());
        groups.get(key)!.add(sums);
      }
    }
    const names = await this.categories.all();
    const label = (key: string) => (by === 'category' ? (names.get(key)?.name ?? key) : (CASE_SOURCE_LABELS[key as CaseSource] ?? key));
    return [...groups.entries()]
      .map(([key, t]) => ({ key, label: label(key), ...t.finish(), overdueNow: null }))
      .sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1));
  }
}

const rate = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);

/** The groups as a spreadsheet (UTF-8 with BOM, for Excel). */
export function figureGroupsCsvRows(res: FigureGroupsResponse): Array<Array<string | number | null>> {
  return res.items.map((g) => [g.label, g.received, g.acceptedOnTime, g.closed, g.rejected, g.ratings, g.satisfied, rate(g.responseRate), rate(g.closureRate), rate(g.satisfactionRate), g.avgAcceptHours, g.avgResolveHours, g.overdueNow]);
}

export const FIGURE_GROUPS_CSV_HEADER = ['分组', '受理数', '按时响应', '办结', '不予受理', '评价数', '满意', '响应率', '办结率', '满意率', '平均受理小时', '平均办结小时', '当前超期'];
