import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, NEAR_JIALIN, type CaseWorld } from '../../../../tests/support/cases';

// The bureau's stations: add, edit, the wall of officers on duty (上墙挂牌) with
// photos, deactivate and reactivate — and what residents see of each.

let api: TestApi;
let world: CaseWorld;
let admin: TestUser;
let n = 0;

/** Far from every demo station (about 30 km north of 海安). */
const FAR = { lat: 32.8, lng: 120.46 };

beforeAll(async () => {
  api = await startTestApi(__filename);
  world = await buildCaseWorld(api);
  admin = await loginAs(api.db, 'admin');
});

afterAll(() => api.close());

const stationBody = (over: Record<string, unknown> = {}) => ({
  name: `测试工作站 ${++n}`,
  community: `测试社区${n}`,
  address: '测试路 1 号',
  ...FAR,
  phone: '0513-88886666',
  openingHours: '周一至周五 8:30-17:30',
  ...over,
});
const asAdmin = <T extends { set(name: string, value: string): T }>(req: T) => req.set('Authorization', admin.auth);
const create = (over: Record<string, unknown> = {}) => asAdmin(api.http().post('/api/admin/stations')).send(stationBody(over));

describe('adding and editing stations', () => {
  it('when an admin adds a station, then residents find it in the list, the nearest search and its page', async () => {
    const res = await create({ name: '海安市城管局北郊工作站' }).expect(201);
    expect(res.body).toMatchObject({ name: '海安市城管局北郊工作站', kind: 'community', city: '海安市', active: true, officers: [], demo: false, ...FAR });
    const list = await api.http().get('/api/stations').expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(res.body.id);
    const nearest = await api.http().get('/api/stations/nearest').query({ ...FAR, limit: 1 }).expect(200);
    expect(nearest.body.items[0]).toMatchObject({ id: res.body.id, distanceM: 0 });
    await api.http().get(`/api/stations/${res.body.id}`).expect(200);
    const all = await asAdmin(api.http().get('/api/admin/stations')).expect(200);
    expect(all.body.items.find((s: { id: string }) => s.id === res.body.id)).toMatchObject({ active: true });
  });

  it('when the name is taken in the city, then 409 STATION_NAME_TAKEN (the unique index), on add and on rename', async () => {
    await create({ name: '重名工作站' }).expect(201);
    const again = await create({ name: '重名工作站' }).expect(409);
    expect(again.body.error.code).toBe('STATION_NAME_TAKEN');
    const other = await create().expect(201);
    const rename = await asAdmin(api.http().put(`/api/admin/stations/${other.body.id}`)).send({ name: '重名工作站' }).expect(409);
    expect(rename.body.error.code).toBe('STATION_NAME_TAKEN');
  });

  it('when an admin moves a station and changes its phone and kind, then the nearest search and its page follow', async () => {
    const made = await create().expect(201);
    const moved = { lat: 33.1, lng: 120.2 };
    const res = await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}`)).send({ ...moved, phone: '0513-12345678', kind: 'village' }).expect(200);
    expect(res.body).toMatchObject({ ...moved, phone: '0513-12345678', kind: 'village' });
    const nearest = await api.http().get('/api/stations/nearest').query({ ...moved, limit: 1 }).expect(200);
    expect(nearest.body.items[0].id).toBe(made.body.id);
    const page = await api.http().get(`/api/stations/${made.body.id}`).expect(200);
    expect(page.body.phone).toBe('0513-12345678');
  });

  it.each([
    ['no name', { name: undefined }, 'VALIDATION_FAILED'],
    ['latitude out of range', { lat: 91 }, 'INVALID_COORDINATES'],
    ['coordinates as text', { lng: '120.4' }, 'INVALID_COORDINATES'],
    ['an unknown kind', { kind: 'harbour' }, 'VALIDATION_FAILED'],
    ['a phone with letters', { phone: 'call me' }, 'VALIDATION_FAILED'],
    ['a field a client never sets', { active: false }, 'UNKNOWN_FIELD'],
    ['an operator payload', { name: { $ne: '' } }, 'VALIDATION_FAILED'],
  ])('when the new station has %s, then 400 %s', async (_name, over, code) => {
    const res = await create(over).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('when an edit is empty, moves only one coordinate, or names an unknown station, then 400 / 404', async () => {
    const made = await create().expect(201);
    await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}`)).send({}).expect(400);
    expect((await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}`)).send({ lat: 32.6 }).expect(400)).body.error.code).toBe('INVALID_COORDINATES');
    expect((await asAdmin(api.http().put('/api/admin/stations/0123456789abcdef01234567')).send({ phone: '0513-1' }).expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
  });
});

describe('the wall of officers on duty (上墙挂牌)', () => {
  it('when an admin puts officers with a photo on the wall, then residents see them and the photo loads from its signed URL', async () => {
    const made = await create().expect(201);
    const photo = await world.photo(admin);
    const officers = [
      { name: '赵明', role: '带队人员', duties: ['统筹工作站日常事务'], photoId: photo },
      { name: '钱亮', role: '城管队员', duties: ['巡查责任片区', '受理居民诉求'] },
    ];
    const res = await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}/officers`)).send({ officers }).expect(200);
    expect(res.body.officers[0]).toMatchObject({ name: '赵明', photoId: photo, photoUrl: expect.stringMatching(/^\/api\/media\/[0-9a-f]{24}\?exp=\d+&sig=/) });
    const page = await api.http().get(`/api/stations/${made.body.id}`).expect(200);
    expect(page.body.officers).toEqual([
      { name: '赵明', role: '带队人员', duties: ['统筹工作站日常事务'], photoUrl: expect.stringContaining(`/api/media/${photo}?`) },
      { name: '钱亮', role: '城管队员', duties: ['巡查责任片区', '受理居民诉求'], photoUrl: null },
    ]);
    const img = await api.http().get(page.body.officers[0].photoUrl).expect(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    // Taken off the wall: the photo is no longer attached to the station.
    await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}/officers`)).send({ officers: [officers[1]] }).expect(200);
    expect(await api.db.collection('media_attachments').countDocuments({ kind: 'station' })).toBe(0);
  });

  it("when the photo is someone else's upload, then 404 MEDIA_NOT_FOUND and the wall is unchanged", async () => {
    const made = await create().expect(201);
    const theirs = await world.photo(world.reporter);
    const res = await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}/officers`)).send({ officers: [{ name: '孙', role: '城管队员', photoId: theirs }] }).expect(404);
    expect(res.body.error.code).toBe('MEDIA_NOT_FOUND');
    expect((await api.http().get(`/api/stations/${made.body.id}`).expect(200)).body.officers).toEqual([]);
  });

  it('when the wall has more than 20 officers or an officer has no name, then 400', async () => {
    const made = await create().expect(201);
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `队员${i}`, role: '城管队员' }));
    await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}/officers`)).send({ officers: many }).expect(400);
    await asAdmin(api.http().put(`/api/admin/stations/${made.body.id}/officers`)).send({ officers: [{ name: '', role: '城管队员' }] }).expect(400);
  });
});

describe('deactivating a station', () => {
  it('when 嘉麟 is deactivated, then residents no longer find it, new reports go elsewhere, and its open case stays readable and in its queue', async () => {
    const open = await world.report();
    await asAdmin(api.http().post(`/api/admin/stations/${world.stationA}/deactivate`)).expect(200);
    try {
      const list = await api.http().get('/api/stations').expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(world.stationA);
      const nearest = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 5 }).expect(200);
      expect(nearest.body.items.map((s: { id: string }) => s.id)).not.toContain(world.stationA);
      await api.http().get(`/api/stations/${world.stationA}`).expect(404);
      // The reporter still reads the case, with its station's name.
      const mine = await api.http().get(`/api/cases/${open}`).set('Authorization', world.reporter.auth).expect(200);
      expect(mine.body.case.stationName).toBe('海安市城管局嘉麟社区工作站');
      // Its staff still work it.
      const queue = await api.http().get('/api/staff/cases').set('Authorization', world.officerA.auth).expect(200);
      expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(open);
      // A new report at the same spot goes to another station.
      const next = await world.report();
      const routed = await api.http().get(`/api/cases/${next}`).set('Authorization', world.reporter.auth).expect(200);
      expect(routed.body.case.stationName).not.toBe('海安市城管局嘉麟社区工作站');
      // Nobody is appointed to a deactivated station.
      const someone = await loginAs(api.db, 'resident');
      await asAdmin(api.http().put(`/api/admin/users/${someone.id}/role`)).send({ role: 'officer', stationId: world.stationA }).expect(404);
    } finally {
      const back = await asAdmin(api.http().post(`/api/admin/stations/${world.stationA}/reactivate`)).expect(200);
      expect(back.body.active).toBe(true);
    }
    const nearest = await api.http().get('/api/stations/nearest').query({ ...NEAR_JIALIN, limit: 1 }).expect(200);
    expect(nearest.body.items[0].id).toBe(world.stationA);
  });
});

describe('who may manage stations', () => {
  it('when a resident, an officer or a lead tries, then 403; without a token 401', async () => {
    for (const user of [world.reporter, world.officerA, world.leadA]) {
      await api.http().get('/api/admin/stations').set('Authorization', user.auth).expect(403);
      await api.http().post('/api/admin/stations').set('Authorization', user.auth).send(stationBody()).expect(403);
      await api.http().post(`/api/admin/stations/${world.stationA}/deactivate`).set('Authorization', user.auth).expect(403);
      await api.http().put(`/api/admin/stations/${world.stationA}/officers`).set('Authorization', user.auth).send({ officers: [] }).expect(403);
    }
    await api.http().post('/api/admin/stations').send(stationBody()).expect(401);
    expect((await api.http().get(`/api/stations/${world.stationA}`).expect(200)).body.active).toBeUndefined();
  });
});
