import { Types } from 'mongoose';
import { haversineMeters } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

const ZHONGDAJIE = { lat: 32.5334, lng: 120.4526 }; // 中大街 (demo, approximate)

let api: TestApi;
let stationA: string; // 嘉麟
let stationB: string; // 平桥村
let leadA: TestUser;
let leadB: TestUser;
let officerA: TestUser;
let admin: TestUser;
let resident: TestUser;
let secretary: TestUser;
let n = 0;

const zoneBody = (over: Record<string, unknown> = {}) => ({
  name: `中大街夜市 ${++n}`,
  lat: ZHONGDAJIE.lat,
  lng: ZHONGDAJIE.lng,
  address: '海安市中大街东段',
  hours: '每日 17:00–22:00',
  stallCount: 40,
  rules: '限定区域经营，收摊后清理地面',
  ...over,
});

async function createZone(user: TestUser = leadA, over: Record<string, unknown> = {}): Promise<string> {
  const res = await api.http().post('/api/zones').set('Authorization', user.auth).send(zoneBody(over));
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  leadA = await loginAs(api.db, 'lead', { stationId: stationA });
  leadB = await loginAs(api.db, 'lead', { stationId: stationB });
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  admin = await loginAs(api.db, 'admin');
  resident = await loginAs(api.db, 'resident');
  secretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
}, 60_000);

afterAll(() => api.close());

describe('keeping zones', () => {
  it("when a lead adds a zone without naming a station, then it is their station's and anyone can read it", async () => {
    const id = await createZone(leadA, { name: '中大街临时摊位区' });
    const res = await api.http().get(`/api/zones/${id}`).expect(200);
    expect(res.body).toMatchObject({ name: '中大街临时摊位区', stationId: stationA, stallCount: 40, hours: '每日 17:00–22:00' });
    const doc = await api.db.collection('stall_zones').findOne({ _id: new Types.ObjectId(id) });
    expect(String(doc!.createdBy)).toBe(leadA.id);
  });

  it('when an admin adds a zone, then they name the station; without one, 400', async () => {
    const id = await createZone(admin, { stationId: stationB });
    expect((await api.http().get(`/api/zones/${id}`).expect(200)).body.stationId).toBe(stationB);
    const res = await api.http().post('/api/zones').set('Authorization', admin.auth).send(zoneBody()).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const unknown = await api.http().post('/api/zones').set('Authorization', admin.auth).send(zoneBody({ stationId: '0123456789abcdef01234567' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('STATION_NOT_FOUND');
  });

  it('when a name is used twice in one station (even at once), then one zone and 409 ZONE_NAME_TAKEN; another station may use it', async () => {
    const results = await Promise.all([1, 2, 3].map(() => api.http().post('/api/zones').set('Authorization', leadA.auth).send(zoneBody({ name: '星湖001' }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('ZONE_NAME_TAKEN');
    expect(await api.db.collection('stall_zones').countDocuments({ name: '星湖001' })).toBe(1);
    await createZone(leadB, { name: '星湖001' });
  });

  it('when the rules are abusive, then 422 CONTENT_RISKY and nothing is stored', async () => {
    const res = await api.http().post('/api/zones').set('Authorization', leadA.auth).send(zoneBody({ name: '风险摊位区', rules: '你们都去死吧' }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect(await api.db.collection('stall_zones').countDocuments({ name: '风险摊位区' })).toBe(0);
  });

  it('when the body sets unknown fields or bad values, then 400', async () => {
    for (const [over, code] of [
      [{ createdBy: resident.id }, 'UNKNOWN_FIELD'],
      [{ stallCount: -1 }, 'VALIDATION_FAILED'],
      [{ lat: 91 }, 'INVALID_COORDINATES'],
      [{ name: '' }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await api.http().post('/api/zones').set('Authorization', leadA.auth).send(zoneBody(over));
      expect({ over, status: res.status, code: res.body.error?.code }).toEqual({ over, status: 400, code });
    }
  });

  it('when a lead edits their zone, then it changes; an empty patch is refused', async () => {
    const id = await createZone();
    const res = await api.http().patch(`/api/zones/${id}`).set('Authorization', leadA.auth).send({ stallCount: 12, hours: '周末 9:00–21:00' }).expect(200);
    expect(res.body).toMatchObject({ stallCount: 12, hours: '周末 9:00–21:00', stationId: stationA });
    await api.http().patch(`/api/zones/${id}`).set('Authorization', leadA.auth).send({}).expect(400);
    const moved = await api.http().patch(`/api/zones/${id}`).set('Authorization', leadA.auth).send({ stationId: stationB }).expect(400);
    expect(moved.body.error.code).toBe('UNKNOWN_FIELD');
  });

  it("when a zone is renamed to a name its station already uses, then 409 ZONE_NAME_TAKEN and it keeps its name", async () => {
    await createZone(leadA, { name: '星湖001 夜市' });
    const id = await createZone(leadA, { name: '财富客厅 早市' });
    const res = await api.http().patch(`/api/zones/${id}`).set('Authorization', leadA.auth).send({ name: '星湖001 夜市' }).expect(409);
    expect(res.body.error.code).toBe('ZONE_NAME_TAKEN');
    expect((await api.http().get(`/api/zones/${id}`).expect(200)).body.name).toBe('财富客厅 早市');
  });

  it('when a lead removes their zone, then it is gone (204, then 404)', async () => {
    const id = await createZone();
    await api.http().delete(`/api/zones/${id}`).set('Authorization', leadA.auth).expect(204);
    const res = await api.http().get(`/api/zones/${id}`).expect(404);
    expect(res.body.error.code).toBe('ZONE_NOT_FOUND');
  });
});

describe('who may keep zones', () => {
  type Party = 'leadOfStation' | 'leadOfOtherStation' | 'officerOfStation' | 'admin' | 'resident' | 'secretary' | 'noToken';
  const parties: Party[] = ['leadOfStation', 'leadOfOtherStation', 'officerOfStation', 'admin', 'resident', 'secretary', 'noToken'];
  const allowed: Party[] = ['leadOfStation', 'admin'];
  const header = (p: Party) =>
    ({ leadOfStation: leadA, leadOfOtherStation: leadB, officerOfStation: officerA, admin, resident, secretary, noToken: undefined })[p]?.auth;
  const withAuth = <T extends { set(k: string, v: string): T }>(req: T, h?: string): T => (h ? req.set('Authorization', h) : req);

  const routes = {
    'POST /api/zones': (_id: string, h?: string) => withAuth(api.http().post('/api/zones'), h).send(zoneBody({ stationId: stationA })),
    'PATCH /api/zones/:id': (id: string, h?: string) => withAuth(api.http().patch(`/api/zones/${id}`), h).send({ stallCount: 3 }),
    'DELETE /api/zones/:id': (id: string, h?: string) => withAuth(api.http().delete(`/api/zones/${id}`), h),
  };
  const matrix = Object.entries(routes).flatMap(([name, call]) => parties.map((p) => [name, p, call] as const));

  it.each(matrix)('%s as %s', async (_name, party, call) => {
    const id = await createZone();
    const res = await call(id, header(party));
    const ok = res.status >= 200 && res.status < 300;
    expect({ party, ok }).toEqual({ party, ok: allowed.includes(party) });
    if (!ok) expect(res.status).toBe(party === 'noToken' ? 401 : 403);
  });

  it('when anyone without a token reads zones, then the list and a zone are public', async () => {
    const id = await createZone();
    await api.http().get('/api/zones').expect(200);
    await api.http().get(`/api/zones/${id}`).expect(200);
  });
});

describe('finding zones on the map', () => {
  const near = { lat: 32.6, lng: 120.6 }; // away from the other tests' zones
  const spots = [
    { name: '测距-100米', lat: 32.6009, lng: 120.6 },
    { name: '测距-1公里', lat: 32.609, lng: 120.6 },
    { name: '测距-3公里', lat: 32.6, lng: 120.632 },
    { name: '测距-8公里', lat: 32.672, lng: 120.6 },
  ];

  beforeAll(async () => {
    for (const s of spots) await createZone(leadB, s);
  });

  it('when asked near a point, then zones within the radius come sorted by distance, as brute force says', async () => {
    const res = await api.http().get('/api/zones').query({ ...near, radiusM: 5000 }).expect(200);
    const expected = spots
      .map((s) => ({ name: s.name, distanceM: Math.round(haversineMeters(near, s)) }))
      .filter((s) => s.distanceM <= 5000)
      .sort((a, b) => a.distanceM - b.distanceM);
    expect(res.body.items.map((z: { name: string; distanceM: number }) => ({ name: z.name, distanceM: z.distanceM }))).toEqual(expected);
    expect(expected.map((s) => s.name)).toEqual(['测距-100米', '测距-1公里', '测距-3公里']);
  });

  it('when the radius is larger, then the farther zone comes too; a limit cuts the list', async () => {
    const wide = await api.http().get('/api/zones').query({ ...near, radiusM: 10_000 }).expect(200);
    expect(wide.body.items.map((z: { name: string }) => z.name)).toContain('测距-8公里');
    const one = await api.http().get('/api/zones').query({ ...near, radiusM: 10_000, limit: 1 }).expect(200);
    expect(one.body.items.map((z: { name: string }) => z.name)).toEqual(['测距-100米']);
  });

  it('when no point is given, then zones are listed by name, optionally for one station', async () => {
    const res = await api.http().get('/api/zones').query({ stationId: stationB }).expect(200);
    const names: string[] = res.body.items.map((z: { name: string }) => z.name);
    expect(names).toEqual([...names].sort());
    expect(res.body.items.every((z: { stationId: string; distanceM?: number }) => z.stationId === stationB && z.distanceM === undefined)).toBe(true);
    expect(names).toEqual(expect.arrayContaining(spots.map((s) => s.name)));
  });

  it.each([
    ['lat without lng', { lat: 32.6 }, 'INVALID_COORDINATES'],
    ['radius without a point', { radiusM: 100 }, 'INVALID_COORDINATES'],
    ['radius too large', { lat: 32.6, lng: 120.6, radiusM: 50_001 }, 'VALIDATION_FAILED'],
    ['lat not a number', { lat: 'x', lng: 120.6 }, 'INVALID_COORDINATES'],
    ['unknown field', { near: 1 }, 'UNKNOWN_FIELD'],
  ])('when %s, then 400 with its code', async (_name, query, code) => {
    const res = await api.http().get('/api/zones').query(query).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('when a zone id is unknown or malformed, then 404 ZONE_NOT_FOUND', async () => {
    for (const id of ['0123456789abcdef01234567', 'nope']) {
      const res = await api.http().get(`/api/zones/${id}`).expect(404);
      expect(res.body.error.code).toBe('ZONE_NOT_FOUND');
    }
  });
});

describe('reporting a problem against a zone', () => {
  const caseBody = (over: Record<string, unknown>) => ({
    category: 'temporary_stalls',
    description: '摊位越线经营，占用消防通道',
    ...ZHONGDAJIE,
    address: '中大街临时摊位区',
    ...over,
  });
  const report = (body: Record<string, unknown>) =>
    api.http().post('/api/cases').set('Authorization', resident.auth).set('Idempotency-Key', `zone-${Date.now()}-${++n}`).send(body);

  it('when a resident names a zone, then the case carries it and is routed by its location as usual', async () => {
    const zoneId = await createZone();
    const res = await report(caseBody({ zoneId })).expect(201);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.case.id as string) });
    expect(String(doc!.zoneId)).toBe(zoneId);
    expect(doc!.source).toBe('miniprogram');
  });

  it('when no zone is named, then the case has zoneId null', async () => {
    const res = await report(caseBody({})).expect(201);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.case.id as string) });
    expect(doc!.zoneId).toBeNull();
  });

  it('when the zone does not exist, then 404 ZONE_NOT_FOUND and no case; a malformed id is 400', async () => {
    const before = await api.db.collection('cases').countDocuments();
    const res = await report(caseBody({ zoneId: '0123456789abcdef01234567' })).expect(404);
    expect(res.body.error.code).toBe('ZONE_NOT_FOUND');
    await report(caseBody({ zoneId: 'abc' })).expect(400);
    expect(await api.db.collection('cases').countDocuments()).toBe(before);
  });
});
