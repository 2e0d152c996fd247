import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';
import { OutboxWorker } from '../notifications/outbox.worker';
import { AutoCloseJob } from './auto-close.job';
import type { CaseDoc } from './case.model';
import { derivedFields } from './case-derived';
import { CaseRebuild } from './case-rebuild';
import { StationDirectory } from '../stations/station-directory';

const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };

let api: TestApi;
let stationA: string; // 嘉麟
let stationB: string; // 平桥村
let reporter: TestUser;
let otherResident: TestUser;
let officerA: TestUser;
let leadA: TestUser;
let officerB: TestUser;
let secretary: TestUser;

let keyCounter = 0;
const newKey = () => `key-${Date.now()}-${++keyCounter}`;

const caseBody = (over: Record<string, unknown> = {}) => ({
  category: 'street_vending',
  description: '小区门口有流动摊贩占道经营，影响通行',
  lat: NEAR_JIALIN.lat,
  lng: NEAR_JIALIN.lng,
  address: '嘉麟社区东门',
  ...over,
});

async function report(user: TestUser = reporter, over: Record<string, unknown> = {}) {
  const res = await api.http().post('/api/cases').set('Authorization', user.auth).set('Idempotency-Key', newKey()).send(caseBody(over));
  expect(res.status).toBe(201);
  return res.body.case.id as string;
}

const move = (user: TestUser, id: string, body: Record<string, unknown>) =>
  api.http().post(`/api/staff/cases/${id}/moves`).set('Authorization', user.auth).send(body);

async function resolved(): Promise<string> {
  const id = await report();
  await move(officerA, id, { move: 'accept' }).expect(200);
  await move(officerA, id, { move: 'start' }).expect(200);
  await move(officerA, id, { move: 'resolve', note: '已劝离摊贩', outcome: 'fixed' }).expect(200);
  return id;
}

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().sort({ name: 1 }).toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  reporter = await loginAs(api.db, 'resident', { name: '张三', phone: '13812341234' });
  otherResident = await loginAs(api.db, 'resident');
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  leadA = await loginAs(api.db, 'lead', { stationId: stationA });
  officerB = await loginAs(api.db, 'officer', { stationId: stationB });
  secretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
}, 60_000);

afterAll(() => api.close());

describe('reporting a case (随手拍)', () => {
  it('when a resident reports near 嘉麟, then it is routed to that station with SLA deadlines and a timeline', async () => {
    const id = await report();
    const res = await api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth).expect(200);
    expect(res.body.case).toMatchObject({ status: 'submitted', stationId: stationA, source: 'miniprogram', overdue: false });
    expect(new Date(res.body.case.acceptBy).getTime() - new Date(res.body.case.createdAt).getTime()).toBe(2 * 3600_000);
    expect(res.body.case).not.toHaveProperty('reporter');
  });

  it('when the body tries to set status, reporter, station or counters, then 400 UNKNOWN_FIELD and nothing is written', async () => {
    const before = await api.db.collection('cases').countDocuments();
    for (const extra of [{ status: 'closed' }, { reporterId: otherResident.id }, { stationId: stationB }, { seq: 99 }, { rating: 5 }]) {
      const res = await api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', newKey()).send(caseBody(extra));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('UNKNOWN_FIELD');
    }
    expect(await api.db.collection('cases').countDocuments()).toBe(before);
  });

  it.each([
    ['$ne in category', { category: { $ne: null } }],
    ['$gt in lat', { lat: { $gt: 0 } }],
    ['$where key', { $where: 'sleep(100)' }],
    ['description too long', { description: '长'.repeat(501) }],
    ['10 photos', { photos: Array(10).fill('0123456789abcdef01234567') }],
  ])('when %s, then 4xx and no case', async (_name, over) => {
    const res = await api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', newKey()).send(caseBody(over));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('when the text is risky, then 422 CONTENT_RISKY with a reason', async () => {
    const res = await api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', newKey()).send(caseBody({ description: '你们都去死吧' }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect(res.body.error.message).toContain('辱骂');
  });

  it('when the same Idempotency-Key is sent 10 times at once, then exactly one case exists and all get it', async () => {
    const key = newKey();
    const before = await api.db.collection('cases').countDocuments();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', key).send(caseBody())),
    );
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.case.id));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await api.db.collection('cases').countDocuments()).toBe(before + 1);
    const again = await api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', key).send(caseBody());
    expect(again.body.case.id).toBe([...ids][0]);
    const changed = await api.http().post('/api/cases').set('Authorization', reporter.auth).set('Idempotency-Key', key).send(caseBody({ address: '别处' }));
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('when a secretary raises a problem, then it is a whistle case they can follow', async () => {
    const id = await report(secretary);
    const res = await api.http().get(`/api/cases/${id}`).set('Authorization', secretary.auth).expect(200);
    expect(res.body.case.source).toBe('whistle');
  });
});

describe('routing', () => {
  it("when the point lies inside a community's boundary, then that station gets the case even if another is nearer", async () => {
    const point = { lat: 32.54, lng: 120.465 }; // ~640 m from 嘉麟, ~2.6 km from 平桥村
    const ring = [
      { lat: 32.538, lng: 120.463 },
      { lat: 32.538, lng: 120.467 },
      { lat: 32.542, lng: 120.467 },
      { lat: 32.542, lng: 120.463 },
    ];
    const { ObjectId } = await import('mongodb');
    const stations = api.db.collection('stations');
    await stations.updateOne(
      { _id: new ObjectId(stationB) },
      { $set: { boundary: ring, boundaryBox: { minLat: 32.538, maxLat: 32.542, minLng: 120.463, maxLng: 120.467 } } },
    );
    // Written behind the app's back: drop its snapshot of the stations, as a change through the admin routes does.
    const directory = await api.app.getApplicationContext().getAsync(StationDirectory);
    directory.invalidate();
    try {
      const inside = await report(reporter, point);
      const outside = await report(reporter, { lat: 32.545, lng: 120.465 });
      const get = (id: string) => api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth);
      expect((await get(inside)).body.case.stationId).toBe(stationB);
      const nearest = await api.http().get('/api/stations/nearest').query({ lat: 32.545, lng: 120.465, limit: 1 });
      expect((await get(outside)).body.case.stationId).toBe(nearest.body.items[0].id);
      expect(nearest.body.items[0].id).not.toBe(stationB);
    } finally {
      await stations.updateOne({ _id: new ObjectId(stationB) }, { $set: { boundary: [], boundaryBox: null } });
      directory.invalidate();
    }
  });
});

describe('who may see a case', () => {
  let id: string;
  beforeAll(async () => {
    id = await report();
  });

  it.each([
    ['another resident', () => otherResident, 404],
    ['an officer of another station', () => officerB, 404],
    ['a secretary', () => secretary, 404],
    ['the reporter', () => reporter, 200],
    ['an officer of the station', () => officerA, 200],
  ])('when %s reads it, then HTTP %s', async (_name, who, status) => {
    await api.http().get(`/api/cases/${id}`).set('Authorization', who().auth).expect(status);
  });

  it.each([
    ['no token', '', 'UNAUTHENTICATED'],
    ['a forged token', 'Bearer ' + 'x'.repeat(43), 'SESSION_EXPIRED'],
    ['a malformed header', 'Token abc', 'UNAUTHENTICATED'],
  ])('when called with %s, then 401 (%#)', async (_name, header, code) => {
    const req = api.http().get(`/api/cases/${id}`);
    const res = await (header ? req.set('Authorization', header) : req);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
  });

  it('when staff read it, then they see the reporter with a masked phone and internal notes; the reporter does not see notes', async () => {
    await api.http().post(`/api/staff/cases/${id}/notes`).set('Authorization', officerA.auth).send({ text: '内部：需联系市场监管' }).expect(201);
    await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', officerA.auth).send({ text: '已安排队员前往' }).expect(201);
    const staff = await api.http().get(`/api/staff/cases/${id}`).set('Authorization', officerA.auth).expect(200);
    expect(staff.body.case.reporter).toEqual({ name: '张三', phone: '138****1234' });
    expect(staff.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['note', 'reply']);
    const mine = await api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth).expect(200);
    expect(mine.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['reply']);
    expect(JSON.stringify(mine.body)).not.toContain('13812341234');
  });

  it('when the case is anonymous, then officers do not see the reporter either', async () => {
    const anon = await report(reporter, { anonymous: true });
    const staff = await api.http().get(`/api/staff/cases/${anon}`).set('Authorization', officerA.auth).expect(200);
    expect(staff.body.case.reporter).toBeNull();
    expect(JSON.stringify(staff.body)).not.toContain('张三');
  });

  it('when residents or other stations call staff routes, then nothing succeeds', async () => {
    for (const who of [reporter, otherResident, officerB, secretary]) {
      expect((await move(who, id, { move: 'accept' })).status).toBeGreaterThanOrEqual(400);
      expect((await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', who.auth).send({ text: 'x' })).status).toBeGreaterThanOrEqual(400);
    }
    expect((await api.http().get('/api/staff/cases').set('Authorization', reporter.auth)).status).toBe(403);
  });
});

describe('the lifecycle', () => {
  it('when an illegal move is asked, then 409 with the allowed moves listed', async () => {
    const id = await report();
    const res = await move(officerA, id, { move: 'resolve', note: 'x', outcome: 'fixed' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(res.body.error.details[0].message).toContain('accept');
  });

  it('when reject has no reason, then 400 naming the field', async () => {
    const id = await report();
    const res = await move(officerA, id, { move: 'reject' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('reason');
  });

  it('when 10 officers accept one case at once, then exactly one wins and the rest get 409', async () => {
    const id = await report();
    const officers = await Promise.all(Array.from({ length: 10 }, () => loginAs(api.db, 'officer', { stationId: stationA })));
    const results = await Promise.all(officers.map((o) => move(o, id, { move: 'accept' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const events = await api.db.collection('case_events').find({ caseId: (await api.db.collection('cases').findOne({}, { sort: { _id: -1 } }))!._id }).toArray();
    expect(events.filter((e) => e.move === 'accept')).toHaveLength(1);
  });

  it('when a case is resolved, then the timeline holds every status change with old and new status', async () => {
    const id = await resolved();
    const res = await api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth).expect(200);
    expect(res.body.case).toMatchObject({ status: 'resolved', outcome: 'fixed' });
    expect(res.body.timeline.map((e: { from: string; to: string }) => `${e.from}>${e.to}`)).toEqual([
      'submitted>accepted',
      'accepted>in_progress',
      'in_progress>resolved',
    ]);
  });

  it('when a lead transfers a case, then it moves to the other station and leaves this queue', async () => {
    const id = await report();
    expect((await move(officerA, id, { move: 'transfer', targetStationId: stationB, reason: '属平桥村' })).status).toBe(403);
    const moved = await move(leadA, id, { move: 'transfer', targetStationId: stationB, reason: '属平桥村' }).expect(200);
    expect(moved.body.moved).toEqual({ id, status: 'submitted', stationId: stationB });
    await api.http().get(`/api/staff/cases/${id}`).set('Authorization', leadA.auth).expect(404);
    const res = await api.http().get(`/api/staff/cases/${id}`).set('Authorization', officerB.auth).expect(200);
    expect(res.body.case).toMatchObject({ stationId: stationB, status: 'submitted' });
  });

  it('when lists were read before a new case and its transfer, then each list shows the change at once (no page read before is reused)', async () => {
    const queueIds = async (user: TestUser) => (await api.http().get('/api/staff/cases').set('Authorization', user.auth).expect(200)).body.items.map((c: { id: string }) => c.id);
    const mineIds = async () => (await api.http().get('/api/cases').set('Authorization', reporter.auth).expect(200)).body.items.map((c: { id: string }) => c.id);
    // Each list read twice first: the second read may reuse the first.
    for (let i = 0; i < 2; i++) await Promise.all([queueIds(officerA), queueIds(officerB), mineIds()]);
    const id = await report();
    expect(await queueIds(officerA)).toContain(id);
    expect(await queueIds(officerB)).not.toContain(id);
    expect((await mineIds())[0]).toBe(id);
    await move(leadA, id, { move: 'transfer', targetStationId: stationB, reason: '属平桥村' }).expect(200);
    expect(await queueIds(officerA)).not.toContain(id);
    expect(await queueIds(officerB)).toContain(id);
    const mine = await api.http().get('/api/cases').set('Authorization', reporter.auth).expect(200);
    expect(mine.body.items[0]).toMatchObject({ id, stationId: stationB });
  });

  it('when a case is merged as a duplicate, then its reporter can follow the surviving case', async () => {
    const survivor = await report(otherResident);
    const dup = await report(reporter);
    await move(officerA, dup, { move: 'merge', targetCaseId: survivor }).expect(200);
    await api.http().get(`/api/cases/${survivor}`).set('Authorization', reporter.auth).expect(200);
    const dupView = await api.http().get(`/api/cases/${dup}`).set('Authorization', reporter.auth).expect(200);
    expect(dupView.body.case).toMatchObject({ status: 'duplicate', mergedInto: survivor });
  });
});

describe('SLA and reopening', () => {
  it('when the accept-by deadline has passed, then the case is overdue and the overdue filter finds it', async () => {
    const id = await report();
    const { ObjectId } = await import('mongodb');
    const past = new Date(Date.now() - 3600_000);
    // The deadline moved into the past as if time had passed: with the fields derived from it
    // (the queue day) and the counts and pages rebuilt, as the rebuild command does after a bulk change.
    const stored = (await api.db.collection('cases').findOne({ _id: new ObjectId(id) })) as unknown as CaseDoc;
    const { queueStation, queueCommunity, queueCity } = derivedFields({ ...stored, dueAt: past });
    await api.db.collection('cases').updateOne({ _id: new ObjectId(id) }, { $set: { acceptBy: past, dueAt: past, queueStation, queueCommunity, queueCity } });
    await (await api.app.getApplicationContext().getAsync(CaseRebuild)).run({ positions: false });
    const view = await api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth).expect(200);
    expect(view.body.case.overdue).toBe(true);
    const overdue = await api.http().get('/api/staff/cases').query({ overdue: 'true', limit: 100 }).set('Authorization', officerA.auth).expect(200);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(overdue.body.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const onTime = await api.http().get('/api/staff/cases').query({ overdue: 'false', limit: 100 }).set('Authorization', officerA.auth).expect(200);
    expect(onTime.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('when a lead reopens a resolved case (重办), then it is in progress again; an officer may not', async () => {
    const id = await resolved();
    expect((await move(officerA, id, { move: 'reopen', reason: '复查未解决' })).status).toBe(403);
    const res = await move(leadA, id, { move: 'reopen', reason: '复查未解决' }).expect(200);
    expect(res.body.case).toMatchObject({ status: 'in_progress', outcome: null, escalated: true });
  });
});

describe('ratings', () => {
  it('when rated 5, then closed; a second rating → 409', async () => {
    const id = await resolved();
    const res = await api.http().post(`/api/cases/${id}/rating`).set('Authorization', reporter.auth).send({ score: 5 }).expect(200);
    expect(res.body.case).toMatchObject({ status: 'closed', rating: 5 });
    const again = await api.http().post(`/api/cases/${id}/rating`).set('Authorization', reporter.auth).send({ score: 4 });
    expect(again.status).toBe(409);
  });

  it('when rated 2, then reopened (重办) and flagged for escalation', async () => {
    const id = await resolved();
    const res = await api.http().post(`/api/cases/${id}/rating`).set('Authorization', reporter.auth).send({ score: 2, comment: '摊贩又回来了' }).expect(200);
    expect(res.body.case).toMatchObject({ status: 'in_progress', escalated: true });
  });

  it('when rated before resolution or by someone else, then refused', async () => {
    const id = await report();
    expect((await api.http().post(`/api/cases/${id}/rating`).set('Authorization', reporter.auth).send({ score: 5 })).status).toBe(409);
    const done = await resolved();
    expect((await api.http().post(`/api/cases/${done}/rating`).set('Authorization', otherResident.auth).send({ score: 1 })).status).toBe(404);
  });

  it('when 7 days pass without a rating, then the job closes the case', async () => {
    const id = await resolved();
    const job = await api.app.getApplicationContext().getAsync(AutoCloseJob);
    expect(await job.runOnce(new Date(Date.now() + 8 * 24 * 3600_000))).toBeGreaterThanOrEqual(1);
    const res = await api.http().get(`/api/cases/${id}`).set('Authorization', reporter.auth).expect(200);
    expect(res.body.case.status).toBe('closed');
  });
});

describe('notifications', () => {
  it('when status changes, then the reporter gets subscribe messages, and a failed send is retried then recorded', async () => {
    await api.db.collection('outbox').deleteMany({});
    const worker = await api.app.getApplicationContext().getAsync(OutboxWorker);
    const id = await report();
    await move(officerA, id, { move: 'accept' }).expect(200);
    api.wechat.control.failNextSends(1);
    const first = await worker.runOnce();
    expect(first.retried).toBe(1);
    const second = await worker.runOnce(new Date(Date.now() + 60_000));
    expect(second.sent).toBe(1);
    const toReporter = api.wechat.sent.filter((m) => m.touser === reporter.openid);
    expect(toReporter.length).toBeGreaterThan(0);
    expect(toReporter.every((m) => m.template_id === 'case-status-demo' && m.page === `pages/case/index?id=${id}`)).toBe(true);

    await move(officerA, id, { move: 'start' }).expect(200);
    api.wechat.control.failNextSends(10);
    let at = Date.now();
    for (let i = 0; i < 6; i++) {
      at += 3600_000;
      await worker.runOnce(new Date(at));
    }
    const failed = await api.db.collection('outbox').findOne({ status: 'failed' });
    expect(failed).toMatchObject({ attempts: 5 });
    expect(failed!.lastError).toBeTruthy();
  });
});

describe('lists', () => {
  it('when a resident pages through their cases, then newest first without gaps or repeats', async () => {
    const user = await loginAs(api.db, 'resident');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await report(user));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; next: string | null } } = await api
        .http()
        .get('/api/cases')
        .query({ limit: 2, ...(cursor ? { before: cursor } : {}) })
        .set('Authorization', user.auth)
        .expect(200);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.next;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it('when an officer opens the queue, then only their station, most urgent first, with filters', async () => {
    const res = await api.http().get('/api/staff/cases').query({ status: 'submitted', limit: 50 }).set('Authorization', officerA.auth).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((c: { stationId: string; status: string }) => c.stationId === stationA && c.status === 'submitted')).toBe(true);
    const due = res.body.items.map((c: { acceptBy: string }) => c.acceptBy);
    expect(due).toEqual([...due].sort());
    const bad = await api.http().get('/api/staff/cases').query({ status: 'nonsense' }).set('Authorization', officerA.auth);
    expect(bad.status).toBe(400);
  });
});
