import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import { chinaDate, chinaDayStart, DAY_MS, type PatrolDayList, type PatrolView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { Database } from '../../common/database';
import { authorize, can } from '../../common/permissions';
import { toObjectId } from '../../common/object-id';
import { CaseLookup } from '../cases/case-lookup';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { PhotoUrls } from '../media/photo-urls';
import { UserService } from '../users/user.service';
import type { MediaFile, MediaVariant } from '../media/media-store';
import { PATROL_MODEL, patrolSchema, type PatrolDoc } from './patrol.model';

/** A day of one station is a few dozen logs; this bounds a city-wide day for an admin. */
const MAX_LOGS_PER_DAY = 1000;

/**
 * Reading the patrol log: leads (patrol.read) see their station's, admins any
 * station's or all; officers see their own. Anything else is PATROL_NOT_FOUND.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PatrolQueryService {
  @Inject()
  database!: Database;

  @Inject()
  photos!: PhotoAttachments;

  @Inject()
  users!: UserService;

  @Inject()
  cases!: CaseLookup;

  @Inject()
  photoUrls!: PhotoUrls;

  get patrols() {
    return this.database.model<PatrolDoc>(PATROL_MODEL, patrolSchema);
  }

  /** The patrols that started on a China calendar day (default today), earliest first. */
  async day(user: AuthUser, q: { date?: string; stationId?: string }): Promise<PatrolDayList> {
    const date = q.date ?? chinaDate(new Date());
    const start = chinaDayStart(date);
    if (!start) throw new AppError('INVALID_DATE_RANGE', '日期格式应为 YYYY-MM-DD');
    const filter: FilterQuery<PatrolDoc> = { ...this.scope(user, q.stationId), startedAt: { $gte: start, $lt: new Date(start.getTime() + DAY_MS) } };
    const docs = await this.patrols.find(filter).sort({ startedAt: 1, _id: 1 }).limit(MAX_LOGS_PER_DAY).lean<PatrolDoc[]>();
    return { date, items: await this.views(docs) };
  }

  async detail(user: AuthUser, id: string): Promise<PatrolView> {
    return this.view(await this.visible(user, id));
  }

  async photo(user: AuthUser, id: string, mediaId: string, variant: MediaVariant): Promise<MediaFile> {
    const log = await this.visible(user, id);
    return this.photos.open({ kind: 'patrol', id: log._id }, mediaId, variant);
  }

  async view(doc: PatrolDoc): Promise<PatrolView> {
    return (await this.views([doc]))[0];
  }

  /** Whose logs the caller may list: a station (lead; admin when named), all (admin), or their own (officer). */
  private scope(user: AuthUser, stationId?: string): FilterQuery<PatrolDoc> {
    if (can(user, 'patrol.read')) {
      const station = stationId ?? user.stationId;
      if (station) authorize(user, 'patrol.read', { stationId: station });
      return station ? { stationId: new Types.ObjectId(station) } : {};
    }
    authorize(user, 'patrol.write');
    if (stationId && stationId !== user.stationId) throw new AppError('FORBIDDEN');
    return { officerId: new Types.ObjectId(user.id) };
  }

  async visible(user: AuthUser, id: string): Promise<PatrolDoc> {
    if (!can(user, 'patrol.read') && !can(user, 'patrol.write')) throw new AppError('FORBIDDEN');
    const _id = toObjectId(id);
    const doc = _id && (await this.patrols.findById(_id).lean<PatrolDoc>());
    const mine = doc?.officerId.toHexString() === user.id;
    if (!doc || !(mine || can(user, 'patrol.read', { stationId: doc.stationId.toHexString() }))) throw new AppError('PATROL_NOT_FOUND');
    return doc;
  }

  /** Views for a set of logs: officer names and case summaries in one query each. */
  private async views(docs: PatrolDoc[]): Promise<PatrolView[]> {
    const officerIds = [...new Set(docs.map((d) => d.officerId.toHexString()))].map((id) => new Types.ObjectId(id));
    const [officers, cases] = await Promise.all([this.users.contacts(officerIds), this.cases.summaries(docs.flatMap((d) => d.caseIds))]);
    const links = new Map([...cases.values()].map((c) => [c._id.toHexString(), { id: c._id.toHexString(), category: c.category, status: c.status, address: c.address }]));
    return docs.map((d) => {
      const id = d._id.toHexString();
      return {
        id,
        stationId: d.stationId.toHexString(),
        officerId: d.officerId.toHexString(),
        officerName: officers.get(d.officerId.toHexString())?.name || '队员',
        date: chinaDate(d.startedAt),
        startedAt: d.startedAt.toISOString(),
        endedAt: d.endedAt.toISOString(),
        area: d.area,
        notes: d.notes,
        photos: this.photoUrls.sign(d.photos),
        cases: d.caseIds.flatMap((c) => links.get(c.toHexString()) ?? []),
        createdAt: d.createdAt.toISOString(),
      };
    });
  }
}
