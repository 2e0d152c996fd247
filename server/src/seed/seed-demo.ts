import type { Connection } from 'mongoose';
import { STATION_MODEL, stationSchema, type StationDoc } from '../modules/stations/station.model';
import { DEMO_CITY, DEMO_STATIONS, demoPhone } from './demo-stations';

export interface SeedReport {
  stations: number;
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
  if ((await stations.estimatedDocumentCount()) > 0) return { stations: 0, skipped: true };
  const docs = DEMO_STATIONS.map((s, i) => ({
    ...s,
    city: DEMO_CITY,
    phone: demoPhone(i),
    openingHours: '周一至周日 8:30-17:30',
    officers: s.officers.map((o) => ({ ...o, photoUrl: null })),
    demo: true,
  }));
  await stations.insertMany(docs, { ordered: true });
  return { stations: docs.length, skipped: false };
}
