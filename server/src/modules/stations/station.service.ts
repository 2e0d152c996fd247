import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import {
  boundingBox,
  EARTH_RADIUS_M,
  haversineMeters,
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
import { StationDirectory } from './station-directory';

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
   * radius), then sort by haversine distance.
   */
  async findNearest(point: LatLng, limit = NEAREST_LIMIT_DEFAULT, kinds: readonly StationKind[] = []): Promise<NearestStationsResponse> {
    const ofKind = (docs: StationDoc[]) => (kinds.length ? docs.filter((d) => kinds.includes(stationKind(d))) : docs);
    for (const radiusM of SEARCH_RADII_M) {
      const docs = ofKind(await this.directory.inBox(boundingBox(point, radiusM)));
      const within = byDistance(point, docs).filter((s) => s.distanceM <= radiusM);
      if (within.length >= limit) return { items: within.slice(0, limit).map(toNearby), searchedRadiusM: radiusM };
    }
    const all = ofKind(await this.directory.all());
    return { items: byDistance(point, all).slice(0, limit).map(toNearby), searchedRadiusM: Math.round(HALF_EARTH_M) };
  }

  /**
   * The station a case at `point` goes to: the one whose community boundary
   * contains it, else the nearest (docs/design.md, "The case lifecycle", routing);
   * only active stations, and only of `kinds` when the category names some.
   */
  async routeFor(point: LatLng, kinds: readonly StationKind[] = []): Promise<NearbyStation | undefined> {
    const candidates = await this.stations
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

interface Ranked {
  doc: StationDoc;
  distanceM: number;
}

/** Distances first; the response objects are built only for the stations returned. */
function byDistance(point: LatLng, docs: StationDoc[]): Ranked[] {
  return docs
    .map((doc) => ({ doc, distanceM: Math.round(haversineMeters(point, doc)) }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : 0));
}

const toNearby = ({ doc, distanceM }: Ranked): NearbyStation => ({ ...toStationSummary(doc), distanceM });
