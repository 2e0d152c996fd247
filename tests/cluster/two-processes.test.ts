// Two API processes (server/dist, as `npm run serve -- --workers 2` runs them) on one embedded
// database, each running every background job every 200 ms, with the requests spread over both:
// every notification reaches WeChat exactly once, every job effect happens once, and R1 (200
// residents booking 20 seats), R3 (one Idempotency-Key ×10) and R4 (concurrent moves) hold.
import mongoose, { Types, type Connection } from 'mongoose';
import { chinaDate, AUTO_CLOSE_AFTER_MS } from '@citycare/shared';
import { startWechatStandin, type WechatStandin } from '../../server/src/modules/wechat/standin';
import { seedDemoData } from '../../server/src/seed/seed-demo';
import { loginAs, type TestUser } from '../support/auth';
import { dropDatabase, spawnApi, waitUntilHealthy, type ApiProcess } from '../support/stack';
import { testDbName } from '../support/test-db';

const { findFreePort } = require('../../tools/lib/proc') as { findFreePort(start: number, host?: string): Promise<number> };

const HOST = '127.0.0.1';
const RESIDENTS = 200;
const JOBS_INTERVAL_MS = 200;
const HOTLINE_KEY = 'cluster-test-hotline-key-0123456789';
const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };

let db: Connection;
let wechat: WechatStandin;
const processes: ApiProcess[] = [];
const bases: string[] = [];
let residents: TestUser[];
let lead: TestUser;
let officers: TestUser[];
let stationA: string;

/** The i-th request goes to process i mod 2. */
async function call(i: number, method: string, path: string, opts: { auth?: TestUser; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${bases[i % bases.length]}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.auth ? { Authorization: opts.auth.auth } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Nothing left for the outbox workers of either process. */
const outboxDrained = () => eventually(async () => (await db.collection('outbox').countDocuments({ status: 'pending' })) === 0, 'the outbox is drained');

beforeAll(async () => {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is unset: run this under jest (tests/support/global-setup.js starts the database)');
  const dbName = testDbName(__filename);
  await dropDatabase(uri, dbName);
  wechat = await startWechatStandin();
  db = await mongoose.createConnection(uri, { dbName }).asPromise();
  await seedDemoData(db);
  stationA = String((await db.collection('stations').findOne({ community: '嘉麟社区' }))!._id);
  lead = await loginAs(db, 'lead', { stationId: stationA });
  officers = [];
  for (let i = 0; i < 10; i++) officers.push(await loginAs(db, 'officer', { stationId: stationA }));
  residents = [];
  for (let i = 0; i < RESIDENTS; i++) residents.push(await loginAs(db, 'resident', { name: `居民${i}` }));

  // Both start together: start-up (indexes, migrations) must be safe twice at once too.
  const ports = [await findFreePort(17_300, HOST)];
  ports.push(await findFreePort(ports[0] + 1, HOST));
  for (const port of ports) {
    bases.push(`http://${HOST}:${port}`);
    processes.push(
      spawnApi({
        ...process.env,
        MONGODB_URI: uri,
        MONGODB_DB: dbName,
        PORT: String(port),
        HOST,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        JOBS_INTERVAL_MS: String(JOBS_INTERVAL_MS),
        RATE_LIMIT_FACTOR: '100',
        SESSION_CACHE_MS: '0',
        REDIS_URL: '',
        PHOTO_URL_SECRET: 'cluster-test-photo-url-secret-0123456789',
        HOTLINE_API_KEYS: HOTLINE_KEY,
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appid,
        WECHAT_SECRET: wechat.secret,
      }),
    );
  }
  await Promise.all(processes.map((p, i) => waitUntilHealthy(p, bases[i])));
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  if (db) {
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  }
  await wechat?.stop();
});

async function newSession(capacity: number): Promise<string> {
  const event = await call(0, 'POST', '/api/staff/events', {
    auth: lead,
    body: { title: '城管开放日：走进嘉麟工作站', kind: 'open_day', description: '参观工作站，了解城管日常工作，现场答疑。', place: '嘉麟社区城管工作站' },
  });
  expect(event.status).toBe(201);
  const at = Date.now() + 2 * 24 * 3600_000;
  const session = await call(1, 'POST', `/api/staff/events/${event.body.id}/sessions`, {
    auth: lead,
    body: { startAt: new Date(at).toISOString(), endAt: new Date(at + 2 * 3600_000).toISOString(), capacity },
  });
  expect(session.status).toBe(201);
  return session.body.id as string;
}

let reportSeq = 0;
async function report(i: number, by: TestUser): Promise<string> {
  const res = await call(i, 'POST', '/api/cases', {
    auth: by,
    headers: { 'Idempotency-Key': `cluster-${process.pid}-${++reportSeq}` },
    body: { category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', ...NEAR_JIALIN },
  });
  expect(res.status).toBe(201);
  return res.body.case.id as string;
}

describe('R1 with the requests spread over two processes', () => {
  let sessionId: string;
  let confirmed: Array<{ id: string; owner: TestUser }>;

  it('when 200 residents book one session of 20 at once, then exactly 20 are confirmed and 180 wait in distinct places', async () => {
    sessionId = await newSession(20);
    const results = await Promise.all(residents.map((r, i) => call(i, 'POST', '/api/bookings', { auth: r, body: { sessionId, partySize: 1 } })));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const statuses = results.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(180);
    const sid = new Types.ObjectId(sessionId);
    const seats = await db.collection('event_seats').find({ sessionId: sid, bookingId: { $ne: null } }).toArray();
    expect(seats).toHaveLength(20);
    expect(new Set(seats.map((s) => s.seat)).size).toBe(20);
    const line = await db.collection('event_waitlist').find({ sessionId: sid }).toArray();
    expect(new Set(line.map((e) => e.position)).size).toBe(180);
    confirmed = results.map((r, i) => ({ r, owner: residents[i] })).filter(({ r }) => r.body.status === 'confirmed').map(({ r, owner }) => ({ id: r.body.id as string, owner }));
  }, 90_000);

  it('when 5 confirmed residents cancel at once on both processes, then the first 5 in line are promoted and each is told exactly once', async () => {
    const sid = new Types.ObjectId(sessionId);
    await outboxDrained();
    const line = await db.collection('event_waitlist').find({ sessionId: sid }).sort({ position: 1 }).limit(5).toArray();
    const firstInLine = line.map((e) => String(e.bookingId)).sort();
    const sentBefore = wechat.sent.length;
    const results = await Promise.all(confirmed.slice(0, 5).map(({ id, owner }, i) => call(i, 'POST', `/api/bookings/${id}/cancel`, { auth: owner })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const nowConfirmed = await db.collection('event_bookings').find({ sessionId: sid, status: 'confirmed' }).toArray();
    expect(nowConfirmed).toHaveLength(20);
    expect(nowConfirmed.map((b) => String(b._id)).filter((id) => firstInLine.includes(id)).sort()).toEqual(firstInLine);
    expect(await db.collection('event_seats').countDocuments({ sessionId: sid, bookingId: { $ne: null } })).toBe(20);

    await outboxDrained();
    const promoted = await db.collection('event_bookings').find({ _id: { $in: firstInLine.map((id) => new Types.ObjectId(id)) } }).toArray();
    const openids = new Set(residents.filter((r) => promoted.some((b) => String(b.userId) === r.id)).map((r) => r.openid));
    expect(openids.size).toBe(5);
    const toPromoted = wechat.sent.slice(sentBefore).filter((m) => openids.has(m.touser));
    expect(toPromoted).toHaveLength(5);
    expect(new Set(toPromoted.map((m) => m.touser)).size).toBe(5);
  }, 60_000);
});

it('R3: when one Idempotency-Key is sent 10 times at once over both processes, then exactly one case exists and all get it', async () => {
  const key = `cluster-r3-${process.pid}-${Date.now()}`;
  const before = await db.collection('cases').countDocuments();
  const body = { category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', ...NEAR_JIALIN };
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => call(i, 'POST', '/api/cases', { auth: residents[0], headers: { 'Idempotency-Key': key }, body })),
  );
  expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.case.id));
  expect(ids.size).toBe(1);
  expect(await db.collection('cases').countDocuments()).toBe(before + 1);
}, 30_000);

it('R4: when 10 officers accept one case at once over both processes, then exactly one wins and the rest get 409', async () => {
  const id = await report(0, residents[1]);
  const results = await Promise.all(officers.map((o, i) => call(i, 'POST', `/api/staff/cases/${id}/moves`, { auth: o, body: { move: 'accept' } })));
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  const events = await db.collection('case_events').find({ caseId: new Types.ObjectId(id) }).toArray();
  expect(events.filter((e) => e.move === 'accept')).toHaveLength(1);
}, 30_000);

it('the hotline: one 12345 case delivered 10 times at once over both processes is taken in once', async () => {
  const hotlineId = `HC${Date.now()}${process.pid}`;
  const body = { hotlineId, category: 'street_vending', text: '来电反映：嘉麟社区东门早上有流动摊贩占道经营', address: '嘉麟社区东门', ...NEAR_JIALIN };
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i, 'POST', '/api/hotline/cases', { headers: { 'X-Api-Key': HOTLINE_KEY }, body })));
  expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
  expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  expect(new Set(results.map((r) => r.body.caseId)).size).toBe(1);
  expect(await db.collection('cases').countDocuments({ _id: new Types.ObjectId(results[0].body.caseId as string) })).toBe(1);
  expect(await db.collection('hotline_cases').countDocuments({ _id: hotlineId as unknown as Types.ObjectId })).toBe(1);
}, 30_000);

describe('background jobs in both processes', () => {
  const cases: string[] = [];

  it('when 12 cases are moved through their lifecycle on both processes, then every notification is sent exactly once', async () => {
    await outboxDrained();
    const sentBefore = wechat.sent.length;
    const outboxBefore = await db.collection('outbox').countDocuments();
    for (let i = 0; i < 12; i++) cases.push(await report(i, residents[10 + i]));
    await Promise.all(
      cases.map(async (id, i) => {
        for (const body of [{ move: 'accept' }, { move: 'start' }, { move: 'resolve', note: '已劝离摊贩', outcome: 'fixed' }]) {
          const res = await call(i + body.move.length, 'POST', `/api/staff/cases/${id}/moves`, { auth: officers[i % officers.length], body });
          expect(res.status).toBe(200);
        }
      }),
    );
    await outboxDrained();
    const entries = await db.collection('outbox').find().skip(outboxBefore).toArray();
    expect(entries.length).toBeGreaterThanOrEqual(12 * 3);
    expect(entries.every((e) => e.status === 'sent' && e.attempts === 1)).toBe(true);
    expect(wechat.sent.length - sentBefore).toBe(entries.length);
    // One claim per attempt, never two.
    const claims = await db.collection('outbox_claims').find({ entryId: { $in: entries.map((e) => e._id) } }).toArray();
    expect(claims).toHaveLength(entries.length);
  }, 120_000);

  it('when those cases are 8 days past resolution, then the auto-close job closes each exactly once', async () => {
    expect(cases).toHaveLength(12);
    const ids = cases.map((id) => new Types.ObjectId(id));
    const resolvedAt = new Date(Date.now() - 8 * 24 * 3600_000);
    const day = chinaDate(new Date(resolvedAt.getTime() + AUTO_CLOSE_AFTER_MS));
    const before = await db.collection('cases').find({ _id: { $in: ids } }).toArray();
    await db.collection('cases').updateMany({ _id: { $in: ids } }, { $set: { resolvedAt, closeDue: `all|${day}` } });
    // Mark the auto-close day lists as changed, as a case move does (case-aggregates.ts).
    const marks = [...new Set([`r|all|${day}`, ...before.map((c) => `r|${c.closeDue}`)])];
    await db.collection('case_aggregates_dirty').insertMany(marks.map((_id) => ({ _id: _id as unknown as Types.ObjectId, kind: 'r', scope: 'all', at: new Date() })));
    const sentBefore = wechat.sent.length;
    const outboxBefore = await db.collection('outbox').countDocuments();

    await eventually(async () => (await db.collection('cases').countDocuments({ _id: { $in: ids }, status: 'closed' })) === 12, 'all 12 cases are closed', 60_000);
    // Give both processes' jobs several more runs to (wrongly) close anything twice.
    await new Promise((r) => setTimeout(r, 10 * JOBS_INTERVAL_MS));
    await outboxDrained();
    const closes = await db.collection('case_events').find({ caseId: { $in: ids }, move: 'close' }).toArray();
    expect(closes).toHaveLength(12);
    expect(new Set(closes.map((e) => String(e.caseId))).size).toBe(12);
    const newEntries = await db.collection('outbox').countDocuments() - outboxBefore;
    expect(wechat.sent.length - sentBefore).toBe(newEntries);
  }, 120_000);
});
