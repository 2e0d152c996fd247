import type { ModuleManifest } from '../manifest';
import { STATION_RECORD_MODEL, stationRecordSchema } from './station-record.model';

export const FIGURES_MODULE: ModuleManifest = { name: 'figures', models: [[STATION_RECORD_MODEL, stationRecordSchema]] };
