import { haversineMeters } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { seedDemoData } from '../../seed/seed-demo';
import { DEMO_STATIONS } from '../../seed/demo-stations';

const JIALIN = DEMO_STATIONS[0]; // 海安市城管局嘉麟社区工作站
const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 }; // ~300 m north of it

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
});

afterAll(() => api.close());

describe('GET /api/stations/nearest', () => {
  it('when asked near 嘉麟社区, then that station comes first with its distance in metres', async () => {
    const res = await api.http().get('/api/stations/nearest').query(NEAR_JIALIN).expect(200);
    const [first] = res.body.items;
    expect(first.name).toBe(JIALIN.name);
    expect(first.distanceM).toBe(Math.round(haversineMeters(NEAR_JIALIN, JIALIN)));
    expect(first.distanceM).toBeGreaterThan(250);
    expect(first.distanceM).toBeLessThan(350);
    expect(first.demo).toBe(true);
    expect(first.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('when several stations are returned, then they are sorted by distance and match a brute-force ordering', async () => {
    const res = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 50 }).expect(200);
    const distances: number[] = res.body.items.map((s: { distanceM: number }) => s.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const expected = [...DEMO_STATIONS]
      .sort((a, b) => haversineMeters(NEAR_JIALIN, a) - haversineMeters(NEAR_JIALIN, b))
      .map((s) => s.name);
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(expected);
  });

  it('when a limit is given, then exactly that many come back', async () => {
    const res = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 3 }).expect(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.searchedRadiusM).toBeGreaterThan(0);
  });

  it('when the point is far from every station (Beijing), then the nearest ones are still found', async () => {
    const res = await api.http().get('/api/stations/nearest').query({ lat: 39.9, lng: 116.4, limit: 2 }).expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].distanceM).toBeGreaterThan(800_000);
  });

  it.each([
    ['lat missing', { lng: 120.46 }, 'INVALID_COORDINATES'],
    ['lng missing', { lat: 32.5 }, 'INVALID_COORDINATES'],
    ['lat not a number', { lat: 'abc', lng: 120.46 }, 'INVALID_COORDINATES'],
    ['lat empty', { lat: '', lng: 120.46 }, 'INVALID_COORDINATES'],
    ['lat above 90', { lat: 90.5, lng: 120.46 }, 'INVALID_COORDINATES'],
    ['lng below -180', { lat: 32.5, lng: -180.01 }, 'INVALID_COORDINATES'],
    ['lat as exponent overflow', { lat: '1e999', lng: 120 }, 'INVALID_COORDINATES'],
    ['lat repeated', 'lat=32&lat=33&lng=120', 'INVALID_COORDINATES'],
    ['limit 0', { lat: 32.5, lng: 120.46, limit: 0 }, 'INVALID_LIMIT'],
    ['limit 51', { lat: 32.5, lng: 120.46, limit: 51 }, 'INVALID_LIMIT'],
    ['limit fractional', { lat: 32.5, lng: 120.46, limit: 2.5 }, 'INVALID_LIMIT'],
    ['limit not a number', { lat: 32.5, lng: 120.46, limit: 'ten' }, 'INVALID_LIMIT'],
    ['unknown field', { lat: 32.5, lng: 120.46, radius: 5 }, 'UNKNOWN_FIELD'],
    ['operator payload', 'lat[$gt]=0&lng=120', 'INVALID_COORDINATES'],
  ])('when %s, then 400 with a clear code', async (_name, query, code) => {
    const res = await api.http().get('/api/stations/nearest').query(query).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('GET /api/stations', () => {
  it('when no location is shared, then every station is listed by name', async () => {
    const res = await api.http().get('/api/stations').expect(200);
    expect(res.body.items).toHaveLength(DEMO_STATIONS.length);
    expect(res.body.items[0]).not.toHaveProperty('distanceM');
  });
});

describe('GET /api/stations/:id', () => {
  it('when the id exists, then the station comes with its officers', async () => {
    const list = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 1 }).expect(200);
    const res = await api.http().get(`/api/stations/${list.body.items[0].id}`).expect(200);
    expect(res.body.name).toBe(JIALIN.name);
    expect(res.body.officers).toHaveLength(2);
    expect(res.body.officers[0]).toEqual({ name: '陈志强', role: '带队人员', photoUrl: null, duties: expect.any(Array) });
    expect(res.body.phone).toMatch(/^0513-/);
  });

  it.each([
    ['an unknown id', '0123456789abcdef01234567'],
    ['a malformed id', 'not-an-id'],
    ['a 12-byte string id', 'abcdefghijkl'],
  ])('when %s is asked for, then 404 STATION_NOT_FOUND', async (_name, id) => {
    const res = await api.http().get(`/api/stations/${id}`).expect(404);
    expect(res.body.error.code).toBe('STATION_NOT_FOUND');
  });
});

describe('errors and health', () => {
  it('when an /api path does not exist, then 404 in the error format', async () => {
    const res = await api.http().get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('when the database is up, then health is 200 ok', async () => {
    const res = await api.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('when liveness is asked, then a constant reply comes back with a request id', async () => {
    const res = await api.http().get('/api/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
