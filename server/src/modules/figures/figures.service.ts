import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import { CASE_SOURCE_LABELS, type CaseSource, type FigureGroup, type FiguresQuery, type FiguresResponse } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { Database } from '../../common/database';
import { authorize } from '../../common/permissions';
import { CASE_MODEL, caseSchema, type CaseDoc } from '../cases/case.model';
import { CategoryService } from '../cases/category.service';
import { RATING_MODEL, ratingSchema, type RatingDoc } from '../cases/rating.model';
import { STATION_MODEL, stationSchema, type StationDoc } from '../stations/station.model';
import { figureRange, Tally, type FigureCase } from './figures.tally';

const RATING_BATCH = 1000;

interface ResolvedScope {
  id: string | null;
  name: string;
  filter: FilterQuery<CaseDoc>;
}

type TalliedCase = FigureCase & Pick<CaseDoc, '_id' | 'category' | 'source'>;

/**
 * 三率 for a station, a community or the city over China calendar days:
 * the cases received (created) in the range, duplicates excluded, read with a
 * projected find and summed in the app; their ratings from `ratings`.
 * Secretaries see their community, leads their station (and the community it
 * serves), admins everything (figures.read).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FiguresService {
  @Inject()
  database!: Database;

  @Inject()
  categories!: CategoryService;

  private get cases() {
    return this.database.model<CaseDoc>(CASE_MODEL, caseSchema);
  }

  async figures(user: AuthUser, q: FiguresQuery): Promise<FiguresResponse> {
    authorize(user, 'figures.read');
    const range = figureRange(q.from, q.to);
    const scope = await this.resolveScope(user, q);
    const totals = new Tally();
    const byCategory = new Map<string, Tally>();
    const bySource = new Map<string, Tally>();
    const tallies = new Map<string, Tally[]>();

    const cursor = this.cases
      .find({ ...scope.filter, createdAt: { $gte: range.start, $lt: range.end }, status: { $ne: 'duplicate' } })
      .select('status category source createdAt acceptBy acceptedAt resolvedAt')
      .lean<TalliedCase[]>()
      .cursor();
    for await (const doc of cursor as AsyncIterable<TalliedCase>) {
      const group = [totals, tallyOf(byCategory, doc.category), tallyOf(bySource, doc.source)];
      for (const t of group) t.addCase(doc);
      tallies.set(doc._id.toHexString(), group);
    }
    await this.addRatings(tallies);

    const names = await this.categories.all();
    return {
      scope: q.scope,
      id: scope.id,
      name: scope.name,
      from: range.from,
      to: range.to,
      totals: totals.finish(),
      overdueNow: await this.overdueNow(scope.filter),
      byCategory: groups(byCategory, (code) => names.get(code)?.name ?? code),
      bySource: groups(bySource, (source) => CASE_SOURCE_LABELS[source as CaseSource] ?? source),
    };
  }

  /** Ratings of the counted cases, fetched by case id in batches. */
  private async addRatings(tallies: Map<string, Tally[]>): Promise<void> {
    const ids = [...tallies.keys()].map((id) => new Types.ObjectId(id));
    const ratings = this.database.model<RatingDoc>(RATING_MODEL, ratingSchema);
    for (let i = 0; i < ids.length; i += RATING_BATCH) {
      const batch = await ratings.find({ caseId: { $in: ids.slice(i, i + RATING_BATCH) } }).select('caseId score').lean<RatingDoc[]>();
      for (const r of batch) for (const t of tallies.get(r.caseId.toHexString()) ?? []) t.addRating(r.score);
    }
  }

  /** Open cases of the scope late right now, whenever reported (the same rule as a case's `overdue`). */
  private overdueNow(filter: FilterQuery<CaseDoc>): Promise<number> {
    const now = new Date();
    return this.cases.countDocuments({
      ...filter,
      $or: [
        { status: 'submitted', acceptBy: { $lt: now } },
        { status: { $in: ['submitted', 'accepted', 'in_progress'] }, resolveBy: { $lt: now } },
      ],
    });
  }

  private async resolveScope(user: AuthUser, q: FiguresQuery): Promise<ResolvedScope> {
    const stations = this.database.model<StationDoc>(STATION_MODEL, stationSchema);
    if (q.scope === 'city') {
      if (q.id) throw new AppError('VALIDATION_FAILED', '全市统计不需要 id', [{ field: 'id', code: 'VALIDATION_FAILED', message: '全市统计不需要 id' }]);
      authorize(user, 'figures.read', { stationId: null, community: null });
      return { id: null, name: '全市', filter: {} };
    }
    if (q.scope === 'station') {
      const id = q.id ?? user.stationId;
      if (!id) throw missingId();
      // A secretary's figures are their community's, never a station's.
      authorize(user, 'figures.read', { stationId: id, community: null });
      const station = /^[0-9a-f]{24}$/i.test(id) ? await stations.findById(id).select('name').lean<StationDoc>() : null;
      if (!station) throw new AppError('STATION_NOT_FOUND');
      return { id, name: station.name, filter: { stationId: station._id } };
    }
    const community = q.id ?? user.community;
    if (!community) throw missingId();
    // A lead may see the community their station serves.
    const serving = await stations.findOne({ community }).select('_id').lean<StationDoc>();
    authorize(user, 'figures.read', { community, stationId: serving ? serving._id.toHexString() : null });
    return { id: community, name: community, filter: { community } };
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
