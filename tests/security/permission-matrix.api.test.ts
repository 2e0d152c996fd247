// R5: the permission matrix, generated from the route tables. Every route of
// every module (server/src/modules/*/*.routes.ts, collected in ROUTES) is
// called by every kind of caller, each on fresh things owned by resident A at
// station S in community C, and each answer is held to the route's `allow`
// rule: a caller the rule leaves out gets 401, 403 or 404 — never 2xx — and
// a caller it lets in gets no 401/403/404. A route without a rule does not
// compile; a route without a request below, or a controller route missing
// from the tables, fails here.
import { MidwayWebRouterService } from '@midwayjs/core';
import sharp from 'sharp';
import type { Role } from '@citycare/shared';
import { ROUTES } from '../../server/src/modules/openapi/openapi-document';
import type { AccessRule, RouteDoc } from '../../server/src/modules/openapi/route-doc';
import { seedDemoData } from '../../server/src/seed/seed-demo';
import { startTestApi, type TestApi } from '../support/api-app';
import { loginAs, type TestUser } from '../support/auth';
import { samplePath, tableCovers } from '../support/routes';

const API_KEY = 'matrix-hotline-key';
const COMMUNITY = '嘉麟社区';
const OTHER_COMMUNITY = '平桥村';
const NEAR_S = { lat: 32.5372, lng: 120.4597 };
const DAY = 86_400_000;

let api: TestApi;
let stationS: string;
let stationT: string;
let photoBytes: Buffer;
let n = 0;

beforeAll(async () => {
  api = await startTestApi(__filename, { HOTLINE_API_KEYS: API_KEY, RATE_LIMIT_FACTOR: '0' });
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  stationS = String(stations.find((s) => s.community === COMMUNITY)!._id);
  stationT = String(stations.find((s) => s.community === OTHER_COMMUNITY)!._id);
  photoBytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
}, 60_000);

afterAll(() => api.close());

// ---- who calls --------------------------------------------------------------

const CALLERS = ['no token', 'resident A', 'resident B', 'officer of station T', 'lead of station T', 'secretary of 平桥村', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];

interface Caller {
  name: CallerName;
  user: TestUser | null;
  role?: Role;
  stationId?: string;
  community?: string;
}

/** May `caller` call a route with `rule`, on resident A's / station S's / community C's thing? */
function allowed(rule: AccessRule, caller: Caller): boolean {
  if (rule.who === 'anyone') return true;
  if (rule.who === 'api-key' || rule.who === 'demo' || !caller.user) return false;
  if (rule.who !== 'signed-in' && !rule.who.includes(caller.role!)) return false;
  if (!('of' in rule) || !rule.of) return true;
  return rule.of.some((relation) => {
    if (relation === 'owner') return caller.name === 'resident A';
    if (relation === 'station') return caller.stationId === stationS;
    if (relation === 'community') return caller.community === COMMUNITY;
    return caller.role === 'admin';
  });
}

// ---- what they call it on: resident A's things at station S ------------------

/** Things made on first use, once per route: each route gets a world of its own. */
class World {
  readonly residentA = loginAs(api.db, 'resident', { name: '居民甲', phone: '13800138000' });
  readonly leadS = loginAs(api.db, 'lead', { stationId: stationS });
  readonly officerS = loginAs(api.db, 'officer', { stationId: stationS });
  readonly secretaryC = loginAs(api.db, 'secretary', { community: COMMUNITY });
  readonly admin = loginAs(api.db, 'admin');
  readonly callers: Promise<Caller[]> = (async () => [
    { name: 'no token' as const, user: null },
    { name: 'resident A' as const, user: await this.residentA, role: 'resident' as const },
    { name: 'resident B' as const, user: await loginAs(api.db, 'resident'), role: 'resident' as const },
    { name: 'officer of station T' as const, user: await loginAs(api.db, 'officer', { stationId: stationT }), role: 'officer' as const, stationId: stationT },
    { name: 'lead of station T' as const, user: await loginAs(api.db, 'lead', { stationId: stationT }), role: 'lead' as const, stationId: stationT },
    { name: 'secretary of 平桥村' as const, user: await loginAs(api.db, 'secretary', { community: OTHER_COMMUNITY }), role: 'secretary' as const, community: OTHER_COMMUNITY },
    { name: 'admin' as const, user: await loginAs(api.db, 'admin'), role: 'admin' as const },
  ])();
  private readonly made = new Map<string, Promise<any>>();

  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.made.has(name)) this.made.set(name, make());
    return this.made.get(name)!;
  }

  async upload(by: TestUser): Promise<string> {
    const res = await api.http().post('/api/media').set('Authorization', by.auth).attach('file', photoBytes, `p${++n}.jpg`);
    return ok(res, 'upload').id;
  }

  /** Resident A's case at station S, with a photo. */
  case = () =>
    this.once('case', async () => {
      const a = await this.residentA;
      const photo = await this.upload(a);
      const res = await api.http().post('/api/cases').set('Authorization', a.auth).set('Idempotency-Key', `matrix-${++n}-case`).send({ ...caseBody(), photos: [photo] });
      return { id: ok(res, 'case').case.id as string, photo };
    });

  /** Another of resident A's cases at station S: a target to merge into. */
  otherCase = () =>
    this.once('otherCase', async () => {
      const a = await this.residentA;
      const res = await api.http().post('/api/cases').set('Authorization', a.auth).set('Idempotency-Key', `matrix-${++n}-other`).send(caseBody());
      return ok(res, 'other case').case.id as string;
    });

  event = () =>
    this.once('event', async () => {
      const lead = await this.leadS;
      const photo = await this.upload(lead);
      const res = await api.http().post('/api/staff/events').set('Authorization', lead.auth).send({ title: '开放日', kind: 'open_day', description: '参观工作站', place: '嘉麟工作站', photos: [photo] });
      return { id: ok(res, 'event').id as string, photo };
    });

  session = () =>
    this.once('session', async () => {
      const lead = await this.leadS;
      const start = Date.now() + 2 * DAY;
      const res = await api.http().post(`/api/staff/events/${(await this.event()).id}/sessions`).set('Authorization', lead.auth).send({ startAt: iso(start), endAt: iso(start + 3_600_000), capacity: 20 });
      return ok(res, 'session').id as string;
    });

  booking = () =>
    this.once('booking', async () => {
      const a = await this.residentA;
      const res = await api.http().post('/api/bookings').set('Authorization', a.auth).send({ sessionId: await this.session() });
      const body = ok(res, 'booking');
      return { id: body.id as string, code: body.code as string };
    });

  notice = () =>
    this.once('notice', async () => {
      const secretary = await this.secretaryC;
      const photo = await this.upload(secretary);
      const res = await api.http().post('/api/notices').set('Authorization', secretary.auth).send({ title: '停水通知', body: '周六上午停水', photos: [photo] });
      return { id: ok(res, 'notice').id as string, photo };
    });

  patrol = () =>
    this.once('patrol', async () => {
      const officer = await this.officerS;
      const photo = await this.upload(officer);
      const res = await api.http().post('/api/staff/patrols').set('Authorization', officer.auth).set('Idempotency-Key', `matrix-${++n}-patrol`).send({ ...patrolBody(), photos: [photo] });
      return { id: ok(res, 'patrol').id as string, photo };
    });

  zone = () =>
    this.once('zone', async () => {
      const res = await api.http().post('/api/zones').set('Authorization', (await this.leadS).auth).send(zoneBody());
      return ok(res, 'zone').id as string;
    });

  hotlineCase = () =>
    this.once('hotline', async () => {
      const hotlineId = `MX-${process.pid}-${++n}`;
      const res = await api.http().post('/api/hotline/cases').set('X-Api-Key', API_KEY).send({ hotlineId, category: 'clutter', text: '楼道堆物', address: '嘉麟社区', ...NEAR_S });
      ok(res, 'hotline case');
      return hotlineId;
    });

  /** A station of the bureau's own, made for this route (so deactivating it leaves station S alone). */
  station = () =>
    this.once('station', async () => {
      const res = await api.http().post('/api/admin/stations').set('Authorization', (await this.admin).auth).send(stationBody());
      return ok(res, 'station').id as string;
    });

  category = () =>
    this.once('category', async () => {
      const res = await api.http().post('/api/admin/categories').set('Authorization', (await this.admin).auth).send(categoryBody());
      return ok(res, 'category').id as string;
    });

  /** Someone an admin may appoint. */
  someUser = () => this.once('someUser', () => loginAs(api.db, 'resident'));
}

function ok(res: { status: number; body: any }, what: string) {
  if (res.status >= 300) throw new Error(`arranging ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const iso = (ms: number) => new Date(ms).toISOString();
const caseBody = () => ({ category: 'clutter', description: '楼道堆放纸箱', ...NEAR_S, address: '嘉麟社区 5 幢' });
const patrolBody = () => ({ startedAt: iso(Date.now() - 7_200_000), endedAt: iso(Date.now() - 3_600_000), area: '嘉麟社区东片' });
const stationBody = () => ({ name: `矩阵工作站 ${process.pid}-${++n}`, community: '矩阵社区', address: '矩阵路 1 号', lat: 32.53, lng: 120.47, phone: '0513-88880000', openingHours: '8:30-17:30' });
const categoryBody = () => ({ code: `matrix_${process.pid}_${++n}`, name: `矩阵类型${n}`, acceptHours: 4, resolveHours: 48 });
const zoneBody = () => ({ name: `矩阵摊位区 ${++n}`, ...NEAR_S, address: '中大街', hours: '17:00–22:00', stallCount: 10, rules: '收摊后清理', stationId: stationS });

// ---- the request each route gets (a route may have several) ------------------

interface Call {
  label?: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  send?: 'json' | 'form' | 'csv' | 'photo';
}
type Example = (w: World) => Promise<Call | Call[]>;

const EXAMPLES: Record<string, Example> = {
  'POST /api/auth/wechat': async () => ({ path: '/api/auth/wechat', body: { code: api.wechat.control.issueLoginCode() } }),
  'POST /api/auth/dev': async () => ({ path: '/api/auth/dev', body: { openid: 'demo-admin-1' } }),
  'PATCH /api/me': async () => ({ path: '/api/me', body: { name: '新名字' } }),
  'POST /api/me/phone': async () => ({ path: '/api/me/phone', body: { code: api.wechat.control.issuePhoneCode('13900139000') } }),
  'PUT /api/admin/users/{id}/role': async (w) => ({ path: `/api/admin/users/${(await w.someUser()).id}/role`, body: { role: 'officer', stationId: stationS } }),
  'GET /api/admin/users': async (w) => ({ path: '/api/admin/users', query: { openid: (await w.residentA).openid } }),
  'GET /api/stations/{id}': async () => ({ path: `/api/stations/${stationS}` }),
  'GET /api/admin/users/search': async () => ({ path: '/api/admin/users/search', query: { q: '8000' } }),
  'POST /api/admin/stations': async () => ({ path: '/api/admin/stations', body: stationBody() }),
  'PUT /api/admin/stations/{id}': async (w) => ({ path: `/api/admin/stations/${await w.station()}`, body: { phone: '0513-88881111' } }),
  'PUT /api/admin/stations/{id}/officers': async (w) => ({ path: `/api/admin/stations/${await w.station()}/officers`, body: { officers: [{ name: '值班队员', role: '城管队员', duties: ['巡查'] }] } }),
  'POST /api/admin/stations/{id}/deactivate': async (w) => ({ path: `/api/admin/stations/${await w.station()}/deactivate` }),
  'POST /api/admin/stations/{id}/reactivate': async (w) => ({ path: `/api/admin/stations/${await w.station()}/reactivate` }),
  'POST /api/admin/categories': async () => ({ path: '/api/admin/categories', body: categoryBody() }),
  'PUT /api/admin/categories/{id}': async (w) => ({ path: `/api/admin/categories/${await w.category()}`, body: { resolveHours: 72 } }),
  'POST /api/admin/categories/{id}/retire': async (w) => ({ path: `/api/admin/categories/${await w.category()}/retire` }),
  'POST /api/admin/categories/{id}/reinstate': async (w) => ({ path: `/api/admin/categories/${await w.category()}/reinstate` }),
  'GET /api/stations/nearest': async () => ({ path: '/api/stations/nearest', query: { lat: '32.5372', lng: '120.4597' } }),

  'POST /api/cases': async () => ({ path: '/api/cases', body: caseBody(), headers: { 'Idempotency-Key': `matrix-${++n}-new` } }),
  'GET /api/cases/{id}': async (w) => ({ path: `/api/cases/${(await w.case()).id}` }),
  'POST /api/cases/{id}/follow': async (w) => ({ path: `/api/cases/${(await w.case()).id}/follow` }),
  'POST /api/cases/{id}/supplements': async (w) => ({ path: `/api/cases/${(await w.case()).id}/supplements`, body: { text: '补充：晚上更严重' }, headers: { 'Idempotency-Key': `matrix-${++n}-supplement` } }),
  'PUT /api/me/community': async () => ({ path: '/api/me/community', body: { community: COMMUNITY } }),
  'POST /api/cases/{id}/rating': async (w) => ({ path: `/api/cases/${(await w.case()).id}/rating`, body: { score: 5 } }),
  'GET /api/staff/cases/{id}': async (w) => ({ path: `/api/staff/cases/${(await w.case()).id}` }),
  'POST /api/staff/cases/{id}/moves': async (w) => [
    { label: 'accept', path: `/api/staff/cases/${(await w.case()).id}/moves`, body: { move: 'accept' } },
    { label: 'merge', path: `/api/staff/cases/${await w.otherCase()}/moves`, body: { move: 'merge', targetCaseId: (await w.case()).id } },
  ],
  'POST /api/staff/cases/{id}/replies': async (w) => ({ path: `/api/staff/cases/${(await w.case()).id}/replies`, body: { text: '已派人处理' } }),
  'POST /api/staff/cases/{id}/reporter-phone': async (w) => ({ path: `/api/staff/cases/${(await w.case()).id}/reporter-phone` }),
  'POST /api/staff/cases/{id}/notes': async (w) => ({ path: `/api/staff/cases/${(await w.case()).id}/notes`, body: { text: '内部备注' } }),

  'POST /api/media': async () => ({ path: '/api/media', send: 'photo' }),
  'GET /api/media/{id}': async (w) => ({ path: `/api/media/${(await w.case()).photo}` }),
  'GET /api/media/{id}/thumb': async (w) => ({ path: `/api/media/${(await w.case()).photo}/thumb` }),
  'GET /api/media/{id}/urls': async (w) => ({ path: `/api/media/${(await w.case()).photo}/urls` }),

  'GET /api/events/{id}': async (w) => ({ path: `/api/events/${(await w.event()).id}` }),
  'GET /api/events/{id}/photos/{mediaId}': async (w) => ({ path: `/api/events/${(await w.event()).id}/photos/${(await w.event()).photo}` }),
  'GET /api/events/{id}/photos/{mediaId}/thumb': async (w) => ({ path: `/api/events/${(await w.event()).id}/photos/${(await w.event()).photo}/thumb` }),
  'POST /api/bookings': async (w) => ({ path: '/api/bookings', body: { sessionId: await w.session() } }),
  'GET /api/bookings/{id}': async (w) => ({ path: `/api/bookings/${(await w.booking()).id}` }),
  'POST /api/bookings/{id}/cancel': async (w) => ({ path: `/api/bookings/${(await w.booking()).id}/cancel` }),
  'POST /api/staff/events': async () => ({ path: '/api/staff/events', body: { stationId: stationS, title: '座谈会', kind: 'meeting', description: '听取意见', place: '会议室' } }),
  'PATCH /api/staff/events/{id}': async (w) => ({ path: `/api/staff/events/${(await w.event()).id}`, body: { place: '新地点' } }),
  'POST /api/staff/events/{id}/cancel': async (w) => ({ path: `/api/staff/events/${(await w.event()).id}/cancel` }),
  'POST /api/staff/events/{id}/sessions': async (w) => {
    const start = Date.now() + 3 * DAY;
    return { path: `/api/staff/events/${(await w.event()).id}/sessions`, body: { startAt: iso(start), endAt: iso(start + 3_600_000), capacity: 10 } };
  },
  'PATCH /api/staff/event-sessions/{id}': async (w) => ({ path: `/api/staff/event-sessions/${await w.session()}`, body: { capacity: 30 } }),
  'POST /api/staff/event-sessions/{id}/cancel': async (w) => ({ path: `/api/staff/event-sessions/${await w.session()}/cancel` }),
  'GET /api/staff/event-sessions/{id}/attendance': async (w) => ({ path: `/api/staff/event-sessions/${await w.session()}/attendance` }),
  'GET /api/staff/event-sessions/{id}/attendance.csv': async (w) => ({ path: `/api/staff/event-sessions/${await w.session()}/attendance.csv` }),
  'POST /api/staff/checkins': async (w) => ({ path: '/api/staff/checkins', body: { code: (await w.booking()).code } }),

  'GET /api/zones/{id}': async (w) => ({ path: `/api/zones/${await w.zone()}` }),
  'POST /api/zones': async () => ({ path: '/api/zones', body: zoneBody() }),
  'PATCH /api/zones/{id}': async (w) => ({ path: `/api/zones/${await w.zone()}`, body: { stallCount: 12 } }),
  'DELETE /api/zones/{id}': async (w) => ({ path: `/api/zones/${await w.zone()}` }),

  'GET /api/notices/{id}': async (w) => ({ path: `/api/notices/${(await w.notice()).id}` }),
  'GET /api/notices/{id}/photos/{mediaId}': async (w) => ({ path: `/api/notices/${(await w.notice()).id}/photos/${(await w.notice()).photo}` }),
  'GET /api/notices/{id}/photos/{mediaId}/thumb': async (w) => ({ path: `/api/notices/${(await w.notice()).id}/photos/${(await w.notice()).photo}/thumb` }),
  'POST /api/notices': async () => ({ path: '/api/notices', body: { title: '通知', body: '社区活动' } }),
  'PATCH /api/notices/{id}': async (w) => ({ path: `/api/notices/${(await w.notice()).id}`, body: { pinned: true } }),
  'POST /api/notices/{id}/withdraw': async (w) => ({ path: `/api/notices/${(await w.notice()).id}/withdraw` }),

  'POST /api/staff/patrols': async () => ({ path: '/api/staff/patrols', body: patrolBody(), headers: { 'Idempotency-Key': `matrix-${++n}-patrol` } }),
  'GET /api/staff/patrols/{id}': async (w) => ({ path: `/api/staff/patrols/${(await w.patrol()).id}` }),
  'GET /api/staff/patrols/{id}/photos/{mediaId}': async (w) => ({ path: `/api/staff/patrols/${(await w.patrol()).id}/photos/${(await w.patrol()).photo}` }),
  'GET /api/staff/patrols/{id}/photos/{mediaId}/thumb': async (w) => ({ path: `/api/staff/patrols/${(await w.patrol()).id}/photos/${(await w.patrol()).photo}/thumb` }),

  'GET /api/figures': async () => [
    { label: 'station S', path: '/api/figures', query: { scope: 'station', id: stationS } },
    { label: 'community C', path: '/api/figures', query: { scope: 'community', id: COMMUNITY } },
  ],

  'GET /api/figures/stations/{id}': async () => ({ path: `/api/figures/stations/${stationS}` }),
  'GET /api/figures/groups': async () => [
    { label: 'by station', path: '/api/figures/groups', query: { by: 'station' } },
    { label: 'by category', path: '/api/figures/groups', query: { by: 'category' } },
  ],
  'GET /api/figures/groups.csv': async () => ({ path: '/api/figures/groups.csv', query: { by: 'community' } }),
  'GET /api/figures/overdue': async () => ({ path: '/api/figures/overdue', query: { stationId: stationS } }),

  'POST /api/hotline/cases': async () => ({ path: '/api/hotline/cases', body: { hotlineId: `MX-new-${++n}`, category: 'clutter', text: '楼道堆物', address: '嘉麟社区', ...NEAR_S } }),
  'GET /api/hotline/cases/{hotlineId}': async (w) => ({ path: `/api/hotline/cases/${await w.hotlineCase()}` }),
  'POST /api/admin/hotline/import': async () => ({ path: '/api/admin/hotline/import', send: 'csv', body: `hotlineId,category,text,address,lat,lng\nMX-csv-${++n},clutter,楼道堆物,嘉麟社区,32.5372,120.4597\n` }),

  'GET /api/cases/nearby': async () => ({ path: '/api/cases/nearby', query: { lat: '32.5372', lng: '120.4597', category: 'clutter' } }),
  'GET /open311/v2/services/{code}.{format}': async () => ({ path: '/open311/v2/services/clutter.json' }),
  'GET /open311/v2/requests/{id}.{format}': async (w) => ({ path: `/open311/v2/requests/${(await w.case()).id}.json` }),
  'POST /open311/v2/requests.{format}': async () => ({ path: '/open311/v2/requests.json', send: 'form', body: `service_code=clutter&lat=32.5372&long=120.4597&description=${encodeURIComponent('楼道堆物')}` }),
};

/** Routes with no path parameter (but an Open311 format) and no body need no example: their path is the call. */
async function callsFor(route: RouteDoc, w: World): Promise<Call[]> {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  const example = EXAMPLES[key];
  if (example) return [await example(w)].flat();
  const path = route.path.replace('{format}', 'json');
  if (path.includes('{') || route.body) throw new Error(`no example request for ${key}: add one to EXAMPLES in ${__filename}`);
  return [{ path }];
}

function send(route: RouteDoc, call: Call, caller: Caller) {
  let req = api.http()[route.method](call.path);
  if (call.query) req = req.query(call.query);
  if (caller.user) req = req.set('Authorization', caller.user.auth);
  for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
  if (call.send === 'photo') return req.attach('file', photoBytes, 'matrix.jpg');
  if (call.send === 'form') return req.type('form').send(call.body as string);
  if (call.send === 'csv') return req.set('Content-Type', 'text/csv; charset=utf-8').send(call.body as string);
  return call.body === undefined ? req : req.send(call.body as object);
}

// ---- the matrix --------------------------------------------------------------

const DENIED = new Set([401, 403, 404]);
const rows: string[] = [];
const violations: string[] = [];

describe('R5 permission matrix (every route × every caller)', () => {
  it('when the app is running, then every controller route is in a route table and every table route is served', async () => {
    const router = await api.app.getApplicationContext().getAsync(MidwayWebRouterService);
    const served = (await router.getFlattenRouterTable()).map((r) => ({ method: r.requestMethod.toLowerCase(), path: r.fullUrl ?? r.url }));
    const missing = served.filter((r) => !ROUTES.some((t) => t.method === r.method && tableCovers(String(r.path), samplePath(t.path))));
    expect(missing.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([]);
    const unserved = ROUTES.filter((t) => !served.some((r) => t.method === r.method && tableCovers(String(r.path), samplePath(t.path))));
    expect(unserved.map((t) => `${t.method.toUpperCase()} ${t.path}`)).toEqual([]);
  });

  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const world = new World();
    const callers = await world.callers;
    const variants = (await callsFor(route, world)).length;
    // Those the rule leaves out first, so a caller who may change the thing (cancel, delete) goes last.
    const ordered = [...callers].sort((a, b) => Number(allowed(route.allow, a)) - Number(allowed(route.allow, b)));
    const wrong: string[] = [];
    for (let v = 0; v < variants; v++) {
      for (const caller of ordered) {
        // Asked again for each call: single-use things (login and phone codes) are fresh; the world's things are the same.
        const call = (await callsFor(route, world))[v];
        const may = allowed(route.allow, caller);
        const res = await send(route, call, caller);
        const what = `${route.method.toUpperCase()} ${route.path}${call.label ? ` (${call.label})` : ''} as ${caller.name}`;
        rows.push(`${what}: ${may ? 'may' : 'may not'} → ${res.status}`);
        if (res.status >= 500) wrong.push(`${what}: ${res.status}`);
        else if (!may && !DENIED.has(res.status)) wrong.push(`${what}: the rule says no, the API answered ${res.status}`);
        else if (may && DENIED.has(res.status)) wrong.push(`${what}: the rule says yes, the API answered ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    violations.push(...wrong);
    expect(wrong).toEqual([]);
  });

  afterAll(() => {
    const count = (pattern: RegExp) => rows.filter((r) => pattern.test(r)).length;
    // eslint-disable-next-line no-console
    console.log(
      `R5 permission matrix: ${ROUTES.length} routes (with variants) × ${CALLERS.length} callers = ${rows.length} calls; ` +
        `refused ${count(/ may not → /)} (unauthorised 2xx: ${count(/ may not → 2\d\d$/)}); allowed ${count(/ may → /)} (2xx: ${count(/ may → 2\d\d$/)}); ` +
        `rule mismatches: ${violations.length}`,
    );
    if (process.env.MATRIX_PRINT) console.log(rows.join('\n')); // eslint-disable-line no-console
  });
});
