import type { Connection, Types } from 'mongoose';
import { STATION_MODEL, stationSchema, type StationDoc } from '../modules/stations/station.model';
import { USER_MODEL, userSchema, type UserDoc } from '../modules/users/user.model';
import { ZONE_MODEL, zoneSchema, type ZoneDoc } from '../modules/zones/zone.model';
import { DEMO_CITY, DEMO_STATIONS, DEMO_ZONES, demoPhone } from './demo-stations';
import { DEMO_USERS } from './demo-users';
import { isDuplicateKey } from '../common/mongo-errors';

export interface SeedReport {
  stations: number;
  users: number;
  skipped: boolean;
}


/**
 * Seeds demo data, each part only where it is missing: demo stations into a
 * database with no stations (real or demo), demo users whose openid is not
 * there yet. Unique indexes ({city, name}, openid) make a concurrent second
 * seed fail instead of duplicating.
 */
export async function seedDemoData(connection: Connection): Promise<SeedReport> {
  const stations = connection.models[STATION_MODEL] ?? connection.model<StationDoc>(STATION_MODEL, stationSchema);
  const users = connection.models[USER_MODEL] ?? connection.model<UserDoc>(USER_MODEL, userSchema);
  await stations.createIndexes();
  await users.createIndexes();

  let stationCount = 0;
  if ((await stations.estimatedDocumentCount()) === 0) {
    const docs = DEMO_STATIONS.map((s, i) => ({
      ...s,
      city: DEMO_CITY,
      phone: demoPhone(i),
      openingHours: '周一至周日 8:30-17:30',
      officers: s.officers.map((o) => ({ ...o, photoUrl: null })),
      demo: true,
    }));
    stationCount = (await stations.insertMany(docs, { ordered: true })).length;
  }

  const demoStations = await stations.find({ city: DEMO_CITY, demo: true }).lean<StationDoc[]>();
  const byName = new Map(demoStations.map((s) => [s.name, s]));
  const existing = new Set((await users.find({ demo: true }).select('openid').lean<UserDoc[]>()).map((u) => u.openid));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.openid)).flatMap((u) => {
    const station = u.stationIndex === undefined ? null : byName.get(DEMO_STATIONS[u.stationIndex].name);
    if (u.stationIndex !== undefined && !station) return []; // the demo stations were replaced by real ones
    return [{ openid: u.openid, name: u.name, role: u.role, community: u.community ?? station?.community ?? null, stationId: station?._id ?? null, demo: true }];
  });
  let userCount = 0;
  if (missing.length) {
    try {
      userCount = (await users.insertMany(missing, { ordered: false })).length;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  const admin = await users.findOne({ openid: 'demo-admin', demo: true }).lean<UserDoc>();
  if (admin) await seedZones(connection, demoStations, admin._id);
  return { stations: stationCount, users: userCount, skipped: stationCount === 0 && userCount === 0 };
}

/** Demo stall zones, into a database with no zones; created by the demo admin. */
async function seedZones(connection: Connection, demoStations: StationDoc[], adminId: Types.ObjectId): Promise<void> {
  const zones = connection.models[ZONE_MODEL] ?? connection.model<ZoneDoc>(ZONE_MODEL, zoneSchema);
  await zones.createIndexes();
  if ((await zones.estimatedDocumentCount()) > 0) return;
  const byName = new Map(demoStations.map((s) => [s.name, s]));
  const docs = DEMO_ZONES.flatMap(({ stationIndex, ...zone }) => {
    const station = byName.get(DEMO_STATIONS[stationIndex].name);
    return station ? [{ ...zone, stationId: station._id, createdBy: adminId }] : [];
  });
  if (docs.length) await zones.insertMany(docs, { ordered: false }).catch((err) => {
    if (!isDuplicateKey(err)) throw err;
  });
}
