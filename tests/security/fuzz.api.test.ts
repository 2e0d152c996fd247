// R7: generated hostile inputs for every route in the route tables, made from
// the shared schemas (tests/support/fuzz-inputs.ts), sent by a caller the
// route's rule lets in (so they reach the handler, not just the door). No
// answer may be a 5xx, carry a stack trace, or name what runs underneath
// (mongoose, MongoDB, FerretDB, SQLite, PostgreSQL), and the server must
// answer after each route.
//
// `npm test` runs FUZZ_RUNS inputs per route (default 100) from the fixed seed
// FUZZ_SEED; the nightly size is FUZZ_RUNS=1000 (≥ 1,000 per endpoint):
//   FUZZ_RUNS=1000 node node_modules/jest/bin/jest.js --selectProjects security -t R7
import fc from 'fast-check';
import sharp from 'sharp';
import { ROUTES } from '../../server/src/modules/openapi/openapi-document';
import { jsonSchemaOf, type RouteDoc } from '../../server/src/modules/openapi/route-doc';
import { open311PostForm, hotlineCaseBody } from '@citycare/shared';
import { seedDemoData } from '../../server/src/seed/seed-demo';
import { startTestApi, type TestApi } from '../support/api-app';
import { loginAs, type TestUser } from '../support/auth';
import { bodyOf, hostileValue, LEAK, pathParamOf, queryOf, queryString, safeEncode } from '../support/fuzz-inputs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_130);
const API_KEY = 'fuzz-hotline-key';
const NEAR = { lat: 32.5372, lng: 120.4597 };

let api: TestApi;
let users: Record<'resident' | 'officer' | 'lead' | 'secretary' | 'admin', TestUser>;
/** Real ids of things that exist, by the path parameter that names them. */
const real: Record<string, string[]> = {};
const answered: Record<string, number> = {};

beforeAll(async () => {
  api = await startTestApi(__filename, { HOTLINE_API_KEYS: API_KEY, RATE_LIMIT_FACTOR: '0', DEV_LOGIN: '1', HOTLINE_PHONE_KEY: '11'.repeat(32) });
  await seedDemoData(api.db);
  const station = String((await api.db.collection('stations').findOne({ community: '嘉麟社区' }))!._id);
  users = {
    resident: await loginAs(api.db, 'resident', { phone: '13800138000' }),
    officer: await loginAs(api.db, 'officer', { stationId: station }),
    lead: await loginAs(api.db, 'lead', { stationId: station }),
    secretary: await loginAs(api.db, 'secretary', { community: '嘉麟社区' }),
    admin: await loginAs(api.db, 'admin'),
  };
  await arrangeThings(station);
}, 120_000);

afterAll(async () => {
  const routes = Object.keys(answered).length;
  const total = Object.values(answered).reduce((a, b) => a + b, 0);
  // eslint-disable-next-line no-console
  console.log(`R7 fuzzing: ${routes} routes, ${RUNS} generated inputs each (seed ${SEED}), ${total} requests, 0 5xx / stack traces / internal names allowed`);
  await api.close();
});

async function arrangeThings(station: string) {
  const as = (u: TestUser) => ({ Authorization: u.auth });
  const post = async (path: string, user: TestUser, body: unknown, headers: Record<string, string> = {}) => {
    const res = await api.http().post(path).set({ ...as(user), ...headers }).send(body as object);
    if (res.status >= 300) throw new Error(`arranging ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const upload = async (u: TestUser) => (await api.http().post('/api/media').set(as(u)).attach('file', jpeg, 'a.jpg')).body.id as string;
  const casePhoto = await upload(users.resident);
  const c = await post('/api/cases', users.resident, { category: 'clutter', description: '楼道堆物', ...NEAR, address: '嘉麟', photos: [casePhoto] }, { 'Idempotency-Key': 'fuzz-case-0001' });
  const eventPhoto = await upload(users.lead);
  const event = await post('/api/staff/events', users.lead, { title: '开放日', kind: 'open_day', description: '参观', place: '工作站', photos: [eventPhoto] });
  const start = Date.now() + 2 * 86_400_000;
  const session = await post(`/api/staff/events/${event.id}/sessions`, users.lead, { startAt: new Date(start).toISOString(), endAt: new Date(start + 3_600_000).toISOString(), capacity: 50 });
  const booking = await post('/api/bookings', users.resident, { sessionId: session.id });
  const noticePhoto = await upload(users.secretary);
  const notice = await post('/api/notices', users.secretary, { title: '通知', body: '内容', photos: [noticePhoto] });
  const patrolPhoto = await upload(users.officer);
  const patrol = await post('/api/staff/patrols', users.officer, { startedAt: new Date(Date.now() - 7_200_000).toISOString(), endedAt: new Date(Date.now() - 3_600_000).toISOString(), area: '东片', photos: [patrolPhoto] }, { 'Idempotency-Key': 'fuzz-patrol-0001' });
  const zone = await post('/api/zones', users.lead, { name: '中大街', ...NEAR, address: '中大街', hours: '全天', stallCount: 5, rules: '整洁' });
  await api.http().post('/api/hotline/cases').set('X-Api-Key', API_KEY).send({ hotlineId: 'FUZZ-1', category: 'clutter', text: '堆物', address: '嘉麟', ...NEAR });
  const ids = [c.case.id, event.id, session.id, booking.id, notice.id, patrol.id, zone.id, casePhoto, eventPhoto, noticePhoto, patrolPhoto, station, users.resident.id];
  Object.assign(real, {
    id: ids,
    mediaId: [casePhoto, eventPhoto, noticePhoto, patrolPhoto],
    hotlineId: ['FUZZ-1'],
    code: ['clutter', 'street_vending'],
    format: ['json', 'xml'],
    all: ids,
  });
}

/** A caller the route's rule lets in. */
function callerFor(route: RouteDoc): { headers: Record<string, string> } {
  const rule = route.allow;
  if (rule.who === 'anyone' || rule.who === 'demo') return { headers: {} };
  if (rule.who === 'api-key') return { headers: { 'X-Api-Key': API_KEY } };
  if (rule.who === 'signed-in') return { headers: { Authorization: users.resident.auth } };
  const role = rule.who.includes('admin') ? 'admin' : rule.who[0];
  return { headers: { Authorization: users[role as keyof typeof users].auth } };
}

interface Input {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  rawBody: string | null;
  idempotencyKey: string;
}

function inputsFor(route: RouteDoc): fc.Arbitrary<Input> {
  const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params = fc.record(Object.fromEntries(paramNames.map((p) => [p, p === 'format' ? fc.constantFrom('json', 'xml', 'html', 'json.', '') : pathParamOf(real[p] ?? real.all)])));
  const query = queryOf(route.query && (jsonSchemaOf(route.query) as never), real.all);
  const body = bodyOf(route.body && (jsonSchemaOf(route.body) as never), real.all);
  // One body in nine is not JSON of the schema at all.
  const rawBody = fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', '\u0000', 'null', '"x"', '{"__proto__":{"x":1}}', 'a=1&b=2', '') });
  const idempotencyKey = fc.oneof({ weight: 9, arbitrary: fc.stringMatching(/^[\w-]{8,64}$/) }, { weight: 1, arbitrary: fc.constantFrom('', 'short', 'x'.repeat(65), '../../../') });
  return fc.record({ params, query, body, rawBody, idempotencyKey });
}

/** Bodies of the routes that do not take JSON: a photo upload, an Open311 form, a CSV import. */
function special(route: RouteDoc): fc.Arbitrary<{ kind: 'photo' | 'form' | 'csv'; payload: string | Buffer }> | null {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  if (key === 'POST /api/media') {
    return fc.oneof(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(Buffer.from('<svg onload=alert(1)>'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), Buffer.from('GIF89a'))).map((bytes) => ({ kind: 'photo' as const, payload: Buffer.from(bytes) }));
  }
  if (key === 'POST /open311/v2/requests.{format}') {
    return bodyOf(jsonSchemaOf(open311PostForm) as never).map((fields) => ({ kind: 'form' as const, payload: formOf(fields) }));
  }
  if (key === 'POST /api/admin/hotline/import') {
    const row = bodyOf(jsonSchemaOf(hotlineCaseBody) as never);
    return fc.tuple(fc.constantFrom('hotlineId,category,text,address,lat,lng,coordSystem,callerPhone,stationId', 'hotlineId,category', '', '\uFEFFa,a,a', 'x'.repeat(3000)), fc.array(row, { maxLength: 5 })).map(([header, rows]) => ({
      kind: 'csv' as const,
      payload: [header, ...rows.map((r) => (r && typeof r === 'object' ? Object.values(r).map((v) => JSON.stringify(v) ?? '').join(',') : String(r)))].join('\r\n'),
    }));
  }
  return null;
}

function formOf(fields: unknown): string {
  if (!fields || typeof fields !== 'object') return String(fields);
  return Object.entries(fields)
    .map(([k, v]) => `${safeEncode(k)}=${safeEncode(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`)
    .join('&')
    .concat(`&api_key=${API_KEY}`);
}

function check(route: RouteDoc, what: string, res: { status: number; text?: string; headers: Record<string, string> }) {
  const body = /^(image|application\/octet-stream)/.test(res.headers['content-type'] ?? '') ? '' : res.text ?? '';
  if (res.status >= 500) throw new Error(`${what}: ${res.status} ${body.slice(0, 300)}`);
  const leak = LEAK.exec(body);
  if (leak) throw new Error(`${what}: the answer names "${leak[0]}": ${body.slice(0, 300)}`);
}

describe('R7 fuzzing: generated hostile inputs for every route', () => {
  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (name, route) => {
    const caller = callerFor(route);
    const other = special(route);
    const arbitrary = fc.tuple(inputsFor(route), other ?? fc.constant(null));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([input, extra]) => {
        const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => input.params[p]);
        let req = api.http()[route.method](path).set(caller.headers).set('Idempotency-Key', input.idempotencyKey).query(queryString(input.query));
        if (extra?.kind === 'photo') req = req.attach('file', extra.payload as Buffer, 'fuzz.jpg');
        else if (extra?.kind === 'form') req = req.type('form').send(extra.payload as string);
        else if (extra?.kind === 'csv') req = req.set('Content-Type', 'text/csv; charset=utf-8').send(extra.payload as string);
        else if (route.method !== 'get') {
          req = req.set('Content-Type', 'application/json').send(input.rawBody ?? JSON.stringify(input.body) ?? 'null');
        }
        const res = await req;
        answered[name] = (answered[name] ?? 0) + 1;
        check(route, `${route.method.toUpperCase()} ${path}`, res);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // the server is still up
    const live = await api.http().get('/api/health/live');
    expect(live.status).toBe(200);
  }, Math.max(60_000, RUNS * 500));

  it('when a body is a bare hostile value, then every JSON write still answers 4xx', async () => {
    const writes = ROUTES.filter((r) => r.method !== 'get' && !special(r));
    const values = fc.sample(hostileValue, { numRuns: 20, seed: SEED });
    for (const route of writes) {
      const caller = callerFor(route);
      const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => (real[p] ?? real.all)[0]);
      for (const value of values) {
        const res = await api.http()[route.method](path).set(caller.headers).set('Content-Type', 'application/json').send(JSON.stringify(value) ?? 'null');
        check(route, `${route.method.toUpperCase()} ${path} with ${JSON.stringify(value)?.slice(0, 40)}`, res);
      }
    }
  }, 120_000);
});
