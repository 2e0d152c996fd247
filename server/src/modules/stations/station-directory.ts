import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { type BoundingBox, type StationKind, type StationSummary } from '@citycare/shared';
import { Database } from '../../common/database';
import { ListPages } from '../../common/list-pages';
import { VersionWatch } from '../../common/version-watch';
import { envInt } from '../../config/env';
import { isActiveStation, STATION_MODEL, stationKind, stationSchema, type StationDoc } from './station.model';
import { SUMMARY_FIELDS, toStationSummary } from './station.view';
import { nearbyJsonHead } from './station-nearest-body';

/** The name of the stations' version (common/list-pages.ts). */
const STATIONS_LIST = 'stations';

interface Snapshot {
  stations: DirectoryStation[];
  /** The stations' documents (what most callers want), built once per snapshot. */
  docs: StationDoc[];
}

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
 * off (0) every search is a $gte/$lte box query. A station changed through
 * another API process reaches this one's snapshot within about a second
 * (common/version-watch.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StationDirectory {
  @Inject()
  database!: Database;

  /** Read once: the environment is fixed for a process, and reading it is not free on every request. */
  private readonly ttlMs = envInt('STATION_CACHE_MS');

  @Inject()
  pages!: ListPages;

  private watchOf: VersionWatch<Snapshot> | null = null;

  /** The snapshot, kept in step with station changes made in any process, for STATION_CACHE_MS at most. */
  private get snapshots(): VersionWatch<Snapshot> {
    return (this.watchOf ??= new VersionWatch<Snapshot>(this.pages, STATIONS_LIST, this.ttlMs));
  }

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  /** Every active station from the snapshot; null with the cache off (STATION_CACHE_MS=0): searches then ask the database (stationsIn). */
  async cached(): Promise<DirectoryStation[] | null> {
    return this.ttlMs > 0 ? (await this.snapshot()).stations : null;
  }

  /** Active stations in `box` by a box query: the search with the cache off (with it on, searches filter the snapshot). */
  async stationsIn(box: BoundingBox): Promise<DirectoryStation[]> {
    const docs = await this.stations
      .find({ lat: { $gte: box.minLat, $lte: box.maxLat }, lng: { $gte: box.minLng, $lte: box.maxLng } })
      .select(SUMMARY_FIELDS)
      .lean<StationDoc[]>();
    return docs.filter(isActiveStation).map(toDirectoryStation);
  }

  async all(): Promise<StationDoc[]> {
    return (await this.snapshot()).docs;
  }

  /** Every active station with its views. */
  async everyStation(): Promise<DirectoryStation[]> {
    return (await this.snapshot()).stations;
  }

  /** The active stations: the snapshot while it is current, else read (and kept, with the cache on); concurrent reads share one load. */
  private async snapshot(): Promise<Snapshot> {
    if (this.ttlMs <= 0) return toSnapshot(await this.readAll());
    return this.snapshots.get(async () => toSnapshot(await this.readAll()));
  }

  /** A station was created or changed (in this process): the snapshot goes here now, and in other processes within about a second. */
  async changed(): Promise<void> {
    await this.snapshots.changed();
  }

  private async readAll(): Promise<DirectoryStation[]> {
    // With the community boundary: a new case is routed from the snapshot too (StationService.routeFor).
    const all = await this.stations.find().select(`${SUMMARY_FIELDS} boundary boundaryBox`).lean<StationDoc[]>();
    return all.filter(isActiveStation).map(toDirectoryStation);
  }

  /** Drops this process's snapshot (stations written around the admin service, as tests do). */
  invalidate(): void {
    this.snapshots.drop();
  }
}

function toSnapshot(stations: DirectoryStation[]): Snapshot {
  return { stations, docs: stations.map((s) => s.doc) };
}

function toDirectoryStation(doc: StationDoc): DirectoryStation {
  const summary = toStationSummary(doc);
  return { doc, kind: stationKind(doc), summary, json: nearbyJsonHead(summary) };
}
