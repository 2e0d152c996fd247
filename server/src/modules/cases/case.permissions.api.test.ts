import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';
import { hashToken } from '../auth/token';

// Every case route × every kind of caller: a 2xx only where the table says so.

type Party = 'reporter' | 'otherResident' | 'officerOfStation' | 'officerOfOtherStation' | 'secretary' | 'noToken' | 'expiredToken';
const PARTIES: Party[] = ['reporter', 'otherResident', 'officerOfStation', 'officerOfOtherStation', 'secretary', 'noToken', 'expiredToken'];

let api: TestApi;
const auth: Partial<Record<Party, string>> = {};
let reporter: TestUser;
let officerA: TestUser;
let n = 0;

async function newCase(status: 'submitted' | 'resolved' = 'submitted'): Promise<string> {
  const res = await api
    .http()
    .post('/api/cases')
    .set('Authorization', reporter.auth)
    .set('Idempotency-Key', `perm-${Date.now()}-${++n}`)
    .send({ category: 'clutter', description: '楼道堆放杂物', lat: 32.5368, lng: 120.4592, address: '嘉麟社区 3 幢' })
    .expect(201);
  const id = res.body.case.id as string;
  if (status === 'resolved') {
    for (const body of [{ move: 'accept' }, { move: 'start' }, { move: 'resolve', note: '已清理', outcome: 'fixed' }]) {
      await api.http().post(`/api/staff/cases/${id}/moves`).set('Authorization', officerA.auth).send(body).expect(200);
    }
  }
  return id;
}

interface RouteCase {
  name: string;
  status?: 'submitted' | 'resolved';
  call: (id: string, header?: string) => Promise<{ status: number }>;
  allowed: Party[];
}

const withAuth = <T extends { set(k: string, v: string): T }>(req: T, header?: string): T => (header ? req.set('Authorization', header) : req);

const ROUTES: RouteCase[] = [
  { name: 'GET /api/cases/:id', call: (id, h) => withAuth(api.http().get(`/api/cases/${id}`), h), allowed: ['reporter', 'officerOfStation'] },
  {
    name: 'POST /api/cases/:id/rating',
    status: 'resolved',
    call: (id, h) => withAuth(api.http().post(`/api/cases/${id}/rating`), h).send({ score: 4 }),
    allowed: ['reporter'],
  },
  { name: 'GET /api/staff/cases/:id', call: (id, h) => withAuth(api.http().get(`/api/staff/cases/${id}`), h), allowed: ['officerOfStation'] },
  {
    name: 'POST /api/staff/cases/:id/moves',
    call: (id, h) => withAuth(api.http().post(`/api/staff/cases/${id}/moves`), h).send({ move: 'accept' }),
    allowed: ['officerOfStation'],
  },
  {
    name: 'POST /api/staff/cases/:id/replies',
    call: (id, h) => withAuth(api.http().post(`/api/staff/cases/${id}/replies`), h).send({ text: '收到' }),
    allowed: ['officerOfStation'],
  },
  {
    name: 'POST /api/staff/cases/:id/notes',
    call: (id, h) => withAuth(api.http().post(`/api/staff/cases/${id}/notes`), h).send({ text: '内部备注' }),
    allowed: ['officerOfStation'],
  },
];

beforeAll(async () => {
  api = await startTestApi(__filename);
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  const stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  const stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  reporter = await loginAs(api.db, 'resident');
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  const expired = await loginAs(api.db, 'resident');
  await api.db.collection('sessions').updateOne({ tokenHash: hashToken(expired.token) }, { $set: { expiresAt: new Date(Date.now() - 1) } });
  auth.reporter = reporter.auth;
  auth.otherResident = (await loginAs(api.db, 'resident')).auth;
  auth.officerOfStation = officerA.auth;
  auth.officerOfOtherStation = (await loginAs(api.db, 'officer', { stationId: stationB })).auth;
  auth.secretary = (await loginAs(api.db, 'secretary', { community: '嘉麟社区' })).auth;
  auth.expiredToken = expired.auth;
}, 60_000);

afterAll(() => api.close());

const matrix = ROUTES.flatMap((route) => PARTIES.map((party) => [route.name, party, route] as const));

it.each(matrix)('%s as %s', async (_name, party, route) => {
  const id = await newCase(route.status);
  const res = await route.call(id, auth[party]);
  const ok = res.status >= 200 && res.status < 300;
  expect({ party, ok }).toEqual({ party, ok: route.allowed.includes(party) });
  if (!ok) expect([401, 403, 404]).toContain(res.status);
});

it("when another station's officer lists their queue, then this station's cases are not in it", async () => {
  const id = await newCase();
  const res = await api.http().get('/api/staff/cases').query({ limit: 100 }).set('Authorization', auth.officerOfOtherStation!).expect(200);
  expect(res.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  const mine = await api.http().get('/api/cases').set('Authorization', auth.otherResident!).expect(200);
  expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
});
