import { haversineMeters } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { seedDemoData } from '../../seed/seed-demo';
import { DEMO_STATIONS } from '../../seed/demo-stations';

const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };

let api: TestApi;

// The setting is read once per process, so the cache is off from the start.
beforeAll(async () => {
  api = await startTestApi(__filename, { STATION_CACHE_MS: '0' });
  await seedDemoData(api.db);
});

afterAll(() => api.close());

describe('nearest stations with the station cache off (STATION_CACHE_MS=0)', () => {
  it('when asked near 嘉麟社区, then the database box queries give every station in brute-force distance order', async () => {
    const res = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 50 }).expect(200);
    const expected = [...DEMO_STATIONS].sort((a, b) => haversineMeters(NEAR_JIALIN, a) - haversineMeters(NEAR_JIALIN, b));
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(expected.map((s) => s.name));
    expect(res.body.items.map((s: { distanceM: number }) => s.distanceM)).toEqual(expected.map((s) => Math.round(haversineMeters(NEAR_JIALIN, s))));
  });

  it('when a station is deactivated, then the next search leaves it out (nothing is kept)', async () => {
    const [first] = (await api.http().get('/api/stations/nearest').query(NEAR_JIALIN).expect(200)).body.items;
    await api.db.collection('stations').updateOne({ name: first.name }, { $set: { active: false } });
    const after = (await api.http().get('/api/stations/nearest').query(NEAR_JIALIN).expect(200)).body.items;
    expect(after.map((s: { name: string }) => s.name)).not.toContain(first.name);
  });
});
