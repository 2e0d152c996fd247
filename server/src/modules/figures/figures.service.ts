import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { CASE_SOURCE_LABELS, type CaseSource, type FigureGroup, type FiguresQuery, type FiguresResponse } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { toObjectId } from '../../common/object-id';
import { ListPages } from '../../common/list-pages';
import { authorize } from '../../common/permissions';
import { CaseLookup, type CaseScope } from '../cases/case-lookup';
import { CategoryService } from '../cases/category.service';
import { StationService } from '../stations/station.service';
import { Tally } from '../cases/case-tally';
import { figureRange } from './figures.tally';

interface ResolvedScope {
  id: string | null;
  name: string;
  cases: CaseScope;
}
/**
 * 三率 for a station, a community or the city over China calendar days:
 * the cases received (created) in the range, duplicates excluded — summed
 * from the daily tallies the cases module keeps (one lookup per month),
 * never by reading the cases.
 * Secretaries see their community, leads their station (and the community it
 * serves), admins everything (figures.read).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FiguresService {
  @Inject()
  cases!: CaseLookup;

  @Inject()
  categories!: CategoryService;

  @Inject()
  stations!: StationService;

  @Inject()
  pages!: ListPages;

  async figures(user: AuthUser, q: FiguresQuery): Promise<FiguresResponse> {
    authorize(user, 'figures.read');
    const range = figureRange(q.from, q.to);
    const scope = await this.resolveScope(user, q);
    // The same for everyone allowed to see them: reused until a case of the scope changes.
    const list = this.cases.listOf(scope.cases);
    return this.pages.read(`figures|${list}|${range.from}|${range.to}`, [list], () => this.sum(q, scope, range));
  }

  private async sum(q: FiguresQuery, scope: ResolvedScope, range: { from: string; to: string }): Promise<FiguresResponse> {
    const totals = new Tally();
    const byCategory = new Map<string, Tally>();
    const bySource = new Map<string, Tally>();
    for (const day of await this.cases.dailyTallies(scope.cases, range.from, range.to)) {
      totals.add(day.totals);
      for (const [code, sums] of Object.entries(day.byCategory)) tallyOf(byCategory, code).add(sums);
      for (const [source, sums] of Object.entries(day.bySource)) tallyOf(bySource, source).add(sums);
    }
    const names = await this.categories.all();
    return {
      scope: q.scope,
      id: scope.id,
      name: scope.name,
      from: range.from,
      to: range.to,
      totals: totals.finish(),
      overdueNow: await this.cases.overdueNow(scope.cases),
      byCategory: groups(byCategory, (code) => names.get(code)?.name ?? code),
      bySource: groups(bySource, (source) => CASE_SOURCE_LABELS[source as CaseSource] ?? source),
    };
  }

  private async resolveScope(user: AuthUser, q: FiguresQuery): Promise<ResolvedScope> {
    if (q.scope === 'city') {
      if (q.id) throw new AppError('VALIDATION_FAILED', '全市统计不需要 id', [{ field: 'id', code: 'VALIDATION_FAILED', message: '全市统计不需要 id' }]);
      authorize(user, 'figures.read', { stationId: null, community: null });
      return { id: null, name: '全市', cases: { city: true } };
    }
    if (q.scope === 'station') {
      const id = q.id ?? user.stationId;
      if (!id) throw missingId();
      // A secretary's figures are their community's, never a station's.
      authorize(user, 'figures.read', { stationId: id, community: null });
      const stationId = toObjectId(id);
      const name = stationId && (await this.stations.names([stationId])).get(stationId.toHexString());
      if (!stationId || !name) throw new AppError('STATION_NOT_FOUND');
      return { id, name, cases: { stationId } };
    }
    const community = q.id ?? user.community;
    if (!community) throw missingId();
    // A lead may see the community their station serves.
    const serving = await this.stations.servingCommunity(community);
    authorize(user, 'figures.read', { community, stationId: serving });
    return { id: community, name: community, cases: { community } };
  }
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
}

/** Largest groups first. */
function groups(map: Map<string, Tally>, label: (key: string) => string): FigureGroup[] {
  return [...map.entries()]
    .map(([key, t]) => ({ key, label: label(key), ...t.finish() }))
    .sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1));
}

const missingId = () => new AppError('VALIDATION_FAILED', '请指定统计对象', [{ field: 'id', code: 'VALIDATION_FAILED', message: '请指定工作站或社区' }]);
