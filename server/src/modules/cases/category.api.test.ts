import { DEFAULT_CATEGORIES } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';

// Categories are data the bureau edits: add, rename, deadlines (SLA), the
// station kinds that handle them, retire — and what residents' reports see.

const H = 3600_000;
let api: TestApi;
let world: CaseWorld;
let admin: TestUser;
let n = 0;

beforeAll(async () => {
  api = await startTestApi(__filename);
  world = await buildCaseWorld(api);
  admin = await loginAs(api.db, 'admin');
});

afterAll(() => api.close());

const body = (over: Record<string, unknown> = {}) => ({ code: `test_${++n}`, name: `测试类型${n}`, acceptHours: 6, resolveHours: 36, ...over });
const asAdmin = <T extends { set(name: string, value: string): T }>(req: T) => req.set('Authorization', admin.auth);
const add = (over: Record<string, unknown> = {}) => asAdmin(api.http().post('/api/admin/categories')).send(body(over));
const publicCodes = async () => (await api.http().get('/api/categories').expect(200)).body.items.map((c: { code: string }) => c.code);
const caseOf = async (id: string) => (await api.http().get(`/api/cases/${id}`).set('Authorization', world.reporter.auth).expect(200)).body.case;

describe('GET /api/categories', () => {
  it('when anyone asks, then the seeded categories come with their deadlines', async () => {
    const res = await api.http().get('/api/categories').expect(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toEqual(DEFAULT_CATEGORIES.map((c) => c.code)); // the programme's order
    expect(res.body.items.find((c: { code: string }) => c.code === 'street_vending')).toMatchObject({ name: '占道经营', acceptHours: 2, resolveHours: 24, stationKinds: [], active: true });
  });
});

describe('the bureau edits categories', () => {
  it('when an admin adds one, then residents are offered it and a report of it gets its deadlines', async () => {
    const res = await add({ code: 'shared_bikes', name: '共享单车乱停', acceptHours: 3, resolveHours: 12 }).expect(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{24}$/), code: 'shared_bikes', active: true });
    expect(await publicCodes()).toContain('shared_bikes');
    const before = Date.now();
    const c = await caseOf(await world.report(world.reporter, { category: 'shared_bikes' }));
    expect(c.categoryName).toBe('共享单车乱停');
    expect(Math.abs(new Date(c.acceptBy).getTime() - (before + 3 * H))).toBeLessThan(60_000);
  });

  it('when the code or the name is taken, then 409 (the code by its unique index)', async () => {
    expect((await add({ code: 'street_vending' }).expect(409)).body.error.code).toBe('CATEGORY_CODE_TAKEN');
    expect((await add({ name: '占道经营' }).expect(409)).body.error.code).toBe('CATEGORY_NAME_TAKEN');
  });

  it('when renamed and re-timed, then old cases show the new name and new reports get the new deadlines', async () => {
    const made = await add().expect(201);
    const old = await world.report(world.reporter, { category: made.body.code });
    const res = await asAdmin(api.http().put(`/api/admin/categories/${made.body.id}`)).send({ name: '改名后的类型', acceptHours: 1, resolveHours: 5 }).expect(200);
    expect(res.body).toMatchObject({ code: made.body.code, name: '改名后的类型', acceptHours: 1, resolveHours: 5 });
    expect((await caseOf(old)).categoryName).toBe('改名后的类型');
    const before = Date.now();
    const fresh = await caseOf(await world.report(world.reporter, { category: made.body.code }));
    expect(Math.abs(new Date(fresh.acceptBy).getTime() - (before + H))).toBeLessThan(60_000);
  });

  it('when retired, then it is not offered nor accepted for new reports, old cases keep its name, and it can come back', async () => {
    const made = await add({ name: '将停用类型' }).expect(201);
    const old = await world.report(world.reporter, { category: made.body.code });
    const retired = await asAdmin(api.http().post(`/api/admin/categories/${made.body.id}/retire`)).expect(200);
    expect(retired.body.active).toBe(false);
    expect(await publicCodes()).not.toContain(made.body.code);
    await expect(world.report(world.reporter, { category: made.body.code })).rejects.toThrow(/400/);
    expect((await caseOf(old)).categoryName).toBe('将停用类型');
    const all = await asAdmin(api.http().get('/api/admin/categories')).expect(200);
    expect(all.body.items.find((c: { id: string }) => c.id === made.body.id)).toMatchObject({ active: false });
    await asAdmin(api.http().post(`/api/admin/categories/${made.body.id}/reinstate`)).expect(200);
    expect(await publicCodes()).toContain(made.body.code);
  });

  it('when a category is handled by 城区中队 only, then a report of it goes to the nearest station of that kind', async () => {
    const squad = await asAdmin(api.http().post('/api/admin/stations'))
      .send({ name: '海安市城管局城区中队', kind: 'district', community: '城区', address: '海安市中坝路', lat: 32.56, lng: 120.43, phone: '0513-80000000', openingHours: '全天' })
      .expect(201);
    const made = await add({ stationKinds: ['district'] }).expect(201);
    expect(made.body.stationKinds).toEqual(['district']);
    const c = await caseOf(await world.report(world.reporter, { category: made.body.code }));
    expect(c.stationName).toBe(squad.body.name);
    // Other categories still go to 嘉麟 (its boundary or nearest).
    expect((await caseOf(await world.report())).stationName).toBe('海安市城管局嘉麟社区工作站');
  });

  it.each([
    ['a code with capitals', { code: 'Bad_Code' }],
    ['resolve sooner than accept', { acceptHours: 48, resolveHours: 24 }],
    ['zero hours', { acceptHours: 0 }],
    ['an unknown station kind', { stationKinds: ['harbour'] }],
    ['a field a client never sets', { active: false }],
  ])('when a new category has %s, then 400', async (_name, over) => {
    await add(over).expect(400);
  });

  it('when an edit would resolve sooner than accept, or names an unknown category, then 400 / 404', async () => {
    const made = await add().expect(201);
    await asAdmin(api.http().put(`/api/admin/categories/${made.body.id}`)).send({ resolveHours: 2 }).expect(400);
    expect((await asAdmin(api.http().put('/api/admin/categories/0123456789abcdef01234567')).send({ name: '无' }).expect(404)).body.error.code).toBe('CATEGORY_NOT_FOUND');
    await asAdmin(api.http().post('/api/admin/categories/not-an-id/retire')).expect(404);
  });

  it('when a resident, an officer or a lead tries, then 403; without a token 401', async () => {
    for (const user of [world.reporter, world.officerA, world.leadA]) {
      await api.http().get('/api/admin/categories').set('Authorization', user.auth).expect(403);
      await api.http().post('/api/admin/categories').set('Authorization', user.auth).send(body()).expect(403);
    }
    await api.http().post('/api/admin/categories').send(body()).expect(401);
  });
});
