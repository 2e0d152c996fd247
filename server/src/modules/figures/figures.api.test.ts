import { Types } from 'mongoose';
import { addChinaDays, chinaDate } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { insertCase, seedFigureStations, type SeededCase } from '../../../../tests/support/figures';
import { CaseRebuild } from '../cases/case-rebuild';

// Figures checked against values worked out by hand from cases written
// straight into the database with known dates, statuses and ratings.

const H = 3600_000;
/** An instant given in China time. */
const cn = (local: string) => new Date(`${local}+08:00`);

let api: TestApi;
let stationA: Types.ObjectId; // 嘉麟社区
let stationB: Types.ObjectId; // 平桥村
let secretaryA: TestUser;
let leadA: TestUser;
let officerA: TestUser;
let admin: TestUser;
let resident: TestUser;

type Seed = Omit<SeededCase, 'stationId' | 'community'> & { station: 'A' | 'B'; community?: string };

async function seed(s: Seed): Promise<void> {
  const { station, community, ...rest } = s;
  await insertCase(api, {
    ...rest,
    stationId: station === 'A' ? stationA : stationB,
    community: community ?? (station === 'A' ? '嘉麟社区' : '平桥村'),
  });
}

const JAN = { from: '2025-01-01', to: '2025-01-31' };

beforeAll(async () => {
  api = await startTestApi(__filename);
  ({ stationA, stationB } = await seedFigureStations(api));
  secretaryA = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
  leadA = await loginAs(api.db, 'lead', { stationId: stationA });
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  admin = await loginAs(api.db, 'admin');
  resident = await loginAs(api.db, 'resident', { community: '嘉麟社区' });

  const cases: Seed[] = [
    // Station A, January 2025 (China time).
    { station: 'A', category: 'street_vending', source: 'miniprogram', status: 'closed', at: cn('2025-01-01T00:00:00'), acceptH: 2, resolveH: 24, acceptedH: 1, resolvedH: 10, rating: 5 }, // c1
    { station: 'A', category: 'street_vending', source: 'hotline', status: 'resolved', at: cn('2025-01-05T10:00:00'), acceptH: 2, resolveH: 24, acceptedH: 3, resolvedH: 20, rating: 3 }, // c2: accepted late
    { station: 'A', category: 'clutter', source: 'patrol', status: 'in_progress', at: cn('2025-01-10T09:00:00'), acceptH: 4, resolveH: 48, acceptedH: 2 }, // c3: overdue now
    { station: 'A', category: 'clutter', source: 'whistle', status: 'submitted', at: cn('2025-01-15T08:00:00'), acceptH: 4, resolveH: 48 }, // c4: overdue now
    { station: 'A', category: 'parking', source: 'miniprogram', status: 'rejected', at: cn('2025-01-20T12:00:00'), acceptH: 4, resolveH: 48 }, // c5
    { station: 'A', category: 'parking', source: 'miniprogram', status: 'closed', at: cn('2025-01-31T23:59:59'), acceptH: 4, resolveH: 48, acceptedH: 4, resolvedH: 30, rating: 4 }, // c6: accepted exactly at the deadline
    { station: 'A', category: 'street_vending', source: 'miniprogram', status: 'in_progress', at: cn('2025-01-25T18:00:00'), acceptH: 2, resolveH: 24, acceptedH: 0.5, rating: 2 }, // c7: reopened, overdue now
    { station: 'A', category: 'street_vending', source: 'miniprogram', status: 'duplicate', at: cn('2025-01-02T09:00:00'), acceptH: 2, resolveH: 24 }, // c8: not counted
    // Station A, just outside January.
    { station: 'A', category: 'street_vending', source: 'miniprogram', status: 'closed', at: cn('2024-12-31T23:59:59'), acceptH: 2, resolveH: 24, acceptedH: 1, resolvedH: 2, rating: 5 }, // c9
    { station: 'A', category: 'clutter', source: 'miniprogram', status: 'submitted', at: cn('2025-02-01T00:00:00'), acceptH: 4, resolveH: 48 }, // c10: overdue now
    { station: 'A', category: 'clutter', source: 'miniprogram', status: 'submitted', at: new Date(Date.now() - H), acceptH: 4, resolveH: 48 }, // c11: open, not late
    // Station B.
    { station: 'B', category: 'street_vending', source: 'miniprogram', status: 'closed', at: cn('2025-01-03T08:00:00'), acceptH: 2, resolveH: 24, acceptedH: 1, resolvedH: 4, rating: 5 }, // b1
    { station: 'B', category: 'clutter', source: 'hotline', status: 'submitted', at: cn('2025-01-20T08:00:00'), acceptH: 4, resolveH: 48 }, // b2: overdue now
    // A 嘉麟社区 whistle case that routing sent to station B.
    { station: 'B', community: '嘉麟社区', category: 'street_vending', source: 'whistle', status: 'closed', at: cn('2025-01-07T10:00:00'), acceptH: 2, resolveH: 24, acceptedH: 1, resolvedH: 2 }, // b3
  ];
  for (const c of cases) await seed(c);
  // Written around the app: the rebuild command derives list positions and the daily tallies from them.
  await (await api.app.getApplicationContext().getAsync(CaseRebuild)).run();
}, 60_000);

afterAll(() => api.close());

const figures = (user: TestUser | undefined, query: Record<string, unknown>) => {
  const req = api.http().get('/api/figures').query(query);
  return user ? req.set('Authorization', user.auth) : req;
};

describe('figures against hand-computed values', () => {
  it('when station A is asked for January, then 7 received, 4 on time, 3 closed, 2 of 4 satisfied, 2.1 h to accept, 20 h to resolve, 4 overdue now', async () => {
    const res = await figures(leadA, { scope: 'station', ...JAN }).expect(200);
    expect(res.body).toMatchObject({ scope: 'station', id: String(stationA), name: '海安市城管局嘉麟社区工作站', from: '2025-01-01', to: '2025-01-31', overdueNow: 4 });
    expect(res.body.totals).toEqual({
      received: 7,
      acceptedOnTime: 4, // c1, c3, c6 (at the deadline), c7
      closed: 3, // c1 closed, c2 resolved, c6 closed
      rejected: 1,
      ratings: 4,
      satisfied: 2, // 5 and 4; not 3 or 2
      responseRate: 0.5714, // 4/7
      closureRate: 0.4286, // 3/7
      satisfactionRate: 0.5, // 2/4
      avgAcceptHours: 2.1, // (1 + 3 + 2 + 4 + 0.5) / 5
      avgResolveHours: 20, // (10 + 20 + 30) / 3
    });
  });

  it('when station A is broken down, then by category and by source, largest first', async () => {
    const res = await figures(admin, { scope: 'station', id: String(stationA), ...JAN }).expect(200);
    const pick = (g: Record<string, unknown>) => ({
      key: g.key,
      label: g.label,
      received: g.received,
      acceptedOnTime: g.acceptedOnTime,
      closed: g.closed,
      ratings: g.ratings,
      satisfied: g.satisfied,
      satisfactionRate: g.satisfactionRate,
      avgAcceptHours: g.avgAcceptHours,
      avgResolveHours: g.avgResolveHours,
    });
    expect(res.body.byCategory.map(pick)).toEqual([
      { key: 'street_vending', label: '占道经营', received: 3, acceptedOnTime: 2, closed: 2, ratings: 3, satisfied: 1, satisfactionRate: 0.3333, avgAcceptHours: 1.5, avgResolveHours: 15 },
      { key: 'clutter', label: '乱堆乱放/环境卫生', received: 2, acceptedOnTime: 1, closed: 0, ratings: 0, satisfied: 0, satisfactionRate: null, avgAcceptHours: 2, avgResolveHours: null },
      { key: 'parking', label: '停车', received: 2, acceptedOnTime: 1, closed: 1, ratings: 1, satisfied: 1, satisfactionRate: 1, avgAcceptHours: 4, avgResolveHours: 30 },
    ]);
    expect(res.body.bySource.map((g: { key: string; label: string; received: number }) => [g.key, g.label, g.received])).toEqual([
      ['miniprogram', '随手拍', 4],
      ['hotline', '12345 热线', 1],
      ['patrol', '巡查发现', 1],
      ['whistle', '社区吹哨', 1],
    ]);
  });

  it('when the community 嘉麟社区 is asked, then it also counts its case that routing sent to station B', async () => {
    const res = await figures(secretaryA, { scope: 'community', ...JAN }).expect(200);
    expect(res.body).toMatchObject({ scope: 'community', id: '嘉麟社区', name: '嘉麟社区', overdueNow: 4 });
    expect(res.body.totals).toMatchObject({
      received: 8,
      acceptedOnTime: 5,
      closed: 4,
      ratings: 4,
      satisfied: 2,
      responseRate: 0.625,
      closureRate: 0.5,
      avgAcceptHours: 1.92, // (10.5 + 1) / 6
      avgResolveHours: 15.5, // (60 + 2) / 4
    });
  });

  it('when the city is asked, then both stations add up', async () => {
    const res = await figures(admin, { scope: 'city', ...JAN }).expect(200);
    expect(res.body).toMatchObject({ scope: 'city', id: null, name: '全市', overdueNow: 5 });
    expect(res.body.totals).toEqual({
      received: 10,
      acceptedOnTime: 6,
      closed: 5,
      rejected: 1,
      ratings: 5,
      satisfied: 3,
      responseRate: 0.6,
      closureRate: 0.5,
      satisfactionRate: 0.6,
      avgAcceptHours: 1.79, // 12.5 / 7
      avgResolveHours: 13.2, // 66 / 5
    });
  });

  it('when the range is one day, then its edges are China midnight: 2025-01-01 holds c1 only, not c9 one second earlier', async () => {
    const res = await figures(leadA, { scope: 'station', from: '2025-01-01', to: '2025-01-01' }).expect(200);
    expect(res.body.totals).toMatchObject({ received: 1, closed: 1, ratings: 1, satisfied: 1, closureRate: 1 });
    const dec31 = await figures(leadA, { scope: 'station', from: '2024-12-31', to: '2024-12-31' }).expect(200);
    expect(dec31.body.totals.received).toBe(1);
  });

  it('when nothing was received, then counts are 0 and rates null', async () => {
    const res = await figures(leadA, { scope: 'station', from: '2020-01-01', to: '2020-01-31' }).expect(200);
    expect(res.body.totals).toMatchObject({ received: 0, responseRate: null, closureRate: null, satisfactionRate: null, avgAcceptHours: null, avgResolveHours: null });
    expect(res.body.byCategory).toEqual([]);
    expect(res.body.overdueNow).toBe(4);
  });

  it('when no range is given, then the last 30 days up to today (China time)', async () => {
    const res = await figures(leadA, { scope: 'station' }).expect(200);
    const today = chinaDate(new Date());
    expect([res.body.from, res.body.to]).toEqual([addChinaDays(today, -29), today]);
    expect(res.body.totals.received).toBe(1); // c11, an hour ago
  });
});

describe('ranges and parameters', () => {
  it.each([
    ['from after to', { from: '2025-02-01', to: '2025-01-31' }],
    ['367 days', { from: '2024-01-01', to: '2025-01-01' }],
    ['an impossible date', { from: '2025-02-30', to: '2025-03-01' }],
    ['a date with a time', { from: '2025-01-01T00:00', to: '2025-01-02' }],
  ])('when %s, then 400 INVALID_DATE_RANGE', async (_name, range) => {
    const res = await figures(admin, { scope: 'city', ...range }).expect(400);
    expect(res.body.error.code).toBe('INVALID_DATE_RANGE');
  });

  it('when the range is 366 days (a leap year), then it is accepted', async () => {
    await figures(admin, { scope: 'city', from: '2024-01-01', to: '2024-12-31' }).expect(200);
  });

  it.each([
    ['no scope', {}, 'VALIDATION_FAILED'],
    ['an unknown scope', { scope: 'province' }, 'VALIDATION_FAILED'],
    ['the city with an id', { scope: 'city', id: 'x' }, 'VALIDATION_FAILED'],
    ['an admin station without an id', { scope: 'station' }, 'VALIDATION_FAILED'],
    ['an unknown field', { scope: 'city', station: 'x' }, 'UNKNOWN_FIELD'],
  ])('when %s, then 400', async (_name, query, code) => {
    const res = await figures(admin, query).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('when the station does not exist, then 404 STATION_NOT_FOUND', async () => {
    for (const id of ['0123456789abcdef01234567', 'nope']) {
      expect((await figures(admin, { scope: 'station', id }).expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
    }
  });
});

describe('who may see which figures', () => {
  let secretaryB: TestUser;
  let leadB: TestUser;
  let officerB: TestUser;
  beforeAll(async () => {
    secretaryB = await loginAs(api.db, 'secretary', { community: '平桥村' });
    leadB = await loginAs(api.db, 'lead', { stationId: stationB });
    officerB = await loginAs(api.db, 'officer', { stationId: stationB });
  });

  type Party = 'secretaryA' | 'secretaryB' | 'leadA' | 'leadB' | 'officerA' | 'officerB' | 'admin' | 'resident' | 'noToken';
  const parties: Party[] = ['secretaryA', 'secretaryB', 'leadA', 'leadB', 'officerA', 'officerB', 'admin', 'resident', 'noToken'];
  const user = (p: Party): TestUser | undefined => ({ secretaryA, secretaryB, leadA, leadB, officerA, officerB, admin, resident, noToken: undefined })[p];
  const asks: Array<[string, () => Record<string, string>, Party[]]> = [
    ["station A's", () => ({ scope: 'station', id: String(stationA) }), ['leadA', 'admin']],
    ["嘉麟社区's", () => ({ scope: 'community', id: '嘉麟社区' }), ['secretaryA', 'leadA', 'admin']],
    ["the city's", () => ({ scope: 'city' }), ['admin']],
  ];
  const matrix = asks.flatMap(([what, query, allowed]) => parties.map((p) => [what, p, query, allowed] as const));

  it.each(matrix)('when %s figures are asked for by %s', async (_what, party, query, allowed) => {
    const res = await figures(user(party), { ...query(), ...JAN });
    const ok = res.status === 200;
    expect({ party, ok }).toEqual({ party, ok: allowed.includes(party) });
    if (!ok) expect(res.status).toBe(party === 'noToken' ? 401 : 403);
  });
});

it('when the OpenAPI document is read, then the notices, patrols, zones and figures routes are in it', async () => {
  const res = await api.http().get('/api/openapi.json').expect(200);
  expect(Object.keys(res.body.paths)).toEqual(
    expect.arrayContaining([
      '/api/notices',
      '/api/notices/{id}',
      '/api/notices/{id}/withdraw',
      '/api/notices/managed',
      '/api/staff/patrols',
      '/api/staff/patrols/export',
      '/api/staff/patrols/{id}',
      '/api/zones',
      '/api/zones/{id}',
      '/api/figures',
    ]),
  );
  expect(Object.keys(res.body.paths['/api/zones/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
});

describe('GET /api/figures/groups (the city side by side, admins)', () => {
  const groups = (user: TestUser | undefined, query: Record<string, unknown>, path = '/api/figures/groups') => {
    const req = api.http().get(path).query(query);
    return user ? req.set('Authorization', user.auth) : req;
  };
  const row = (body: { items: Array<{ key: string; label: string }> }, keyOrLabel: string) => body.items.find((g) => g.key === keyOrLabel || g.label === keyOrLabel);

  it('when grouped by station for January, then each station has its own tallies and overdue count', async () => {
    const res = await groups(admin, { by: 'station', ...JAN }).expect(200);
    expect(res.body).toMatchObject({ by: 'station', from: JAN.from, to: JAN.to });
    expect(row(res.body, String(stationA))).toMatchObject({ label: '海安市城管局嘉麟社区工作站', received: 7, acceptedOnTime: 4, closed: 3, closureRate: 0.4286, overdueNow: 4 });
    expect(row(res.body, String(stationB))).toMatchObject({ label: '海安市城管局平桥村工作站', received: 3, closed: 2, overdueNow: 1 });
    // Every station has a row, the busiest first.
    expect(res.body.items.length).toBe(await api.db.collection('stations').countDocuments());
    expect(res.body.items[0].key).toBe(String(stationA));
  });

  it('when grouped by community, then a case counts in the community it was reported in, whichever station took it', async () => {
    const res = await groups(admin, { by: 'community', ...JAN }).expect(200);
    expect(row(res.body, '嘉麟社区')).toMatchObject({ received: 8, closed: 4 });
    expect(row(res.body, '平桥村')).toMatchObject({ received: 2, closed: 1, overdueNow: 1 });
  });

  it('when grouped by category and by source, then the city totals split by them (duplicates left out)', async () => {
    const byCategory = await groups(admin, { by: 'category', ...JAN }).expect(200);
    expect(byCategory.body.items.map((g: { key: string; received: number }) => [g.key, g.received])).toEqual([
      ['street_vending', 5],
      ['clutter', 3],
      ['parking', 2],
    ]);
    expect(row(byCategory.body, 'street_vending')).toMatchObject({ label: '占道经营', overdueNow: null });
    const bySource = await groups(admin, { by: 'source', ...JAN }).expect(200);
    expect(Object.fromEntries(bySource.body.items.map((g: { key: string; received: number }) => [g.key, g.received]))).toEqual({ miniprogram: 5, hotline: 2, patrol: 1, whistle: 2 });
    expect(row(bySource.body, 'hotline')!.label).toBe('12345 热线');
  });

  it('when exported as CSV, then a header and one line per group, rates as percentages', async () => {
    const res = await groups(admin, { by: 'station', ...JAN }, '/api/figures/groups.csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('figures-station-2025-01-01-2025-01-31.csv');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('分组,受理数,按时响应,办结,不予受理,评价数,满意,响应率,办结率,满意率,平均受理小时,平均办结小时,当前超期');
    expect(lines).toContain('海安市城管局嘉麟社区工作站,7,4,3,1,4,2,57.1%,42.9%,50.0%,2.1,20,4');
  });

  it.each([
    ['no grouping', {}, 'VALIDATION_FAILED'],
    ['an unknown grouping', { by: 'officer' }, 'VALIDATION_FAILED'],
    ['a range over a year', { by: 'station', from: '2024-01-01', to: '2025-06-01' }, 'INVALID_DATE_RANGE'],
    ['an unknown field', { by: 'station', scope: 'city' }, 'UNKNOWN_FIELD'],
  ])('when %s, then 400', async (_name, query, code) => {
    const res = await groups(admin, query).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('when a lead, a secretary or a resident asks, then 403; without a token 401', async () => {
    for (const user of [leadA, secretaryA, resident, officerA]) await groups(user, { by: 'station' }).expect(403);
    await groups(undefined, { by: 'station' }).expect(401);
  });
});

describe('GET /api/figures/overdue (a station\'s late cases, admins)', () => {
  it('when station A is asked for, then its four late open cases come most overdue first', async () => {
    const res = await api.http().get('/api/figures/overdue').query({ stationId: String(stationA) }).set('Authorization', admin.auth).expect(200);
    expect(res.body.items.map((c: { categoryName: string; status: string }) => [c.categoryName, c.status])).toEqual([
      ['乱堆乱放/环境卫生', 'in_progress'],
      ['乱堆乱放/环境卫生', 'submitted'],
      ['占道经营', 'in_progress'],
      ['乱堆乱放/环境卫生', 'submitted'],
    ]);
    const due = res.body.items.map((c: { dueAt: string }) => c.dueAt);
    expect(due).toEqual([...due].sort());
  });

  it('when the station is unknown, then 404; a malformed id 400; a lead 403', async () => {
    const unknown = await api.http().get('/api/figures/overdue').query({ stationId: '0123456789abcdef01234567' }).set('Authorization', admin.auth).expect(404);
    expect(unknown.body.error.code).toBe('STATION_NOT_FOUND');
    await api.http().get('/api/figures/overdue').query({ stationId: 'nope' }).set('Authorization', admin.auth).expect(400);
    await api.http().get('/api/figures/overdue').query({ stationId: String(stationA) }).set('Authorization', leadA.auth).expect(403);
  });
});
