import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import {
  boundingBox,
  EARTH_RADIUS_M,
  haversineMeters,
  isInBox,
  isInPolygon,
  NEAREST_LIMIT_DEFAULT,
  type LatLng,
  type NearbyStation,
  type NearestStationsResponse,
  type StationDetail,
  type StationSummary,
  type CommunityList,
  type StationKind,
} from '@citycare/shared';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import { findByIds } from '../../common/by-ids';
import { toObjectId } from '../../common/object-id';
import { PhotoUrls } from '../media/photo-urls';
import { isActiveStation, STATION_MODEL, stationKind, stationSchema, type StationDoc } from './station.model';
import { SUMMARY_FIELDS, toStationDetail, toStationSummary } from './station.view';
import { StationDirectory, type DirectoryStation } from './station-directory';
import { NearestPicker } from './station-nearest';
import { nearestBody } from './station-nearest-body';

/** Search rings in metres; past the last one every station is considered. */
const SEARCH_RADII_M = [3_000, 15_000, 60_000, 300_000];
const HALF_EARTH_M = Math.PI * EARTH_RADIUS_M;

@Provide()
@Scope(ScopeEnum.Singleton)
export class StationService {
  @Inject()
  database!: Database;

  @Inject()
  directory!: StationDirectory;

  @Inject()
  photoUrls!: PhotoUrls;

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  /**
   * Nearest stations to a point: widen a bounding box until it holds `limit`
   * stations within its radius (anything outside the box is farther than the
   * radius), then the nearest by haversine distance.
   */
  async findNearest(point: LatLng, limit = NEAREST_LIMIT_DEFAULT, kinds: readonly StationKind[] = []): Promise<NearestStationsResponse> {
    const { picks, searchedRadiusM } = await this.nearest(point, limit, kinds);
    return { items: picks.map(({ item, distanceM }) => ({ ...item.summary, distanceM })), searchedRadiusM };
  }

  /** findNearest's answer as its JSON body (UTF-8), from each station's JSON built once per snapshot. */
  async findNearestJson(point: LatLng, limit = NEAREST_LIMIT_DEFAULT): Promise<Buffer> {
    const { picks, searchedRadiusM } = await this.nearest(point, limit, []);
    return nearestBody(
      picks.map(({ item, distanceM }) => ({ json: item.json, distanceM })),
      searchedRadiusM,
    );
  }

  private async nearest(point: LatLng, limit: number, kinds: readonly StationKind[]) {
    const ofKind = (s: DirectoryStation) => !kinds.length || kinds.includes(s.kind);
    // With the cache on, one snapshot serves every ring; off, each ring is a box query.
    const every = await this.directory.cached();
    for (const radiusM of SEARCH_RADII_M) {
      const box = boundingBox(point, radiusM);
      const picker = new NearestPicker<DirectoryStation>(limit);
      for (const s of every ?? (await this.directory.stationsIn(box))) {
        if (!isInBox(s.doc, box) || !ofKind(s)) continue;
        const distanceM = Math.round(haversineMeters(point, s.doc));
        if (distanceM <= radiusM) picker.offer(s, distanceM, s.doc.name);
      }
      if (picker.offered >= limit) return { picks: picker.picks(), searchedRadiusM: radiusM };
    }
    const picker = new NearestPicker<DirectoryStation>(limit);
    for (const s of every ?? (await this.directory.everyStation())) {
      if (ofKind(s)) picker.offer(s, Math.round(haversineMeters(point, s.doc)), s.doc.name);
    }
    return { picks: picker.picks(), searchedRadiusM: Math.round(HALF_EARTH_M) };
  }

  /**
   * The station a case at `point` goes to: the one whose community boundary
   * contains it, else the nearest (docs/design.md, "The case lifecycle", routing);
   * only active stations, and only of `kinds` when the category names some.
   */
  async routeFor(point: LatLng, kinds: readonly StationKind[] = []): Promise<NearbyStation | undefined> {
    // From the directory's snapshot when it is on (no database read per new case), else a box query.
    const every = await this.directory.cached();
    const candidates = every
      ? every.map((s) => s.doc).filter((s) => s.boundaryBox && isInBox(point, s.boundaryBox))
      : await this.stations
          .find({
            'boundaryBox.minLat': { $lte: point.lat },
            'boundaryBox.maxLat': { $gte: point.lat },
            'boundaryBox.minLng': { $lte: point.lng },
            'boundaryBox.maxLng': { $gte: point.lng },
          })
          .lean<StationDoc[]>();
    const owner = candidates.find((s) => isActiveStation(s) && (!kinds.length || kinds.includes(stationKind(s))) && isInPolygon(point, s.boundary));
    if (owner) return { ...toStationSummary(owner), distanceM: Math.round(haversineMeters(point, owner)) };
    return (await this.findNearest(point, 1, kinds)).items[0];
  }

  /** Whether `id` names an active station (from the directory's snapshot when it is on). */
  async isActive(id: string): Promise<boolean> {
    return (await this.directory.everyStation()).some((s) => s.summary.id === id);
  }

  /** Every active station by name, for residents who share no location. */
  async list(limit: number): Promise<StationSummary[]> {
    const docs = await this.stations.find().select(SUMMARY_FIELDS).sort({ name: 1 }).lean<StationDoc[]>();
    return docs.filter(isActiveStation).slice(0, limit).map(toStationSummary);
  }

  /** An active station with its wall of officers; a deactivated one is not found. */
  async getById(id: string): Promise<StationDetail> {
    const _id = toObjectId(id);
    const doc = _id && (await this.stations.findById(_id).lean<StationDoc>());
    if (!doc || !isActiveStation(doc)) throw new AppError('STATION_NOT_FOUND');
    return toStationDetail(doc, (ids) => this.photoUrls.sign(ids));
  }

  /** Station names by id: from the directory's snapshot, and from the database for any it does not hold yet. */
  async names(ids: ReadonlyArray<{ toHexString(): string }>): Promise<Map<string, string>> {
    const wanted = new Set(ids.map((id) => id.toHexString()));
    const names = new Map<string, string>();
    for (const d of await this.directory.all()) if (wanted.has(d._id.toHexString())) names.set(d._id.toHexString(), d.name);
    const missing = [...wanted].filter((id) => !names.has(id)).map((id) => toObjectId(id)!);
    for (const [id, d] of await findByIds<StationDoc, Pick<StationDoc, 'name'>>(this.stations, missing, 'name')) names.set(id, d.name);
    return names;
  }

  /** Every station, deactivated ones too, by name (for the bureau's figures). */
  async everyStation(): Promise<Array<{ id: Types.ObjectId; name: string; community: string }>> {
    const docs = await this.stations.find().select('name community').sort({ name: 1 }).lean<StationDoc[]>();
    return docs.map((d) => ({ id: d._id, name: d.name, community: d.community }));
  }

  /** The communities residents may choose, each with the station serving it (by community name). */
  async communities(): Promise<CommunityList['items']> {
    const docs = await this.directory.all();
    return docs
      .filter((d) => d.community)
      .map((d) => ({ name: d.community, stationId: d._id.toHexString(), stationName: d.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** The station serving a community, if any (its id), for scoping a lead's view of community figures. */
  async servingCommunity(community: string): Promise<string | null> {
    const docs = await this.stations.find({ community }).select('_id active').lean<Array<Pick<StationDoc, '_id' | 'active'>>>();
    const doc = docs.find(isActiveStation) ?? docs[0];
    return doc ? doc._id.toHexString() : null;
  }
}

