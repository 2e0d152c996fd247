import { Types } from 'mongoose';
import { chinaDate, isOpen } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { CaseAggregates } from './case-aggregates';
import { CaseRebuild } from './case-rebuild';

// Every list and figure read from derived keys and counts, checked against a
// plain recount of the cases after concurrent changes, and again after the
// rebuild command recomputed them from scratch.

let api: TestApi;
let w: CaseWorld;
let admin: TestUser;
const NEAR_B = { lat: 32.5552, lng: 120.4873 };
const CATEGORIES = ['street_vending', 'clutter', 'parking'];

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
  admin = await loginAs(api.db, 'admin');

  // 36 cases at once, by two residents, at two stations, in three categories.
  const made = await Promise.all(
    Array.from({ length: 36 }, (_, i) =>
      w.report(i % 2 ? w.reporter : w.otherResident, { category: CATEGORIES[i % 3], ...(i % 4 === 0 ? NEAR_B : {}) }),
    ),
  );
  const at = (i: number) => made[i];
  const staffOf = async (id: string) => ((await api.db.collection('cases').findOne({ _id: new Types.ObjectId(id) }))!.stationId.toHexString() === w.stationA ? w.officerA : w.officerB);
  const move = async (id: string, body: Record<string, unknown>) => w.move(await staffOf(id), id, body);
  // Moves in parallel across cases, in order within a case.
  await Promise.all(
    made.map(async (id, i) => {
      if (i % 6 === 1) return move(id, { move: 'reject', reason: '不属于城管职责' });
      if (i % 6 === 0) return;
      await move(id, { move: 'accept' });
      if (i % 6 === 2) return;
      await move(id, { move: 'start' });
      if (i % 6 === 3) return;
      await move(id, { move: 'resolve', note: '已处理', outcome: 'fixed' });
      if (i % 6 === 4) return;
      const reporter = (await api.db.collection('cases').findOne({ _id: new Types.ObjectId(id) }))!.reporterId.toHexString() === w.reporter.id ? w.reporter : w.otherResident;
      await api.http().post(`/api/cases/${id}/rating`).set('Authorization', reporter.auth).send({ score: i % 12 === 5 ? 2 : 5 });
    }),
  );
  // A transfer and a merge on top.
  await w.move(w.leadA, at(6), { move: 'transfer', targetStationId: w.stationB, reason: '属地调整' });
  await w.move(w.officerA, at(18), { move: 'merge', targetCaseId: at(30) });
}, 120_000);

afterAll(() => api.close());

async function allCases() {
  return api.db.collection('cases').find().toArray();
}

/** What the figures must say, counted the plain way from the cases themselves. */
function recount(cases: Awaited<ReturnType<typeof allCases>>) {
  const counted = cases.filter((c) => c.status !== 'duplicate');
  return {
    received: counted.length,
    closed: counted.filter((c) => c.status === 'resolved' || c.status === 'closed').length,
    rejected: counted.filter((c) => c.status === 'rejected').length,
    ratings: counted.filter((c) => c.rating !== null).length,
    satisfied: counted.filter((c) => c.rating !== null && c.rating >= 4).length,
    acceptedOnTime: counted.filter((c) => c.acceptedAt && c.acceptedAt <= c.acceptBy).length,
  };
}

async function figuresOf(user: TestUser, query: Record<string, string>) {
  const day = chinaDate(new Date());
  const res = await api.http().get('/api/figures').query({ ...query, from: day, to: day }).set('Authorization', user.auth).expect(200);
  const t = res.body.totals;
  return { received: t.received, closed: t.closed, rejected: t.rejected, ratings: t.ratings, satisfied: t.satisfied, acceptedOnTime: t.acceptedOnTime };
}

async function queueIds(user: TestUser, query: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const res = await api.http().get('/api/staff/cases').query({ ...query, limit: 7, ...(after ? { after } : {}) }).set('Authorization', user.auth).expect(200);
    ids.push(...res.body.items.map((c: { id: string }) => c.id));
    after = res.body.next ?? undefined;
  } while (after);
  return ids;
}

async function mineIds(user: TestUser): Promise<string[]> {
  const ids: string[] = [];
  let before: string | undefined;
  do {
    const res = await api.http().get('/api/cases').query({ limit: 5, ...(before ? { before } : {}) }).set('Authorization', user.auth).expect(200);
    ids.push(...res.body.items.map((c: { id: string }) => c.id));
    before = res.body.next ?? undefined;
  } while (before);
  return ids;
}

async function expectEverythingMatches() {
  const cases = await allCases();
  const of = (station: string) => cases.filter((c) => c.stationId.toHexString() === station);
  expect(await figuresOf(w.leadA, { scope: 'station', id: w.stationA })).toEqual(recount(of(w.stationA)));
  expect(await figuresOf(admin, { scope: 'station', id: w.stationB })).toEqual(recount(of(w.stationB)));
  expect(await figuresOf(admin, { scope: 'city' })).toEqual(recount(cases));
  expect(await figuresOf(admin, { scope: 'community', id: '嘉麟社区' })).toEqual(recount(cases.filter((c) => c.community === '嘉麟社区')));

  // The queue: the station's open cases, earliest deadline first, paged without gaps or repeats.
  const open = of(w.stationA)
    .filter((c) => isOpen(c.status))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (String(a._id) < String(b._id) ? -1 : 1));
  expect(await queueIds(w.officerA)).toEqual(open.map((c) => String(c._id)));
  // Another tab: resolved and closed, newest first.
  const done = of(w.stationA)
    .filter((c) => c.status === 'resolved' || c.status === 'closed')
    .sort((a, b) => b.stationK - a.stationK);
  expect(await queueIds(w.officerA, { status: 'resolved,closed' })).toEqual(done.map((c) => String(c._id)));

  // My cases: every one of the reporter's, newest first.
  const mine = cases.filter((c) => c.reporterId.toHexString() === w.reporter.id).sort((a, b) => b.mineK - a.mineK);
  expect(await mineIds(w.reporter)).toEqual(mine.map((c) => String(c._id)));

  // Open311: the newest requests first, page by page.
  const newest = [...cases].sort((a, b) => b.cityK - a.cityK).map((c) => String(c._id));
  const page1 = await api.http().get('/open311/v2/requests.json').query({ page_size: 10 }).expect(200);
  const page2 = await api.http().get('/open311/v2/requests.json').query({ page_size: 10, page: 2 }).expect(200);
  expect([...page1.body, ...page2.body].map((r: { service_request_id: string }) => r.service_request_id)).toEqual(newest.slice(0, 20));
}

describe('derived lists and counts', () => {
  it('when cases were created and moved concurrently, then every list and figure equals a plain recount', async () => {
    await expectEverythingMatches();
  });

  it('when the rebuild command recomputes positions and counts from the cases, then nothing changes', async () => {
    // Every count brought up to date (readers and the job refresh only what they read).
    await (await api.app.getApplicationContext().getAsync(CaseAggregates)).refresh();
    expect(await api.db.collection('case_aggregates_dirty').countDocuments()).toBe(0);
    const before = await api.db.collection('case_aggregates').find().sort({ _id: 1 }).toArray();
    await (await api.app.getApplicationContext().getAsync(CaseRebuild)).run();
    await expectEverythingMatches();
    const after = await api.db.collection('case_aggregates').find().sort({ _id: 1 }).toArray();
    expect(after).toEqual(before);
  });

  it('when a month of tallies is read, then only tallies carry that month (queue counts written before are mended by the migration)', async () => {
    const aggregates = api.db.collection('case_aggregates');
    expect(await aggregates.countDocuments({ kind: 'q', month: { $ne: null } })).toBe(0);
    expect(await aggregates.countDocuments({ kind: 't', month: null })).toBe(0);
    // A queue count as an older version wrote it.
    const old = await aggregates.findOne({ kind: 'q' });
    await aggregates.updateOne({ _id: old!._id }, { $set: { month: `${old!.scope}|${old!.day.slice(0, 7)}` } });
    const context = api.app.getApplicationContext();
    const { TallyMonthMigration } = await import('./derived-fields.migration');
    expect(await (await context.getAsync(TallyMonthMigration)).run()).toBe(1);
    expect((await aggregates.findOne({ _id: old!._id }))!.month).toBeNull();
    await expectEverythingMatches();
  });

  it('when positions are claimed by concurrent reports, then no two cases share a position in any list', async () => {
    const cases = await allCases();
    for (const key of ['cityK', 'mineK', 'stationK'] as const) {
      const owner = (c: (typeof cases)[number]) => (key === 'cityK' ? 'city' : key === 'mineK' ? c.reporterId.toHexString() : c.stationId.toHexString());
      const seen = new Set(cases.map((c) => `${owner(c)}#${c[key]}`));
      expect(seen.size).toBe(cases.length);
    }
  });
});
