import { Schema } from 'mongoose';
import type { PublicStationFigures } from '@citycare/shared';

/**
 * A station's record for residents as of one China day (`_id` "<stationId>|<day>"): taken once,
 * by the first reader of the day in any process, over the 30 days that ended the day before.
 * Nothing that happens during the day shows until the next, so nobody can watch the figures
 * move with one case or one rating.
 */
export interface StationRecordDoc {
  _id: string;
  record: PublicStationFigures;
}

export const STATION_RECORD_MODEL = 'StationRecord';

export const stationRecordSchema = new Schema<StationRecordDoc>(
  { _id: { type: String, required: true }, record: { type: Schema.Types.Mixed, required: true } },
  { collection: 'station_records', versionKey: false },
);

export const stationRecordId = (stationId: string, day: string) => `${stationId}|${day}`;
