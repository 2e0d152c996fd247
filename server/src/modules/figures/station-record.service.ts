import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { addChinaDays, chinaDate, DEFAULT_FIGURE_RANGE_DAYS, PUBLIC_FIGURES_MIN_SAMPLE, type PublicStationFigures } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { Database } from '../../common/database';
import { isDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import { CaseLookup } from '../cases/case-lookup';
import { Tally } from '../cases/case-tally';
import { StationService } from '../stations/station.service';
import { STATION_RECORD_MODEL, stationRecordId, stationRecordSchema, type StationRecordDoc } from './station-record.model';

/**
 * A station's record for residents (its page): the 30 China days that ended yesterday, taken
 * once a day (station-record.model.ts), counts and each rate only with enough behind it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StationRecordService {
  @Inject()
  database!: Database;

  @Inject()
  cases!: CaseLookup;

  @Inject()
  stations!: StationService;

  private get records() {
    return this.database.model<StationRecordDoc>(STATION_RECORD_MODEL, stationRecordSchema);
  }

  async record(id: string, now = new Date()): Promise<PublicStationFigures> {
    const stationId = toObjectId(id);
    if (!stationId || !(await this.stations.isActive(stationId.toHexString()))) throw new AppError('STATION_NOT_FOUND');
    const today = chinaDate(now);
    const _id = stationRecordId(stationId.toHexString(), today);
    const kept = await this.records.findById(_id).lean<StationRecordDoc>();
    if (kept) return kept.record;
    const record = await this.take(stationId, today);
    try {
      await this.records.create({ _id, record });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another reader took today's first: everyone is shown that one.
      return (await this.records.findById(_id).lean<StationRecordDoc>())?.record ?? record;
    }
    // The station's records of earlier days ("<station>|<day>" sorts by day) are done with.
    await this.records.deleteMany({ _id: { $gt: stationRecordId(stationId.toHexString(), ''), $lt: _id } });
    return record;
  }

  private async take(stationId: Types.ObjectId, today: string): Promise<PublicStationFigures> {
    const from = addChinaDays(today, -DEFAULT_FIGURE_RANGE_DAYS);
    const to = addChinaDays(today, -1);
    const tally = new Tally();
    for (const day of await this.cases.dailyTallies({ stationId }, from, to)) tally.add(day.totals);
    return recordOf(stationId.toHexString(), { from, to }, tally);
  }
}

/** Counts always; a rate (and a mean) only with PUBLIC_FIGURES_MIN_SAMPLE cases behind it, ratings only once there are that many. */
function recordOf(stationId: string, range: { from: string; to: string }, tally: Tally): PublicStationFigures {
  const t = tally.finish();
  const enough = (n: number) => n >= PUBLIC_FIGURES_MIN_SAMPLE;
  return {
    stationId,
    from: range.from,
    to: range.to,
    received: t.received,
    closed: t.closed,
    ratings: enough(t.ratings) ? t.ratings : null,
    closureRate: enough(t.received) ? t.closureRate : null,
    satisfactionRate: enough(t.ratings) ? t.satisfactionRate : null,
    avgAcceptHours: enough(tally.sums.accepted) ? t.avgAcceptHours : null,
  };
}
