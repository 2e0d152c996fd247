import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { isInBox, type BoundingBox } from '@citycare/shared';
import { Database } from '../../common/database';
import { envInt } from '../../config/env';
import { isActiveStation, STATION_MODEL, stationSchema, type StationDoc } from './station.model';
import { SUMMARY_FIELDS } from './station.view';

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

  private snapshot: { at: number; docs: StationDoc[] } | null = null;
  private loading: Promise<StationDoc[]> | null = null;

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  async inBox(box: BoundingBox): Promise<StationDoc[]> {
    if (envInt('STATION_CACHE_MS') <= 0) {
      return this.stations
        .find({ lat: { $gte: box.minLat, $lte: box.maxLat }, lng: { $gte: box.minLng, $lte: box.maxLng } })
        .select(SUMMARY_FIELDS)
        .lean<StationDoc[]>()
        .then((docs) => docs.filter(isActiveStation));
    }
    return (await this.all()).filter((doc) => isInBox(doc, box));
  }

  async all(): Promise<StationDoc[]> {
    const ttl = envInt('STATION_CACHE_MS');
    if (this.snapshot && Date.now() - this.snapshot.at < ttl) return this.snapshot.docs;
    // One load at a time: concurrent requests share it.
    this.loading ??= this.stations
      .find()
      .select(SUMMARY_FIELDS)
      .lean<StationDoc[]>()
      .then((all) => {
        const docs = all.filter(isActiveStation);
        if (ttl > 0) this.snapshot = { at: Date.now(), docs };
        return docs;
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
