import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import {
  boundingBox,
  haversineMeters,
  type CreateZoneBody,
  type UpdateZoneBody,
  type ZoneList,
  type ZoneView,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { Database } from '../../common/database';
import { isDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import { authorize } from '../../common/permissions';
import { StationService } from '../stations/station.service';
import { ContentCheck } from '../wechat/content-check';
import { ZONE_MODEL, zoneSchema, type ZoneDoc } from './zone.model';
import { toZoneView } from './zone.view';

const DEFAULT_RADIUS_M = 5_000;
const DEFAULT_NEAR_LIMIT = 50;
const DEFAULT_LIST_LIMIT = 200;

export interface ZoneSearch {
  lat?: number;
  lng?: number;
  radiusM?: number;
  stationId?: string;
  limit?: number;
}

/** Temporary stall zones: the public map list and their upkeep by leads and admins. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ZoneService {
  @Inject()
  database!: Database;

  @Inject()
  stations!: StationService;

  @Inject()
  contentCheck!: ContentCheck;

  get zones() {
    return this.database.model<ZoneDoc>(ZONE_MODEL, zoneSchema);
  }

  /** Near a point: a bounding box, then haversine distance in the app (docs/design.md, "Data rules"); else by name. */
  async list(search: ZoneSearch): Promise<ZoneList> {
    const filter: FilterQuery<ZoneDoc> = {};
    if (search.stationId) filter.stationId = new Types.ObjectId(search.stationId);
    if (search.lat === undefined || search.lng === undefined) {
      const docs = await this.zones.find(filter).sort({ name: 1 }).limit(search.limit ?? DEFAULT_LIST_LIMIT).lean<ZoneDoc[]>();
      return { items: docs.map((d) => toZoneView(d)) };
    }
    const point = { lat: search.lat, lng: search.lng };
    const radiusM = search.radiusM ?? DEFAULT_RADIUS_M;
    const box = boundingBox(point, radiusM);
    filter.lat = { $gte: box.minLat, $lte: box.maxLat };
    filter.lng = { $gte: box.minLng, $lte: box.maxLng };
    const docs = await this.zones.find(filter).lean<ZoneDoc[]>();
    const items = docs
      .map((doc) => ({ doc, distanceM: Math.round(haversineMeters(point, doc)) }))
      .filter((z) => z.distanceM <= radiusM)
      .sort((a, b) => a.distanceM - b.distanceM || (a.doc.name < b.doc.name ? -1 : 1))
      .slice(0, search.limit ?? DEFAULT_NEAR_LIMIT);
    return { items: items.map(({ doc, distanceM }) => toZoneView(doc, distanceM)) };
  }

  async get(id: string): Promise<ZoneView> {
    return toZoneView(await this.load(id));
  }

  /** For case intake: a report against a zone names one that exists. */
  async requireExists(id: string): Promise<Types.ObjectId> {
    return (await this.load(id))._id;
  }

  async create(user: AuthUser, body: CreateZoneBody): Promise<ZoneView> {
    authorize(user, 'zone.manage');
    const stationId = body.stationId ?? user.stationId;
    if (!stationId) throw new AppError('VALIDATION_FAILED', '请选择负责的工作站', [{ field: 'stationId', code: 'VALIDATION_FAILED', message: '管理员需指定工作站' }]);
    authorize(user, 'zone.manage', { stationId });
    await this.stations.getById(stationId);
    const { stationId: _ignored, ...fields } = body;
    await this.contentCheck.assertPublishable(user.openid, [fields.name, fields.address, fields.hours, fields.rules]);
    try {
      const doc = await this.zones.create({ ...fields, stationId: new Types.ObjectId(stationId), createdBy: new Types.ObjectId(user.id) });
      return toZoneView(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('ZONE_NAME_TAKEN');
      throw err;
    }
  }

  async update(user: AuthUser, id: string, changes: UpdateZoneBody): Promise<ZoneView> {
    const doc = await this.managed(user, id);
    await this.contentCheck.assertPublishable(user.openid, [changes.name, changes.address, changes.hours, changes.rules]);
    try {
      await this.zones.updateOne({ _id: doc._id }, { $set: changes });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('ZONE_NAME_TAKEN');
      throw err;
    }
    return this.get(id);
  }

  /** Removes the zone; cases reported against it keep its id as history. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const doc = await this.managed(user, id);
    await this.zones.deleteOne({ _id: doc._id });
  }

  /** Zones are public, so one outside the caller's station is FORBIDDEN rather than hidden. */
  private async managed(user: AuthUser, id: string): Promise<ZoneDoc> {
    authorize(user, 'zone.manage');
    const doc = await this.load(id);
    authorize(user, 'zone.manage', { stationId: doc.stationId.toHexString() });
    return doc;
  }

  private async load(id: string): Promise<ZoneDoc> {
    const _id = toObjectId(id);
    const doc = _id && (await this.zones.findById(_id).lean<ZoneDoc>());
    if (!doc) throw new AppError('ZONE_NOT_FOUND');
    return doc;
  }

}
