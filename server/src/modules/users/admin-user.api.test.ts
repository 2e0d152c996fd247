import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';

// Finding people to appoint: by the phone's last digits, a whole number or a
// name; a station's staff. Phones are masked in every answer.

let api: TestApi;
let world: CaseWorld;
let admin: TestUser;
let wang: TestUser;

beforeAll(async () => {
  api = await startTestApi(__filename);
  world = await buildCaseWorld(api);
  admin = await loginAs(api.db, 'admin');
  wang = await loginAs(api.db, 'resident', { name: '王小明', phone: '13900007788' });
});

afterAll(() => api.close());

const search = (query: Record<string, string>, user: TestUser | null = admin) => {
  const req = api.http().get('/api/admin/users/search').query(query);
  return user ? req.set('Authorization', user.auth) : req;
};

describe('GET /api/admin/users/search', () => {
  it('when the last 4 digits are given, then the person comes back with the phone masked', async () => {
    const res = await search({ q: '7788' }).expect(200);
    expect(res.body.items).toEqual([{ id: wang.id, role: 'resident', name: '王小明', phone: '139****7788', stationId: null, community: null }]);
    expect(JSON.stringify(res.body)).not.toContain('13900007788');
  });

  it('when the whole number or the exact name is given, then the same person', async () => {
    expect((await search({ q: '13900007788' }).expect(200)).body.items.map((u: { id: string }) => u.id)).toEqual([wang.id]);
    expect((await search({ q: '王小明' }).expect(200)).body.items.map((u: { id: string }) => u.id)).toEqual([wang.id]);
    expect((await search({ q: '王小' }).expect(200)).body.items).toEqual([]);
  });

  it('when a phone is bound through the API, then its last digits find the person', async () => {
    const someone = await loginAs(api.db, 'resident');
    await api.http().post('/api/me/phone').set('Authorization', someone.auth).send({ code: api.wechat.control.issuePhoneCode('13712345566') }).expect(200);
    expect((await search({ q: '5566' }).expect(200)).body.items.map((u: { id: string }) => u.id)).toEqual([someone.id]);
  });

  it("when a station is given, then its staff; after an appointment they are among them, after removal not", async () => {
    const before = (await search({ stationId: world.stationB }).expect(200)).body.items.map((u: { id: string }) => u.id);
    expect(before).toEqual(expect.arrayContaining([world.officerB.id, world.leadB.id]));
    await api.http().put(`/api/admin/users/${wang.id}/role`).set('Authorization', admin.auth).send({ role: 'officer', stationId: world.stationB }).expect(200);
    expect((await search({ stationId: world.stationB }).expect(200)).body.items.map((u: { id: string }) => u.id)).toContain(wang.id);
    await api.http().put(`/api/admin/users/${wang.id}/role`).set('Authorization', admin.auth).send({ role: 'resident' }).expect(200);
    expect((await search({ stationId: world.stationB }).expect(200)).body.items.map((u: { id: string }) => u.id)).not.toContain(wang.id);
  });

  it.each([
    ['nothing', {}],
    ['both q and stationId', { q: '7788', stationId: '0123456789abcdef01234567' }],
    ['a malformed station id', { stationId: 'abc' }],
    ['an unknown field', { q: '7788', role: 'admin' }],
  ])('when %s is asked, then 400', async (_name, query) => {
    await search(query as Record<string, string>).expect(400);
  });

  it('when a resident or a lead searches, then 403; without a token 401', async () => {
    await search({ q: '7788' }, world.reporter).expect(403);
    await search({ q: '7788' }, world.leadA).expect(403);
    await search({ q: '7788' }, null).expect(401);
  });
});
