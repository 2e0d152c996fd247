import type { ModuleManifest } from '../manifest';
import { ZONE_MODEL, zoneSchema } from './zone.model';

export const ZONES_MODULE: ModuleManifest = { name: 'zones', models: [[ZONE_MODEL, zoneSchema]] };
