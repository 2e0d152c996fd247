import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, NEAR_JIALIN, type CaseWorld } from '../../../../tests/support/cases';

let api: TestApi;
let w: CaseWorld;
let neighbour: TestUser;
let keys = 0;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
  neighbour = await loginAs(api.db, 'resident', { name: '李四', phone: '13900001111' });
}, 60_000);

afterAll(() => api.close());

const as = (user: TestUser) => ({
  get: (url: string, query: Record<string, unknown> = {}) => api.http().get(url).query(query).set('Authorization', user.auth),
  post: (url: string, body: Record<string, unknown> = {}) => api.http().post(url).set('Authorization', user.auth).send(body),
  supplement: (id: string, body: Record<string, unknown>, key = `sup-${++keys}-${Date.now()}`) =>
    api.http().post(`/api/cases/${id}/supplements`).set('Authorization', user.auth).set('Idempotency-Key', key).send(body),
});

/** A private report next to the station: a description not for the public, a photo, an exact address. */
async function privateReport(category = 'clutter') {
  const photo = await w.photo(w.reporter);
  return w.report(w.reporter, { category, description: '3栋楼下堆满杂物，我家电话13812341234', address: '嘉麟社区3栋101室门口', photos: [photo], publicDescription: false });
}

describe('附近已有人反映', () => {
  it('when a neighbour is about to report the same thing at the same spot, then they see that open case in its public view', async () => {
    const id = await privateReport();
    const res = await as(neighbour).get('/api/cases/nearby', { lat: NEAR_JIALIN.lat + 0.0002, lng: NEAR_JIALIN.lng, category: 'clutter' }).expect(200);
    const hit = res.body.items.find((c: { id: string }) => c.id === id);
    expect(hit).toMatchObject({ id, category: 'clutter', status: 'submitted', description: null, following: false, followers: 1 });
    expect(hit.distanceM).toBeLessThanOrEqual(100);
    expect(JSON.stringify(res.body)).not.toContain('13812341234');
    expect(JSON.stringify(res.body)).not.toContain('3栋101室');
  });

  it('when the category differs, the case is farther than the radius, or it is closed, then it is not listed', async () => {
    const id = await privateReport('parking');
    const ids = async (q: Record<string, unknown>) => (await as(neighbour).get('/api/cases/nearby', q).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(await ids({ ...NEAR_JIALIN, category: 'parking' })).toContain(id);
    expect(await ids({ ...NEAR_JIALIN, category: 'street_vending' })).not.toContain(id);
    expect(await ids({ lat: NEAR_JIALIN.lat + 0.003, lng: NEAR_JIALIN.lng, category: 'parking' })).not.toContain(id);
    expect(await ids({ lat: NEAR_JIALIN.lat + 0.003, lng: NEAR_JIALIN.lng, category: 'parking', radiusM: 500 })).toContain(id);
    await w.move(w.officerA, id, { move: 'reject', reason: '不属于城管职责' }).expect(200);
    expect(await ids({ ...NEAR_JIALIN, category: 'parking' })).not.toContain(id);
  });

  it('when the query is bad, then 400 with a code', async () => {
    await as(neighbour).get('/api/cases/nearby', { lat: 'x', lng: 120, category: 'clutter' }).expect(400);
    await as(neighbour).get('/api/cases/nearby', { ...NEAR_JIALIN, category: 'clutter', radiusM: 5000 }).expect(400);
    await api.http().get('/api/cases/nearby').query({ ...NEAR_JIALIN, category: 'clutter' }).expect(401);
  });
});

describe('我也遇到: following a case', () => {
  it('when a neighbour follows, then they get the public view — no private description, photos, address or exact spot', async () => {
    const id = await privateReport();
    const res = await as(neighbour).post(`/api/cases/${id}/follow`).expect(200);
    expect(res.body.case).toMatchObject({ id, relation: 'follower', description: '', photos: [], address: '', rating: null });
    const exact = await as(w.reporter).get(`/api/cases/${id}`).expect(200);
    expect(exact.body.case.relation).toBe('reporter');
    expect(exact.body.case.photos).toHaveLength(1);
    expect(Math.abs(res.body.case.lat - exact.body.case.lat)).toBeLessThan(0.001);
    expect(JSON.stringify(res.body)).not.toContain('13812341234');
    // The reporter's photo is not theirs to see, signed or not.
    await as(neighbour).get(`/api/media/${exact.body.case.photos[0].id}`).expect(404);
    const again = await as(neighbour).get('/api/cases/nearby', { ...NEAR_JIALIN, category: 'clutter' }).expect(200);
    expect(again.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ following: true, followers: 2 });
  });

  it("when officers reply, then followers see the reply and are told; the reporter's 补充说明 they neither see nor hear of", async () => {
    const id = await privateReport();
    await as(neighbour).post(`/api/cases/${id}/follow`).expect(200);
    await w.move(w.officerA, id, { move: 'accept' }).expect(200);
    await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', w.officerA.auth).send({ text: '已安排清理' }).expect(201);
    await as(w.reporter).supplement(id, { text: '晚上八点以后最严重' }).expect(201);
    const seen = await as(neighbour).get(`/api/cases/${id}`).expect(200);
    const kinds = seen.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('reply');
    expect(kinds).not.toContain('supplement');
    const told = await api.db.collection('outbox').find({ userId: new Types.ObjectId(neighbour.id), dedupeKey: { $regex: `^case:${id}:` } }).toArray();
    const seqs = told.map((m) => Number(String(m.dedupeKey).split(':')[2]));
    const supplementSeq = seen.body.timeline.length + 1; // hidden from them, but it is the last entry
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(seqs).not.toContain(supplementSeq);
    // The public view has no address, and neither has their message: the kind of problem instead. The reporter's names the place.
    expect(told.map((m) => m.data.thing1.value)).toEqual(told.map(() => '乱堆乱放/环境卫生'));
    const reporterTold = await api.db.collection('outbox').find({ userId: new Types.ObjectId(w.reporter.id), dedupeKey: { $regex: `^case:${id}:` } }).toArray();
    expect(reporterTold.length).toBeGreaterThanOrEqual(2);
    expect(reporterTold.map((m) => m.data.thing1.value)).toContain('嘉麟社区3栋101室门口');
    expect(JSON.stringify(told)).not.toContain('3栋101');
  });

  it('when a follower lists the cases they follow, then this one is there, newest follow first', async () => {
    const first = await privateReport();
    const second = await privateReport();
    await as(neighbour).post(`/api/cases/${first}/follow`).expect(200);
    await as(neighbour).post(`/api/cases/${second}/follow`).expect(200);
    await as(neighbour).post(`/api/cases/${second}/follow`).expect(200); // twice is once
    const list = await as(neighbour).get('/api/cases', { scope: 'following', limit: 1 }).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([second]);
    expect(list.body.items[0].relation).toBe('follower');
    const next = await as(neighbour).get('/api/cases', { scope: 'following', limit: 1, before: list.body.next }).expect(200);
    expect(next.body.items.map((c: { id: string }) => c.id)).toEqual([first]);
    expect(await api.db.collection('case_followers').countDocuments({ caseId: new Types.ObjectId(second), userId: new Types.ObjectId(neighbour.id) })).toBe(1);
  });

  it('when the case is closed, unknown or the caller is staff, then following is refused', async () => {
    const done = await w.resolved();
    await api.http().post(`/api/cases/${done}/rating`).set('Authorization', w.reporter.auth).send({ score: 5 }).expect(200);
    expect((await as(neighbour).post(`/api/cases/${done}/follow`).expect(409)).body.error.code).toBe('CASE_NOT_OPEN');
    await as(neighbour).post(`/api/cases/${new Types.ObjectId()}/follow`).expect(404);
    await as(w.officerA).post(`/api/cases/${done}/follow`).expect(403);
  });
});

describe('补充说明', () => {
  it('when the reporter adds a note with a photo, then staff see it and are told, and a retry with the same key adds nothing', async () => {
    const id = await privateReport();
    const photo = await w.photo(w.reporter);
    const key = `sup-retry-${Date.now()}`;
    const res = await as(w.reporter).supplement(id, { text: '又多了两袋垃圾', photos: [photo] }, key).expect(201);
    const entry = res.body.timeline.at(-1);
    expect(entry).toMatchObject({ kind: 'supplement', text: '又多了两袋垃圾', actor: '居民' });
    expect(entry.photos.map((p: { id: string }) => p.id)).toEqual([photo]);
    await as(w.reporter).supplement(id, { text: '又多了两袋垃圾', photos: [photo] }, key).expect(201);
    expect(await api.db.collection('case_events').countDocuments({ caseId: new Types.ObjectId(id), kind: 'supplement' })).toBe(1);
    expect((await as(w.reporter).supplement(id, { text: '别的内容' }, key).expect(422)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const staff = await as(w.officerA).get(`/api/staff/cases/${id}`).expect(200);
    expect(staff.body.timeline.at(-1)).toMatchObject({ kind: 'supplement', text: '又多了两袋垃圾' });
    const told = await api.db.collection('outbox').findOne({ userId: new Types.ObjectId(w.officerA.id), dedupeKey: `case-staff:${id}:${entry.seq}` });
    expect(told).not.toBeNull();
  });

  it('when someone other than the reporter, or on a closed case, then refused', async () => {
    const id = await privateReport();
    await as(neighbour).post(`/api/cases/${id}/follow`).expect(200);
    expect((await as(neighbour).supplement(id, { text: '我也补充' }).expect(403)).body.error.code).toBe('FORBIDDEN');
    await as(w.otherResident).supplement(id, { text: '路过' }).expect(404);
    const done = await w.resolved();
    await api.http().post(`/api/cases/${done}/rating`).set('Authorization', w.reporter.auth).send({ score: 5 }).expect(200);
    expect((await as(w.reporter).supplement(done, { text: '还有问题' }).expect(409)).body.error.code).toBe('CASE_NOT_OPEN');
    await api.http().post(`/api/cases/${id}/supplements`).set('Authorization', w.reporter.auth).send({ text: '无键' }).expect(400);
  });
});

describe('merged duplicates follow the survivor in its public view only', () => {
  it("when a case is merged, then its reporter sees the survivor's public view, not its private description or photos", async () => {
    const survivorPhoto = await w.photo(w.otherResident);
    const survivor = await w.report(w.otherResident, { description: '邻居的私密描述', photos: [survivorPhoto] });
    const dup = await w.report(w.reporter);
    await w.move(w.officerA, dup, { move: 'merge', targetCaseId: survivor }).expect(200);
    const view = await as(w.reporter).get(`/api/cases/${survivor}`).expect(200);
    expect(view.body.case).toMatchObject({ relation: 'follower', description: '', photos: [], address: '' });
    await as(w.reporter).get(`/api/media/${survivorPhoto}`).expect(404);
  });
});
