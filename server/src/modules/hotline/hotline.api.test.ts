import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { gcj02ToWgs84, haversineMeters, HOTLINE_IMPORT_MAX_ROWS } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';
import { openPhone } from './phone-cipher';

const KEY_OLD = 'hotline-key-old-0123456789';
const KEY_NEW = 'hotline-key-new-9876543210';
const PHONE_KEY = randomBytes(32).toString('hex');
const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };

let api: TestApi;
let stationA: string; // 嘉麟
let stationB: string; // 平桥村
let admin: TestUser;
let officerA: TestUser;
let seq = 0;
const newId = () => `HA${Date.now()}${++seq}`;

const hotlineCase = (over: Record<string, unknown> = {}) => ({
  hotlineId: newId(),
  category: 'street_vending',
  text: '来电反映：嘉麟社区东门早上有流动摊贩占道经营',
  address: '嘉麟社区东门',
  lat: NEAR_JIALIN.lat,
  lng: NEAR_JIALIN.lng,
  callerPhone: '13812345678',
  ...over,
});

const deliver = (body: Record<string, unknown>, key: string | null = KEY_NEW) => {
  const req = api.http().post('/api/hotline/cases');
  if (key !== null) req.set('X-Api-Key', key);
  return req.send(body);
};

const importCsv = (csv: string, user: TestUser = admin) =>
  api.http().post('/api/admin/hotline/import').set('Authorization', user.auth).set('Content-Type', 'text/csv; charset=utf-8').send(csv);

/** hotline_cases documents are keyed by the hotline id itself. */
const records = () => api.db.collection<{ _id: string; caseId: Types.ObjectId; callerPhone: string | null }>('hotline_cases');
const casesFor = (hotlineId: string) => records().countDocuments({ _id: hotlineId });
const recordOf = (hotlineId: string) => records().findOne({ _id: hotlineId });

beforeAll(async () => {
  api = await startTestApi(__filename, { HOTLINE_API_KEYS: `${KEY_OLD}, ${KEY_NEW}`, HOTLINE_PHONE_KEY: PHONE_KEY });
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  admin = await loginAs(api.db, 'admin');
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
}, 60_000);

afterAll(() => api.close());

describe('API key', () => {
  it('when the key is missing, wrong or a prefix of a real one, then 401 API_KEY_INVALID and nothing is written', async () => {
    const body = hotlineCase();
    for (const key of [null, '', 'wrong', KEY_NEW.slice(0, -1), `${KEY_NEW}x`, `${KEY_OLD},${KEY_NEW}`]) {
      const res = await deliver(body, key);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('API_KEY_INVALID');
    }
    const read = await api.http().get(`/api/hotline/cases/${body.hotlineId}`).set('X-Api-Key', 'wrong');
    expect(read.status).toBe(401);
    expect(await casesFor(body.hotlineId)).toBe(0);
  });

  it('when either configured key is used (rotation), then it is accepted', async () => {
    await deliver(hotlineCase(), KEY_OLD).expect(201);
    await deliver(hotlineCase(), KEY_NEW).expect(201);
  });
});

describe('POST /api/hotline/cases', () => {
  it('when a new hotline case arrives, then 201 with an ordinary case (source hotline) routed by location, and no phone in the answer', async () => {
    const body = hotlineCase();
    const res = await deliver(body).expect(201);
    expect(res.body).toMatchObject({ hotlineId: body.hotlineId, status: 'submitted', statusName: '已提交', outcome: null, replies: [] });
    expect(res.body.stationName).toContain('嘉麟');
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.caseId) });
    expect(doc).toMatchObject({ source: 'hotline', category: 'street_vending', publicDescription: false, lat: NEAR_JIALIN.lat });
    expect(String(doc!.stationId)).toBe(stationA);
    const reporter = await api.db.collection('users').findOne({ _id: doc!.reporterId });
    expect(reporter).toMatchObject({ openid: 'hotline-12345', role: 'resident', demo: false });
  });

  it('when a caller phone is given, then it is stored sealed with AES-256-GCM and opens with the key', async () => {
    const body = hotlineCase();
    await deliver(body).expect(201);
    const record = await recordOf(body.hotlineId);
    expect(record!.callerPhone).toMatch(/^v1:/);
    expect(JSON.stringify(record)).not.toContain('13812345678');
    expect(openPhone(record!.callerPhone!, body.hotlineId, PHONE_KEY)).toBe('13812345678');
  });

  it('when no phone key is configured, then the phone is not stored at all', async () => {
    const saved = process.env.HOTLINE_PHONE_KEY;
    process.env.HOTLINE_PHONE_KEY = '';
    try {
      const body = hotlineCase();
      await deliver(body).expect(201);
      expect((await recordOf(body.hotlineId))!.callerPhone).toBeNull();
    } finally {
      process.env.HOTLINE_PHONE_KEY = saved;
    }
  });

  it('when the same hotline case is delivered again, then 200 with the same case and still one case', async () => {
    const body = hotlineCase();
    const first = await deliver(body).expect(201);
    const again = await deliver(body).expect(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    // Another phone number is not "other content": phones are not part of the comparison.
    await deliver({ ...body, callerPhone: '13900000000' }).expect(200);
    expect(await casesFor(body.hotlineId)).toBe(1);
    expect(await api.db.collection('cases').countDocuments({ _id: new Types.ObjectId(first.body.caseId) })).toBe(1);
  });

  it('when the same hotline case is delivered 10 times at once, then exactly one case exists and all answers name it', async () => {
    const body = hotlineCase();
    const before = await api.db.collection('cases').countDocuments({ source: 'hotline' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(body)));
    const ok = answers.filter((r) => r.status === 200 || r.status === 201);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.body.caseId)).size).toBe(1);
    // A delivery still waiting for the first one may be told to retry (409 CONCURRENT_UPDATE), never a second case.
    for (const r of answers) expect([200, 201, 409]).toContain(r.status);
    expect(await api.db.collection('cases').countDocuments({ source: 'hotline' })).toBe(before + 1);
    expect(await casesFor(body.hotlineId)).toBe(1);
  });

  it('when the same hotline id comes with other content, then 409 HOTLINE_ID_CONFLICT and the case is unchanged', async () => {
    const body = hotlineCase();
    const first = await deliver(body).expect(201);
    const res = await deliver({ ...body, text: '内容已更正' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('HOTLINE_ID_CONFLICT');
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(first.body.caseId) });
    expect(doc!.description).toBe(body.text);
  });

  it('when there are no coordinates but a stationId, then the case is queued at that station, at its location', async () => {
    const body = hotlineCase({ lat: undefined, lng: undefined, stationId: stationB });
    const res = await deliver(body).expect(201);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.caseId) });
    const station = await api.db.collection('stations').findOne({ _id: new Types.ObjectId(stationB) });
    expect(String(doc!.stationId)).toBe(stationB);
    expect({ lat: doc!.lat, lng: doc!.lng }).toEqual({ lat: station!.lat, lng: station!.lng });
  });

  it('when coordinates and a stationId are both given, then the dispatched station wins and the location is kept', async () => {
    const res = await deliver(hotlineCase({ stationId: stationB })).expect(201);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.caseId) });
    expect(String(doc!.stationId)).toBe(stationB);
    expect(doc!.lat).toBe(NEAR_JIALIN.lat);
  });

  it('when there are neither coordinates nor a stationId, or only one coordinate, then 400 INVALID_COORDINATES', async () => {
    for (const over of [{ lat: undefined, lng: undefined }, { lng: undefined }, { lat: 91 }, { lng: 'east' }]) {
      const res = await deliver(hotlineCase(over));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_COORDINATES');
    }
    const noStation = await deliver(hotlineCase({ lat: undefined, lng: undefined }));
    expect(noStation.body.error.message).toContain('stationId');
  });

  it('when the stationId is unknown, then 400 naming the field', async () => {
    const res = await deliver(hotlineCase({ lat: undefined, lng: undefined, stationId: new Types.ObjectId().toHexString() }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('stationId');
  });

  it('when the coordinates are WGS84, then they are stored as GCJ-02 (within 1 m of the conversion back)', async () => {
    const wgs = { lat: 32.5375, lng: 120.4548 };
    const res = await deliver(hotlineCase({ ...wgs, coordSystem: 'wgs84' })).expect(201);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.caseId) });
    expect(haversineMeters(wgs, { lat: doc!.lat, lng: doc!.lng })).toBeGreaterThan(100);
    expect(haversineMeters(wgs, gcj02ToWgs84({ lat: doc!.lat, lng: doc!.lng }))).toBeLessThan(1);
  });

  it('when the category is given by its Chinese name, then it is accepted; an unknown one is 400', async () => {
    const res = await deliver(hotlineCase({ category: '餐饮油烟' })).expect(201);
    expect((await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body.caseId) }))!.category).toBe('restaurant_fumes');
    const bad = await deliver(hotlineCase({ category: '外星人' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('category');
  });

  it('when the body has unknown fields, a bad hotline id or a bad phone, then 400', async () => {
    for (const over of [{ status: 'closed' }, { reporterId: 'x' }, { hotlineId: 'has space' }, { hotlineId: '' }, { callerPhone: 'call me' }]) {
      const res = await deliver(hotlineCase(over));
      expect(res.status).toBe(400);
    }
  });
});

describe('GET /api/hotline/cases/:hotlineId', () => {
  it('when the case moves through its lifecycle, then the hotline reads its status, outcome and public replies but not internal notes', async () => {
    const body = hotlineCase();
    const created = await deliver(body).expect(201);
    const id = created.body.caseId;
    const staff = (path: string, payload: Record<string, unknown>) =>
      api.http().post(`/api/staff/cases/${id}/${path}`).set('Authorization', officerA.auth).send(payload);
    await staff('moves', { move: 'accept' }).expect(200);
    await staff('replies', { text: '已安排队员前往处理' }).expect(201);
    await staff('notes', { text: '内部：摊主为老面孔' }).expect(201);
    await staff('moves', { move: 'start' }).expect(200);
    await staff('moves', { move: 'resolve', note: '已劝离摊贩', outcome: 'fixed' }).expect(200);

    const res = await api.http().get(`/api/hotline/cases/${body.hotlineId}`).set('X-Api-Key', KEY_OLD).expect(200);
    expect(res.body).toMatchObject({ hotlineId: body.hotlineId, caseId: id, status: 'resolved', statusName: '已办结', outcome: 'fixed' });
    const texts = res.body.replies.map((r: { text: string }) => r.text);
    expect(texts).toEqual(['已安排队员前往处理', '已劝离摊贩']);
    expect(JSON.stringify(res.body)).not.toMatch(/内部|13812345678|hotline-12345/);
  });

  it('when the hotline id is unknown or malformed, then 404 HOTLINE_CASE_NOT_FOUND', async () => {
    for (const id of ['NOPE-1', 'bad%20id']) {
      const res = await api.http().get(`/api/hotline/cases/${id}`).set('X-Api-Key', KEY_NEW);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('HOTLINE_CASE_NOT_FOUND');
    }
  });
});

describe('POST /api/admin/hotline/import', () => {
  const HEADER = 'hotlineId,category,text,address,lat,lng,callerPhone,stationId';

  it('when a CSV mixes good, duplicate and bad rows, then good ones are imported and every other row is reported with a reason', async () => {
    const already = hotlineCase();
    await deliver(already).expect(201);
    const [g1, g2, g3, dup, c1] = [newId(), newId(), newId(), newId(), newId()];
    const csv = [
      `\uFEFF${HEADER}`,
      `${g1},street_vending,东门有摊贩,嘉麟社区东门,32.5395,120.4595,13812345678,`,
      `${g2},乱堆乱放/环境卫生,"楼道堆放杂物，""很久了""\r\n请尽快处理",城南花苑二期,,,,${stationB}`,
      `${already.hotlineId},street_vending,${already.text},${already.address},${already.lat},${already.lng},,`,
      `${dup},parking,乱停车,丹凤小区,32.54,120.46,,`,
      `${dup},parking,乱停车,丹凤小区,32.54,120.46,,`,
      `${c1},parking,乱停车,丹凤小区,32.54,120.46,,`,
      `${c1},parking,另一件事,丹凤小区,32.54,120.46,,`,
      `BAD-CAT,外星人,内容,地址,32.54,120.46,,`,
      `BAD-MISSING,street_vending,,地址,32.54,120.46,,`,
      `BAD-LAT,street_vending,内容,地址,north,120.46,,`,
      `BAD-RANGE,street_vending,内容,地址,95,120.46,,`,
      `BAD-HALF,street_vending,内容,地址,32.54,,,`,
      `BAD-NOWHERE,street_vending,内容,地址,,,,`,
      `BAD-QUOTE,street_vending,"没有闭合的引号,地址,32.54,120.46,,`,
      `BAD-COLS,street_vending,内容`,
      `${g3},other,最后一行,书香园,32.53,120.45,,`,
    ].join('\r\n');
    const res = await importCsv(csv).expect(200);
    const byRow = new Map(res.body.rows.map((r: { row: number }) => [r.row, r]));
    expect(res.body).toMatchObject({ imported: 5, duplicates: 2, rejected: 9 });
    expect(byRow.get(2)).toMatchObject({ hotlineId: g1, result: 'imported', reason: null });
    expect(byRow.get(3)).toMatchObject({ hotlineId: g2, result: 'imported' });
    expect(byRow.get(5)).toMatchObject({ hotlineId: already.hotlineId, result: 'duplicate' });
    expect(byRow.get(6)).toMatchObject({ hotlineId: dup, result: 'imported' });
    expect(byRow.get(7)).toMatchObject({ hotlineId: dup, result: 'duplicate' });
    expect(byRow.get(9)).toMatchObject({ hotlineId: c1, result: 'rejected', reason: '该热线工单编号已提交过不同的内容' });
    expect((byRow.get(10) as { reason: string }).reason).toContain('category');
    expect((byRow.get(11) as { reason: string }).reason).toContain('text');
    expect((byRow.get(12) as { reason: string }).reason).toContain('lat');
    expect((byRow.get(13) as { reason: string }).reason).toContain('lat');
    expect((byRow.get(14) as { reason: string }).reason).toContain('同时提供');
    expect((byRow.get(15) as { reason: string }).reason).toContain('stationId');
    expect(byRow.get(16)).toMatchObject({ hotlineId: null, result: 'rejected', reason: expect.stringContaining('引号') });
    expect((byRow.get(17) as { reason: string }).reason).toContain('列数');
    expect(byRow.get(18)).toMatchObject({ hotlineId: g3, result: 'imported' });
    for (const r of res.body.rows) if (r.result === 'rejected') expect(r.reason).toBeTruthy();

    // The multi-line quoted text survived, the dispatched station was used, and imports are attributed.
    const record = await recordOf(g2);
    expect(record).toMatchObject({ channel: 'csv', importedBy: new Types.ObjectId(admin.id) });
    const doc = await api.db.collection('cases').findOne({ _id: record!.caseId });
    expect(doc).toMatchObject({ description: '楼道堆放杂物，"很久了"\r\n请尽快处理', category: 'clutter', source: 'hotline' });
    expect(String(doc!.stationId)).toBe(stationB);
    for (const id of ['BAD-CAT', 'BAD-MISSING', 'BAD-LAT', 'BAD-RANGE', 'BAD-HALF', 'BAD-NOWHERE']) expect(await casesFor(id)).toBe(0);
    expect(await casesFor(dup)).toBe(1);

    // Importing the same file again changes nothing: every good row is now a duplicate.
    const again = await importCsv(csv).expect(200);
    expect(again.body).toMatchObject({ imported: 0, duplicates: 7, rejected: 9 });
  });

  it('when columns come in another order, then they are read by name', async () => {
    const id = newId();
    const res = await importCsv(`address,text,category,hotlineId,stationId\n翰林苑,噪音扰民,other,${id},${stationA}\n`).expect(200);
    expect(res.body.rows).toEqual([{ row: 2, hotlineId: id, result: 'imported', reason: null }]);
  });

  it('when the header is empty, unknown, duplicated or lacks a required column, then 400 and nothing is imported', async () => {
    for (const csv of ['', 'hotlineId,category,text', 'hotlineId,category,text,address,colour\n', 'hotlineId,hotlineId,category,text,address\n', '"bad,header\n']) {
      const res = await importCsv(csv);
      expect(res.status).toBe(400);
    }
  });

  it('when the body is not text/csv, too large or not UTF-8, then it is refused', async () => {
    const json = await api.http().post('/api/admin/hotline/import').set('Authorization', admin.auth).send({ csv: 'x' });
    expect(json.status).toBe(400);
    const big = await importCsv(`${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`);
    expect(big.status).toBe(413);
    const gbk = await api.http().post('/api/admin/hotline/import').set('Authorization', admin.auth).set('Content-Type', 'text/csv')
      .send(Buffer.from([0x68, 0x2c, 0xb0, 0xa1, 0x0a]));
    expect(gbk.status).toBe(400);
    expect(gbk.body.error.message).toContain('UTF-8');
  });

  it('when the file has more rows than one import takes, then 413 before any row is imported', async () => {
    const rows = Array.from({ length: HOTLINE_IMPORT_MAX_ROWS + 1 }, (_, i) => `TOO-MANY-${i},parking,乱停车,丹凤小区,32.54,120.46,,`);
    const res = await importCsv([HEADER, ...rows].join('\n'));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain(String(HOTLINE_IMPORT_MAX_ROWS));
    expect(await casesFor('TOO-MANY-0')).toBe(0);
  });

  it('when a non-admin or nobody imports, then 403 or 401', async () => {
    expect((await importCsv(`${HEADER}\n`, officerA)).status).toBe(403);
    expect((await importCsv(`${HEADER}\n`, await loginAs(api.db, 'resident'))).status).toBe(403);
    const anonymous = await api.http().post('/api/admin/hotline/import').set('Content-Type', 'text/csv').send(`${HEADER}\n`);
    expect(anonymous.status).toBe(401);
  });
});

describe('documentation', () => {
  it('when the OpenAPI document is read, then it lists the hotline and Open311 routes', async () => {
    const res = await api.http().get('/api/openapi.json').expect(200);
    for (const path of ['/api/hotline/cases', '/api/hotline/cases/{hotlineId}', '/api/admin/hotline/import', '/open311/v2/requests.{format}', '/open311/v2/services/{code}.{format}']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    expect(res.body.paths['/open311/v2/requests.{format}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['service_request_id', 'service_code', 'status', 'start_date', 'end_date']),
    );
  });
});
