import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { attachmentsOf } from '../../../../tests/support/attachments';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

const MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-patrols-'));
const NEAR_JIALIN = { lat: 32.5372, lng: 120.4597 };
const HOUR = 3600_000;

let api: TestApi;
let stationA: string; // 嘉麟
let stationB: string; // 平桥村
let officerA: TestUser;
let officerA2: TestUser;
let leadA: TestUser;
let officerB: TestUser;
let leadB: TestUser;
let admin: TestUser;
let resident: TestUser;
let secretary: TestUser;
let n = 0;

const newKey = () => `patrol-${Date.now()}-${++n}`;
const problem = (over: Record<string, unknown> = {}) => ({
  category: 'clutter',
  description: '楼道堆放纸箱，存在消防隐患',
  ...NEAR_JIALIN,
  address: '嘉麟社区 5 幢楼道',
  ...over,
});
const patrolBody = (over: Record<string, unknown> = {}) => ({
  startedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  endedAt: new Date(Date.now() - HOUR).toISOString(),
  area: '嘉麟社区东片',
  notes: '重点巡查沿街商铺和楼道',
  ...over,
});

function send(user: TestUser, body: Record<string, unknown>, key: string | null = newKey()) {
  const req = api.http().post('/api/staff/patrols').set('Authorization', user.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
}

async function record(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await send(user, patrolBody(over));
  expect(res.status).toBe(201);
  return res.body as { id: string; cases: Array<{ id: string; status: string }>; photos: Array<{ id: string; url: string }>; date: string };
}

const get = (user: TestUser | undefined, url: string, query: Record<string, unknown> = {}) => {
  const req = api.http().get(url).query(query);
  return user ? req.set('Authorization', user.auth) : req;
};

async function uploadPhoto(user: TestUser): Promise<string> {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: ++n % 255, g: 40, b: 90 } } }).png().toBuffer();
  const res = await api.http().post('/api/media').set('Authorization', user.auth).attach('file', bytes, { filename: 'p.png' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  api = await startTestApi(__filename, { MEDIA_DIR });
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  officerA = await loginAs(api.db, 'officer', { stationId: stationA, name: '王晓东' });
  officerA2 = await loginAs(api.db, 'officer', { stationId: stationA });
  leadA = await loginAs(api.db, 'lead', { stationId: stationA });
  officerB = await loginAs(api.db, 'officer', { stationId: stationB });
  leadB = await loginAs(api.db, 'lead', { stationId: stationB });
  admin = await loginAs(api.db, 'admin');
  resident = await loginAs(api.db, 'resident');
  secretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
}, 60_000);

afterAll(async () => {
  await api.close();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
});

describe('recording a patrol', () => {
  it('when an officer records problems found, then each is a patrol case in the station queue, linked from the log', async () => {
    const log = await record(officerA, { problems: [problem(), problem({ category: 'parking', description: '消防通道停放私家车' })] });
    expect(log.cases).toHaveLength(2);
    expect(log.cases.every((c) => c.status === 'submitted')).toBe(true);
    const docs = await api.db.collection('cases').find({ _id: { $in: log.cases.map((c) => new Types.ObjectId(c.id)) } }).toArray();
    for (const doc of docs) {
      expect(doc).toMatchObject({ source: 'patrol', status: 'submitted', anonymous: false });
      expect(String(doc.reporterId)).toBe(officerA.id);
      expect(String(doc.stationId)).toBe(stationA);
    }
    const stored = await api.db.collection('patrols').findOne({ _id: new Types.ObjectId(log.id) });
    expect(stored!.caseIds.map(String)).toEqual(log.cases.map((c) => c.id));
    const queue = await get(leadA, '/api/staff/cases', { source: 'patrol', limit: 100 }).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(log.cases.map((c) => c.id)));
  });

  it('when a patrol found nothing, then the log stands alone', async () => {
    const log = await record(officerA);
    expect(log.cases).toEqual([]);
  });

  it('when the same submission is retried, even 5 times at once, then one log and one case per problem', async () => {
    const key = newKey();
    const body = patrolBody({ problems: [problem({ description: '重试测试：路边乱堆建筑垃圾' })] });
    const results = await Promise.all(Array.from({ length: 5 }, () => send(officerA, body, key)));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const again = await send(officerA, body, key).expect(201);
    expect(new Set([...results.filter((r) => r.status === 201), again].map((r) => r.body.id)).size).toBe(1);
    expect(await api.db.collection('patrols').countDocuments({ key })).toBe(1);
    expect(await api.db.collection('cases').countDocuments({ description: '重试测试：路边乱堆建筑垃圾' })).toBe(1);
    const changed = await send(officerA, { ...body, notes: '改了' }, key).expect(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('when a problem text is risky, then 422 and neither cases nor a log are written', async () => {
    const before = [await api.db.collection('cases').countDocuments(), await api.db.collection('patrols').countDocuments()];
    const res = await send(officerA, patrolBody({ problems: [problem(), problem({ description: '你们都去死吧' })] })).expect(422);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect([await api.db.collection('cases').countDocuments(), await api.db.collection('patrols').countDocuments()]).toEqual(before);
  });

  it.each([
    ['ends before it starts', { endedAt: new Date(Date.now() - 3 * HOUR).toISOString() }],
    ['lasts over 24 hours', { startedAt: new Date(Date.now() - 26 * HOUR).toISOString() }],
    ['ends in the future', { startedAt: new Date(Date.now()).toISOString(), endedAt: new Date(Date.now() + HOUR).toISOString() }],
    ['has 21 problems', { problems: Array.from({ length: 21 }, () => problem()) }],
    ['has no area', { area: '' }],
    ['names the station', { stationId: '0123456789abcdef01234567' }],
    ['names the officer', { officerId: '0123456789abcdef01234568' }],
    ['gives a problem an unknown field', { problems: [problem({ anonymous: true })] }],
    ['has an empty startedAt', { startedAt: '' }],
    ['has a startedAt that is no time', { startedAt: 'yesterday' }],
    ['has a numeric endedAt', { endedAt: 1 }],
    ['has neither time', { startedAt: null, endedAt: undefined }],
  ])('when the log %s, then 400', async (_name, over) => {
    const res = await send(officerA, patrolBody(over)).expect(400);
    expect(res.body.error.code).toMatch(/^(VALIDATION_FAILED|UNKNOWN_FIELD)$/);
  });

  it('when there is no Idempotency-Key, then 400', async () => {
    await send(officerA, patrolBody(), null).expect(400);
  });

  it('when an admin (no station) records a patrol, then 403', async () => {
    await send(admin, patrolBody()).expect(403);
  });
});

describe('photos', () => {
  it("when a log has photos, then its officer, the station's lead and an admin see them; another station does not", async () => {
    const [logPhoto, problemPhoto] = [await uploadPhoto(officerA), await uploadPhoto(officerA)];
    const log = await record(officerA, { photos: [logPhoto], problems: [problem({ photos: [problemPhoto] })] });
    expect(log.photos.map((p: { id: string }) => p.id)).toEqual([logPhoto]);
    const own = `/api/staff/patrols/${log.id}/photos/${logPhoto}`;
    for (const user of [officerA, leadA, admin]) await get(user, own).expect(200);
    await get(leadA, `${own}/thumb`).expect(200);
    await get(leadB, own).expect(404);
    await get(leadA, `/api/staff/patrols/${log.id}/photos/${problemPhoto}`).expect(404); // the case's photo, not the log's
    expect(await attachmentsOf(api.db, [logPhoto, problemPhoto])).toEqual({ [logPhoto]: [`patrol:${log.id}`], [problemPhoto]: [`case:${log.cases[0].id}`] });
  });

  it('when one photo is used twice in a submission, or is not the officer\'s, then nothing is written', async () => {
    const before = await api.db.collection('cases').countDocuments();
    const p = await uploadPhoto(officerA);
    await send(officerA, patrolBody({ photos: [p], problems: [problem({ photos: [p] })] })).expect(400);
    const theirs = await uploadPhoto(officerA2);
    const res = await send(officerA, patrolBody({ photos: [theirs], problems: [problem()] })).expect(404);
    expect(res.body.error.code).toBe('MEDIA_NOT_FOUND');
    expect(await api.db.collection('cases').countDocuments()).toBe(before);
  });
});

describe('the log by day', () => {
  const day = '2025-03-02';
  const at = (iso: string) => new Date(iso).toISOString();
  let early: string;
  let late: string;
  let colleague: string;
  let nextDay: string;
  let otherStation: string;

  beforeAll(async () => {
    // 07:30 Beijing is 23:30 UTC the day before; it belongs to 03-02.
    early = (await record(officerA, { startedAt: at('2025-03-01T23:30:00Z'), endedAt: at('2025-03-02T01:00:00Z'), area: '=HYPERLINK("http://x","点我")', notes: '含"引号",和逗号' })).id;
    late = (await record(officerA, { startedAt: at('2025-03-02T15:30:00Z'), endedAt: at('2025-03-02T16:30:00Z'), problems: [problem()] })).id;
    colleague = (await record(officerA2, { startedAt: at('2025-03-02T02:00:00Z'), endedAt: at('2025-03-02T03:00:00Z') })).id;
    nextDay = (await record(officerA, { startedAt: at('2025-03-02T16:10:00Z'), endedAt: at('2025-03-02T17:00:00Z') })).id;
    otherStation = (await record(officerB, { startedAt: at('2025-03-02T04:00:00Z'), endedAt: at('2025-03-02T05:00:00Z'), area: '平桥村' })).id;
  });

  const ids = async (user: TestUser, query: Record<string, unknown> = { date: day }) =>
    (await get(user, '/api/staff/patrols', query).expect(200)).body.items.map((p: { id: string }) => p.id);

  it("when a lead asks for a day, then their station's patrols that started that China day come earliest first", async () => {
    expect(await ids(leadA)).toEqual([early, colleague, late]);
    const res = await get(leadA, '/api/staff/patrols', { date: day }).expect(200);
    expect(res.body.date).toBe(day);
    expect(res.body.items[0]).toMatchObject({ officerName: '王晓东', date: day, stationId: stationA });
    expect(await ids(leadA, { date: '2025-03-03' })).toEqual([nextDay]);
  });

  it('when an officer asks, then only their own patrols', async () => {
    expect(await ids(officerA)).toEqual([early, late]);
    expect(await ids(officerA2)).toEqual([colleague]);
  });

  it('when an admin asks, then every station, or the one named', async () => {
    expect(await ids(admin)).toEqual([early, colleague, otherStation, late]);
    expect(await ids(admin, { date: day, stationId: stationB })).toEqual([otherStation]);
  });

  it("when someone asks for another station's day, then 403", async () => {
    await get(leadB, '/api/staff/patrols', { date: day, stationId: stationA }).expect(403);
    await get(officerB, '/api/staff/patrols', { date: day, stationId: stationA }).expect(403);
    expect(await ids(leadB)).toEqual([otherStation]);
  });

  it.each(['2025-02-30', 'yesterday', '2025-3-2'])('when the date is %p, then 400 INVALID_DATE_RANGE', async (date) => {
    const res = await get(leadA, '/api/staff/patrols', { date }).expect(400);
    expect(res.body.error.code).toBe('INVALID_DATE_RANGE');
  });

  it('when the day is exported, then a UTF-8 CSV with BOM, one row per patrol, formula cells defused', async () => {
    const res = await get(leadA, '/api/staff/patrols/export', { date: day })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="patrols-${day}.csv"`);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"日期","开始时间","结束时间","队员","巡查区域","发现问题数","案件编号","备注"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`"${day}","2025-03-02 07:30","2025-03-02 09:00","王晓东","'=HYPERLINK(""http://x"",""点我"")","0","","含""引号"",和逗号"`);
    const lateLog = await get(leadA, `/api/staff/patrols/${late}`).expect(200);
    expect(lines[3]).toContain(`"1","${lateLog.body.cases[0].id}"`);
  });
});

describe('who may do what', () => {
  type Party = 'ownOfficer' | 'colleague' | 'leadOfStation' | 'leadOfOtherStation' | 'officerOfOtherStation' | 'admin' | 'resident' | 'secretary' | 'noToken';
  const parties: Party[] = ['ownOfficer', 'colleague', 'leadOfStation', 'leadOfOtherStation', 'officerOfOtherStation', 'admin', 'resident', 'secretary', 'noToken'];
  const user = (p: Party) =>
    ({ ownOfficer: officerA, colleague: officerA2, leadOfStation: leadA, leadOfOtherStation: leadB, officerOfOtherStation: officerB, admin, resident, secretary, noToken: undefined })[p];
  const staff: Party[] = ['ownOfficer', 'colleague', 'leadOfStation', 'leadOfOtherStation', 'officerOfOtherStation'];

  const routes: Array<{ name: string; call: (id: string, u?: TestUser) => PromiseLike<{ status: number }>; allowed: Party[] }> = [
    {
      name: 'POST /api/staff/patrols',
      call: (_id, u) => {
        const req = api.http().post('/api/staff/patrols').set('Idempotency-Key', newKey());
        return (u ? req.set('Authorization', u.auth) : req).send(patrolBody());
      },
      allowed: staff,
    },
    { name: 'GET /api/staff/patrols', call: (_id, u) => get(u, '/api/staff/patrols'), allowed: [...staff, 'admin'] },
    { name: 'GET /api/staff/patrols/export', call: (_id, u) => get(u, '/api/staff/patrols/export'), allowed: [...staff, 'admin'] },
    { name: 'GET /api/staff/patrols/:id', call: (id, u) => get(u, `/api/staff/patrols/${id}`), allowed: ['ownOfficer', 'leadOfStation', 'admin'] },
  ];
  const matrix = routes.flatMap((route) => parties.map((p) => [route.name, p, route] as const));

  it.each(matrix)("%s on an 嘉麟 officer's log as %s", async (_name, party, route) => {
    const log = await record(officerA);
    const res = await route.call(log.id, user(party));
    const ok = res.status >= 200 && res.status < 300;
    expect({ party, ok }).toEqual({ party, ok: route.allowed.includes(party) });
    if (!ok) expect(res.status).toBe(party === 'noToken' ? 401 : staff.includes(party) ? 404 : 403);
  });

  it('when a log id is unknown or malformed, then 404 PATROL_NOT_FOUND', async () => {
    for (const id of ['0123456789abcdef01234567', 'nope']) {
      expect((await get(admin, `/api/staff/patrols/${id}`).expect(404)).body.error.code).toBe('PATROL_NOT_FOUND');
    }
  });
});
