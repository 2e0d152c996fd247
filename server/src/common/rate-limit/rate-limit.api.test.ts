import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';
import { OTHER_WRITES, RATE_LIMITS } from '../../config/rate-limits';

// The real limits (RATE_LIMIT_FACTOR=1), counters in memory. TRUST_PROXY=1 so
// each test can be its own client address (X-Forwarded-For) and no test
// spends another's counter.
// One key per test that counts per key: the hotline limit's key counter is shared by its routes.
const API_KEYS = ['rate-limit-key-1', 'rate-limit-key-2', 'rate-limit-key-3', 'rate-limit-key-4'];
let lastKey = 0;
const NEAR_JIALIN = { lat: 32.5372, lng: 120.4597 };

let api: TestApi;
let lastIp = 0;
const newIp = () => `203.0.113.${++lastIp}`;

beforeAll(async () => {
  api = await startTestApi(__filename, { RATE_LIMIT_FACTOR: '1', TRUST_PROXY: '1', HOTLINE_API_KEYS: API_KEYS.join(','), DEV_LOGIN: '1' });
  await seedDemoData(api.db);
}, 60_000);

afterAll(() => api.close());

const login = (ip: string, code: string) => api.http().post('/api/auth/wechat').set('X-Forwarded-For', ip).send({ code });

function expectRateLimited(res: { status: number; body: any; headers: Record<string, string> }, windowS: number) {
  expect(res.status).toBe(429);
  if (Array.isArray(res.body)) {
    // Open311 answers errors in its specification's form
    expect(res.body).toEqual([{ code: 429, description: expect.stringContaining('RATE_LIMITED') }]);
  } else {
    expect(res.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String), requestId: expect.any(String) } });
  }
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowS);
}

describe('login (issue 10: one client must not lock every resident out)', () => {
  it('when one client sends 100 logins in a burst, then 20 reach WeChat, the rest 429, and a resident elsewhere still signs in', async () => {
    api.wechat.control.reset();
    const attacker = newIp();
    const codes = Array.from({ length: 100 }, () => api.wechat.control.issueLoginCode());
    const results = await Promise.all(codes.map((code) => login(attacker, code)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMITS.login.rules[0].max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - RATE_LIMITS.login.rules[0].max);
    expectRateLimited(results.find((r) => r.status === 429)!, 60);
    expect(api.wechat.calls.jscode2session).toBe(20); // WeChat's shared per-minute quota (100) is not used up

    const resident = await login(newIp(), api.wechat.control.issueLoginCode());
    expect(resident.status).toBe(200);
  });

  it('when one code is sent again and again, even from many addresses, then the 4th try is 429 before it reaches WeChat', async () => {
    api.wechat.control.reset();
    const code = 'dev:rate-limited-openid';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(newIp(), code)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(api.wechat.calls.jscode2session).toBe(3);
  });

  it('when the demo login is hammered, then it is limited like the WeChat login', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.http().post('/api/auth/dev').set('X-Forwarded-For', ip).send({ openid: 'demo-resident-1' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('case creation (R12)', () => {
  it('when one resident sends 100 case reports at once, then 5 cases are made and 95 answers are 429 with Retry-After', async () => {
    const resident = await loginAs(api.db, 'resident');
    const ip = newIp();
    const body = { category: 'clutter', description: '楼道堆放纸箱', ...NEAR_JIALIN, address: '嘉麟社区 5 幢' };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.http().post('/api/cases').set('Authorization', resident.auth).set('X-Forwarded-For', ip).set('Idempotency-Key', `burst-${i}-0000`).send(body),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(95);
    // Every attempt counts in both windows (5 a minute, 30 an hour), so a late one may be told to wait for the hour.
    expectRateLimited(results.find((r) => r.status === 429)!, 3600);
    expect(await api.db.collection('cases').countDocuments({ reporterId: new Types.ObjectId(resident.id) })).toBe(5);
  });
});

/**
 * Every limit of the table at its real number: `max` requests pass the
 * limiter (whatever the handler then answers: a 404 for a made-up id counts
 * as much as a 201), the next is 429. A counter per user is checked with one
 * user from many addresses; a counter per address with a new user each time.
 */
describe('every limit in config/rate-limits.ts', () => {
  const someId = () => new Types.ObjectId().toHexString();
  const pathOf = (route: string) => route.split(' ')[1].replace('{format}', 'json').replace(/\{[^}]+\}/g, someId);

  type Case = [string, string, 'user' | 'ip' | 'apiKey', number];
  const cases: Case[] = [];
  for (const [name, limit] of Object.entries(RATE_LIMITS)) {
    for (const route of limit.routes) {
      for (const rule of limit.rules) {
        if (rule.per === 'code' || rule.windowS > 60) continue; // login codes above; hour windows follow from the minute ones
        // The tightest counter of each kind is the one a client meets.
        const tightest = Math.min(...limit.rules.filter((r) => r.per === rule.per && r.windowS <= 60).map((r) => r.max));
        if (rule.max === tightest) cases.push([name, route, rule.per, rule.max]);
      }
    }
  }
  cases.push(['otherWrites', 'PATCH /api/me', 'user', OTHER_WRITES.rules[0].max], ['otherWrites', 'POST /api/notices', 'ip', OTHER_WRITES.rules[1].max]);

  it.each(cases)('%s: %s per %s — %i pass, then 429', async (_name, route, per, max) => {
    const method = route.split(' ')[0].toLowerCase() as 'post' | 'patch';
    const fixedIp = newIp();
    const fixedUser = await loginAs(api.db, 'resident');
    const apiKey = API_KEYS[lastKey++ % API_KEYS.length];
    const send = async (i: number) => {
      let req = api.http()[method](pathOf(route));
      if (per === 'apiKey') req = req.set('X-Api-Key', apiKey).set('X-Forwarded-For', `198.51.100.${i % 250}`);
      if (per === 'user') req = req.set('Authorization', fixedUser.auth).set('X-Forwarded-For', `198.51.${Math.floor(i / 250)}.${i % 250}`);
      if (per === 'ip') req = req.set('X-Forwarded-For', fixedIp); // no user: only the address counts
      if (route.startsWith('POST /open311')) req = req.type('form').send('service_code=x');
      else if (route !== 'POST /api/media') req = req.send({});
      return req;
    };
    for (let i = 0; i < max; i += 25) {
      const batch = await Promise.all(Array.from({ length: Math.min(25, max - i) }, (_, j) => send(i + j)));
      expect(batch.filter((r) => r.status === 429)).toEqual([]);
    }
    expectRateLimited(await send(max), 60);
  });
});

describe('reads and other clients', () => {
  it('when a client reads a lot, then reads are not limited', async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 150 }, () => api.http().get('/api/stations').set('X-Forwarded-For', ip)));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('when a resident is limited, then another resident at the same address is not', async () => {
    const ip = newIp();
    const [a, b]: TestUser[] = [await loginAs(api.db, 'resident'), await loginAs(api.db, 'resident')];
    const book = (u: TestUser) => api.http().post('/api/bookings').set('Authorization', u.auth).set('X-Forwarded-For', ip).send({});
    for (let i = 0; i < RATE_LIMITS.booking.rules[0].max; i++) expect((await book(a)).status).toBe(400);
    expect((await book(a)).status).toBe(429);
    expect((await book(b)).status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('when a client reads it, then every write lists 429 RATE_LIMITED and no read does (reads are not limited)', async () => {
    const { body } = await api.http().get('/api/openapi.json').expect(200);
    for (const [path, operations] of Object.entries(body.paths as Record<string, Record<string, { responses: Record<string, { description: string }> }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get') expect([path, operation.responses['429']]).toEqual([path, undefined]);
        else expect([path, method, operation.responses['429']?.description]).toEqual([path, method, expect.stringContaining('RATE_LIMITED')]);
      }
    }
  });
});
