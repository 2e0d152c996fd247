import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
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
} from '@citycare/shared';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import { findByIds } from '../../common/by-ids';
import { toObjectId } from '../../common/object-id';
import { STATION_MODEL, stationSchema, type StationDoc } from './station.model';
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

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  /**
   * Nearest stations to a point: widen a bounding box until it holds `limit`
   * stations within its radius (anything outside the box is farther than the
   * radius), then sort by haversine distance.
   */
  async findNearest(point: LatLng, limit = NEAREST_LIMIT_DEFAULT): Promise<NearestStationsResponse> {
    for (const radiusM of SEARCH_RADII_M) {
      const docs = await this.directory.inBox(boundingBox(point, radiusM));
      const within = byDistance(point, docs).filter((s) => s.distanceM <= radiusM);
      if (within.length >= limit) return { items: within.slice(0, limit).map(toNearby), searchedRadiusM: radiusM };
    }
    const all = await this.directory.all();
    return { items: byDistance(point, all).slice(0, limit).map(toNearby), searchedRadiusM: Math.round(HALF_EARTH_M) };
  }

  /**
   * The station a case at `point` goes to: the one whose community boundary
   * contains it, else the nearest (docs/design.md, "The case lifecycle", routing).
   */
  async routeFor(point: LatLng): Promise<NearbyStation | undefined> {
    const candidates = await this.stations
      .find({
        'boundaryBox.minLat': { $lte: point.lat },
        'boundaryBox.maxLat': { $gte: point.lat },
        'boundaryBox.minLng': { $lte: point.lng },
        'boundaryBox.maxLng': { $gte: point.lng },
      })
      .lean<StationDoc[]>();
    const owner = candidates.find((s) => isInPolygon(point, s.boundary));
    if (owner) return { ...toStationSummary(owner), distanceM: Math.round(haversineMeters(point, owner)) };
    return (await this.findNearest(point, 1)).items[0];
  }

  /** Every station by name, for residents who share no location. */
  async list(limit: number): Promise<StationSummary[]> {
    const docs = await this.stations.find().select(SUMMARY_FIELDS).sort({ name: 1 }).limit(limit).lean<StationDoc[]>();
    return docs.map(toStationSummary);
  }

  async getById(id: string): Promise<StationDetail> {
    const _id = toObjectId(id);
    const doc = _id && (await this.stations.findById(_id).lean<StationDoc>());
    if (!doc) throw new AppError('STATION_NOT_FOUND');
    return toStationDetail(doc);
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
    const doc = await this.stations.findOne({ community }).select('_id').lean<Pick<StationDoc, '_id'>>();
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
