import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

// 拨打: the staff case page shows the reporter's phone masked; the call button asks for the
// number at that moment, and only staff of the case's station get it, never for an anonymous
// case, and the log says who asked without the number.

const NEAR_JIALIN = { lat: 32.5372, lng: 120.4597 };
const PHONE = '13912345678';

let api: TestApi;
let reporter: TestUser;
let silent: TestUser;
let officerA: TestUser;
let officerB: TestUser;
let n = 0;

async function report(by: TestUser, anonymous = false): Promise<string> {
  const res = await api
    .http()
    .post('/api/cases')
    .set('Authorization', by.auth)
    .set('Idempotency-Key', `phone-${Date.now()}-${++n}`)
    .send({ category: 'parking', description: '消防通道被私家车长期占用', ...NEAR_JIALIN, address: '嘉麟社区 5 幢', anonymous })
    .expect(201);
  return res.body.case.id as string;
}

const reveal = (id: string, as: TestUser) => api.http().post(`/api/staff/cases/${id}/reporter-phone`).set('Authorization', as.auth);

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  const stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  const stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  reporter = await loginAs(api.db, 'resident', { name: '居民乙', phone: PHONE });
  silent = await loginAs(api.db, 'resident', { name: '居民丙' });
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  officerB = await loginAs(api.db, 'officer', { stationId: stationB });
}, 60_000);

afterAll(() => api.close());

it("when an officer of the case's station taps 拨打, then they get the full number while the page shows it masked", async () => {
  const id = await report(reporter);
  const page = await api.http().get(`/api/staff/cases/${id}`).set('Authorization', officerA.auth).expect(200);
  expect(page.body.case.reporter).toEqual({ name: '居民乙', phone: '139****5678' });
  const res = await reveal(id, officerA).expect(200);
  expect(res.body).toEqual({ phone: PHONE });
});

it('when the case is anonymous or the reporter bound no phone, then 404 REPORTER_PHONE_UNAVAILABLE', async () => {
  expect((await reveal(await report(reporter, true), officerA).expect(404)).body.error.code).toBe('REPORTER_PHONE_UNAVAILABLE');
  expect((await reveal(await report(silent), officerA).expect(404)).body.error.code).toBe('REPORTER_PHONE_UNAVAILABLE');
});

it('when an officer of another station or the reporter asks, then the case is not found for them', async () => {
  const id = await report(reporter);
  expect((await reveal(id, officerB).expect(404)).body.error.code).toBe('CASE_NOT_FOUND');
  expect((await reveal(id, reporter)).status).toBeGreaterThanOrEqual(403);
});
