import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { isInBox, type BoundingBox, type StationKind, type StationSummary } from '@citycare/shared';
import { Database } from '../../common/database';
import { envInt } from '../../config/env';
import { isActiveStation, STATION_MODEL, stationKind, stationSchema, type StationDoc } from './station.model';
import { SUMMARY_FIELDS, toStationSummary } from './station.view';
import { nearbyJsonHead } from './station-nearest-body';

/** An active station with the views a nearest search returns, built once per snapshot. */
export interface DirectoryStation {
  doc: StationDoc;
  kind: StationKind;
  summary: StationSummary;
  /** `summary` as UTF-8 JSON open for its distance (station-nearest-body.ts). */
  json: Buffer;
}

/**
 * Active stations in a bounding box (a deactivated one is gone for residents).
 * Stations change a few times a year, so each
 * process keeps a snapshot of their summaries for STATION_CACHE_MS and filters
 * it in memory (the nearest search is then pure computation); with the cache
 * off (0) every search is a $gte/$lte box query.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StationDirectory {
  @Inject()
  database!: Database;

  /** Read once: the environment is fixed for a process, and reading it is not free on every request. */
  private readonly ttlMs = envInt('STATION_CACHE_MS');

  private snapshot: { at: number; stations: DirectoryStation[]; docs: StationDoc[] } | null = null;
  private loading: Promise<DirectoryStation[]> | null = null;

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  /** Every active station from the snapshot; null with the cache off (STATION_CACHE_MS=0): searches then ask the database (stationsIn). */
  async cached(): Promise<DirectoryStation[] | null> {
    return this.ttlMs > 0 ? this.everyStation() : null;
  }

  /** Active stations in `box`: from the snapshot, or a box query with the cache off. */
  async stationsIn(box: BoundingBox): Promise<DirectoryStation[]> {
    if (this.ttlMs <= 0) {
      const docs = await this.stations
        .find({ lat: { $gte: box.minLat, $lte: box.maxLat }, lng: { $gte: box.minLng, $lte: box.maxLng } })
        .select(SUMMARY_FIELDS)
        .lean<StationDoc[]>();
      return docs.filter(isActiveStation).map(toDirectoryStation);
    }
    return (await this.everyStation()).filter((s) => isInBox(s.doc, box));
  }

  async all(): Promise<StationDoc[]> {
    if (this.snapshot && Date.now() - this.snapshot.at < this.ttlMs) return this.snapshot.docs;
    return (await this.everyStation()).map((s) => s.doc);
  }

  /** Every active station with its views (the snapshot while it is fresh). */
  async everyStation(ttl = this.ttlMs): Promise<DirectoryStation[]> {
    if (this.snapshot && Date.now() - this.snapshot.at < ttl) return this.snapshot.stations;
    // One load at a time: concurrent requests share it.
    this.loading ??= this.stations
      .find()
      // With the community boundary: a new case is routed from the snapshot too (StationService.routeFor).
      .select(`${SUMMARY_FIELDS} boundary boundaryBox`)
      .lean<StationDoc[]>()
      .then((all) => {
        const stations = all.filter(isActiveStation).map(toDirectoryStation);
        if (ttl > 0) this.snapshot = { at: Date.now(), stations, docs: stations.map((s) => s.doc) };
        return stations;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** After a station is created or changed in this process. */
  invalidate(): void {
    this.snapshot = null;
  }
}

function toDirectoryStation(doc: StationDoc): DirectoryStation {
  const summary = toStationSummary(doc);
  return { doc, kind: stationKind(doc), summary, json: nearbyJsonHead(summary) };
}
