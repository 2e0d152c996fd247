import type { ModuleManifest } from '../manifest';
import { STATION_MODEL, stationSchema } from './station.model';
import { StationPhotoOwner } from './station-photo-owner';

export const STATIONS_MODULE: ModuleManifest = { name: 'stations', models: [[STATION_MODEL, stationSchema]], photoOwners: [StationPhotoOwner] };
