import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

// 吹哨: a community secretary raises a problem; it is a case like any other
// (source `whistle`), in the station queue, and the secretary follows it.

const NEAR_JIALIN = { lat: 32.5372, lng: 120.4597 };
const NEAR_PINGQIAO = { lat: 32.5548, lng: 120.4869 };

let api: TestApi;
let stationA: string; // 嘉麟
let stationB: string; // 平桥村
let secretary: TestUser;
let otherSecretary: TestUser; // also 嘉麟社区
let officerA: TestUser;
let officerB: TestUser;
let n = 0;

async function whistle(point = NEAR_JIALIN): Promise<string> {
  const res = await api
    .http()
    .post('/api/cases')
    .set('Authorization', secretary.auth)
    .set('Idempotency-Key', `whistle-${Date.now()}-${++n}`)
    .send({ category: 'restaurant_fumes', description: '沿街餐馆油烟直排，居民多次反映', ...point, address: '嘉麟社区 2 幢底商' })
    .expect(201);
  return res.body.case.id as string;
}

const caseDoc = (id: string) => api.db.collection('cases').findOne({ _id: new Types.ObjectId(id) });
const queueIds = async (user: TestUser) =>
  (await api.http().get('/api/staff/cases').query({ source: 'whistle', limit: 100 }).set('Authorization', user.auth).expect(200)).body.items.map(
    (c: { id: string }) => c.id,
  );

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  secretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
  otherSecretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  officerB = await loginAs(api.db, 'officer', { stationId: stationB });
}, 60_000);

afterAll(() => api.close());

it("when a secretary blows the whistle in their community, then a whistle case of that community enters its station's queue", async () => {
  const id = await whistle();
  const doc = await caseDoc(id);
  expect(doc).toMatchObject({ source: 'whistle', status: 'submitted', community: '嘉麟社区' });
  expect(String(doc!.stationId)).toBe(stationA);
  expect(String(doc!.reporterId)).toBe(secretary.id);
  expect(await queueIds(officerA)).toContain(id);
  expect(await queueIds(officerB)).not.toContain(id);
});

it('when the station works the case, then the secretary follows its timeline (public entries only) and finds it among their cases', async () => {
  const id = await whistle();
  const staff = (path: string, body: Record<string, unknown>) =>
    api.http().post(`/api/staff/cases/${id}/${path}`).set('Authorization', officerA.auth).send(body);
  await staff('moves', { move: 'accept' }).expect(200);
  await staff('replies', { text: '已联系餐馆安装油烟净化器' }).expect(201);
  await staff('notes', { text: '内部：该店去年已被警告' }).expect(201);

  const res = await api.http().get(`/api/cases/${id}`).set('Authorization', secretary.auth).expect(200);
  expect(res.body.case).toMatchObject({ source: 'whistle', status: 'accepted', stationId: stationA });
  const kinds = res.body.timeline.map((e: { kind: string; to?: string }) => `${e.kind}${e.to ? `:${e.to}` : ''}`);
  expect(kinds).toEqual(expect.arrayContaining(['status:accepted', 'reply']));
  expect(kinds).not.toContain('note');
  expect(JSON.stringify(res.body)).not.toContain('去年已被警告');
  const mine = await api.http().get('/api/cases').set('Authorization', secretary.auth).expect(200);
  expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id);
});

it('when another secretary of the same community asks for it, then 404: a whistle case is followed by whoever raised it', async () => {
  const id = await whistle();
  await api.http().get(`/api/cases/${id}`).set('Authorization', otherSecretary.auth).expect(404);
});

it('when the whistle is blown at a point another station serves, then routing decides: that station and community, and the secretary still follows it', async () => {
  const id = await whistle(NEAR_PINGQIAO);
  const doc = await caseDoc(id);
  expect(String(doc!.stationId)).toBe(stationB);
  expect(doc!.community).toBe('平桥村');
  expect(await queueIds(officerB)).toContain(id);
  await api.http().get(`/api/cases/${id}`).set('Authorization', secretary.auth).expect(200);
});
