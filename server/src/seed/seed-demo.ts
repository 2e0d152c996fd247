import type { Connection } from 'mongoose';
import { STATION_MODEL, stationSchema, type StationDoc } from '../modules/stations/station.model';
import { USER_MODEL, userSchema, type UserDoc } from '../modules/users/user.model';
import { DEMO_CITY, DEMO_STATIONS, demoPhone } from './demo-stations';
import { DEMO_USERS } from './demo-users';

export interface SeedReport {
  stations: number;
  users: number;
  skipped: boolean;
}

/**
 * Seeds demo stations into an EMPTY database only: a database that already
 * has stations (real or demo) is left alone. The unique {city, name} index
 * makes a concurrent second seed fail instead of duplicating.
 */
export async function seedDemoData(connection: Connection): Promise<SeedReport> {
  const stations = connection.models[STATION_MODEL] ?? connection.model<StationDoc>(STATION_MODEL, stationSchema);
  await stations.createIndexes();
  if ((await stations.estimatedDocumentCount()) > 0) return { stations: 0, users: 0, skipped: true };
  const docs = DEMO_STATIONS.map((s, i) => ({
    ...s,
    city: DEMO_CITY,
    phone: demoPhone(i),
    openingHours: '周一至周日 8:30-17:30',
    officers: s.officers.map((o) => ({ ...o, photoUrl: null })),
    demo: true,
  }));
  const inserted = await stations.insertMany(docs, { ordered: true });
  const users = connection.models[USER_MODEL] ?? connection.model<UserDoc>(USER_MODEL, userSchema);
  await users.createIndexes();
  await users.insertMany(
    DEMO_USERS.map((u) => ({
      openid: u.openid,
      name: u.name,
      role: u.role,
      community: u.community ?? (u.stationIndex === undefined ? null : DEMO_STATIONS[u.stationIndex].community),
      stationId: u.stationIndex === undefined ? null : inserted[u.stationIndex]._id,
      demo: true,
    })),
    { ordered: true },
  );
  return { stations: docs.length, users: DEMO_USERS.length, skipped: false };
}
