import type { ModuleManifest } from './manifest';
import { AUTH_MODULE } from './auth/auth.module';
import { CASES_MODULE } from './cases/cases.module';
import { EVENTS_MODULE } from './events/events.module';
import { FIGURES_MODULE } from './figures/figures.module';
import { HOTLINE_MODULE } from './hotline/hotline.module';
import { MEDIA_MODULE } from './media/media.module';
import { NOTICES_MODULE } from './notices/notices.module';
import { NOTIFICATIONS_MODULE } from './notifications/notifications.module';
import { PATROLS_MODULE } from './patrols/patrols.module';
import { STATIONS_MODULE } from './stations/stations.module';
import { USERS_MODULE } from './users/users.module';
import { ZONES_MODULE } from './zones/zones.module';

/**
 * Every module that stores data, runs jobs or owns photos. Modules with
 * routes only (health, open311, openapi) need no manifest: Midway
 * finds their controllers itself.
 */
export const MODULES: readonly ModuleManifest[] = [
  STATIONS_MODULE,
  USERS_MODULE,
  AUTH_MODULE,
  MEDIA_MODULE,
  CASES_MODULE,
  ZONES_MODULE,
  NOTICES_MODULE,
  PATROLS_MODULE,
  HOTLINE_MODULE,
  EVENTS_MODULE,
  NOTIFICATIONS_MODULE,
  FIGURES_MODULE,
];
