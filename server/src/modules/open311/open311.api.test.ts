import { Types } from 'mongoose';
import { DEFAULT_CATEGORIES, gcj02ToWgs84, haversineMeters, roundToGrid, wgs84ToGcj02 } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { parseXml, xmlToValue } from '../../../../tests/support/xml';
import { seedDemoData } from '../../seed/seed-demo';

const API_KEY = 'open311-test-key-0123456789';
const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 }; // GCJ-02
const DAY_MS = 86_400_000;
const RETIRED = 'night_market';

// The specification's field lists (http://wiki.open311.org/GeoReport_v2, Service Discovery).
const SPEC = {
  discovery: { required: ['changeset', 'contact', 'key_service', 'endpoints'], allowed: [] as string[] },
  endpoint: { required: ['specification', 'url', 'changeset', 'type', 'formats'], allowed: [] as string[] },
  service: { required: ['service_code', 'service_name', 'metadata', 'type'], allowed: ['description', 'keywords', 'group'] },
  definition: { required: ['service_code', 'attributes'], allowed: [] as string[] },
  request: {
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
    allowed: ['status_notes', 'service_name', 'description', 'agency_responsible', 'service_notice', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'],
  },
  created: { required: ['service_request_id'], allowed: ['service_notice', 'account_id'] },
  error: { required: ['code', 'description'], allowed: [] as string[] },
};
const LISTS = new Set(['services', 'service_requests', 'errors', 'endpoints', 'formats', 'attributes', 'values']);
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let api: TestApi;
let stationA: string;
let resident: TestUser;
let officerA: TestUser;
let keySeq = 0;

function expectFields(object: Record<string, unknown>, spec: { required: string[]; allowed: string[] }) {
  for (const field of spec.required) expect(object).toHaveProperty(field);
  for (const field of Object.keys(object)) expect([...spec.required, ...spec.allowed]).toContain(field);
}

/** The JSON value as its XML text would read: scalars as strings, null as empty. */
function asXmlText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asXmlText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  return value === null ? '' : String(value);
}

/** GET a resource in both formats; checks content types, XML well-formedness, and that both say the same. */
async function getBoth(path: string, root: string, expectedStatus = 200) {
  const [base, query] = path.split('?');
  const url = (format: string) => `/open311/v2/${base}.${format}${query ? `?${query}` : ''}`;
  const jsonRes = await api.http().get(url('json'));
  const xmlRes = await getText(url('xml'));
  expect(jsonRes.status).toBe(expectedStatus);
  expect(xmlRes.status).toBe(expectedStatus);
  expect(jsonRes.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xmlRes.headers['content-type']).toBe('text/xml; charset=utf-8');
  const tree = parseXml(xmlRes.body as string);
  expect(tree.root.name).toBe(root);
  // Each request gets its own ephemeral port, which discovery's absolute URL names.
  const portless = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/127\.0\.0\.1:\d+/g, 'host'));
  expect(portless(xmlToValue(tree.root, LISTS))).toEqual(portless(asXmlText(jsonRes.body)));
  return { json: jsonRes.body, xml: xmlRes.body as string };
}

/** A GET whose body is kept as text whatever its type (supertest parses only what it knows). */
const getText = (url: string) => textOf(api.http().get(url));

function textOf<T extends { buffer(v: boolean): T; parse(fn: (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => void): T }>(req: T): T {
  return req.buffer(true).parse((res, cb) => {
    let text = '';
    res.on('data', (c: Buffer) => (text += c.toString()));
    res.on('end', () => cb(null, text));
  });
}

async function report(over: Record<string, unknown> = {}, user: TestUser = resident): Promise<string> {
  const res = await api
    .http()
    .post('/api/cases')
    .set('Authorization', user.auth)
    .set('Idempotency-Key', `open311-test-${++keySeq}-${Date.now()}`)
    .send({ category: 'street_vending', description: '门口有流动摊贩', lat: NEAR_JIALIN.lat, lng: NEAR_JIALIN.lng, address: '嘉麟社区东门 3 号楼', ...over });
  expect(res.status).toBe(201);
  return res.body.case.id as string;
}

const setCase = (id: string, set: Record<string, unknown>) => api.db.collection('cases').updateOne({ _id: new Types.ObjectId(id) }, { $set: set });

const post = (fields: Record<string, string>, format = 'json') =>
  api.http().post(`/open311/v2/requests.${format}`).type('form').send(new URLSearchParams(fields).toString());

beforeAll(async () => {
  api = await startTestApi(__filename, { HOTLINE_API_KEYS: API_KEY });
  await seedDemoData(api.db);
  // The categories as an admin left them: the defaults plus one switched off.
  await api.db.collection('categories').insertMany([...DEFAULT_CATEGORIES.map((c) => ({ ...c, active: true })), { code: RETIRED, name: '夜市', acceptHours: 4, resolveHours: 24, active: false }]);
  const stations = await api.db.collection('stations').find().toArray();
  stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  resident = await loginAs(api.db, 'resident', { name: '王秘密', phone: '13700001111' });
  officerA = await loginAs(api.db, 'officer', { stationId: stationA });
}, 60_000);

afterAll(() => api.close());

describe('discovery and services', () => {
  it('when a client reads the discovery document, then it names the v2 endpoint and both formats', async () => {
    const { json } = await getBoth('discovery', 'discovery');
    expectFields(json, SPEC.discovery);
    expect(json.changeset).toMatch(W3C);
    expect(json.endpoints).toHaveLength(1);
    expectFields(json.endpoints[0], SPEC.endpoint);
    expect(json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] });
    expect(json.endpoints[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open311\/v2$/);
  });

  it('when a client lists services, then every active category is a realtime service without extra attributes', async () => {
    const { json, xml } = await getBoth('services', 'services');
    expect(json).toHaveLength(10);
    for (const service of json) {
      expectFields(service, SPEC.service);
      expect(service).toMatchObject({ metadata: false, type: 'realtime' });
    }
    expect(json.find((s: { service_code: string }) => s.service_code === 'street_vending').service_name).toBe('占道经营');
    expect(xml).toContain('<service><service_code>');
  });

  it('when a category is switched off, then it is neither listed nor defined nor accepted', async () => {
    const listed = await api.http().get('/open311/v2/services.json').expect(200);
    expect(listed.body.map((s: { service_code: string }) => s.service_code)).not.toContain(RETIRED);
    expect((await api.http().get(`/open311/v2/services/${RETIRED}.json`)).status).toBe(404);
    expect((await post({ api_key: API_KEY, service_code: RETIRED, lat: '32.5', long: '120.4' })).status).toBe(404);
  });

  it('when a client reads a service definition, then it has the code and an empty attribute list', async () => {
    const { json, xml } = await getBoth('services/restaurant_fumes', 'service_definition');
    expectFields(json, SPEC.definition);
    expect(json).toEqual({ service_code: 'restaurant_fumes', attributes: [] });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>restaurant_fumes</service_code><attributes></attributes></service_definition>');
  });

  it('when the service code is unknown, then 404 as the specification\'s error list, in the asked format', async () => {
    const { json } = await getBoth('services/flying_saucers', 'errors', 404);
    expect(json).toHaveLength(1);
    expectFields(json[0], SPEC.error);
    expect(json[0].code).toBe(404);
  });
});

describe('GET requests', () => {
  it('when cases exist, then each is listed with the specification\'s fields, W3C dates with a zone and open/closed', async () => {
    const openId = await report();
    const closedId = await report({ category: 'clutter' });
    const staff = (id: string, path: string, body: Record<string, unknown>) =>
      api.http().post(`/api/staff/cases/${id}/${path}`).set('Authorization', officerA.auth).send(body);
    await staff(closedId, 'moves', { move: 'accept' }).expect(200);
    await staff(closedId, 'replies', { text: '已安排清运' }).expect(201);
    await staff(closedId, 'moves', { move: 'start' }).expect(200);
    await staff(closedId, 'moves', { move: 'resolve', note: '已清理完毕', outcome: 'fixed' }).expect(200);

    const { json } = await getBoth(`requests?service_request_id=${openId},${closedId}`, 'service_requests');
    expect(json).toHaveLength(2);
    for (const request of json) {
      expectFields(request, SPEC.request);
      expect(request.requested_datetime).toMatch(W3C);
      expect(request.updated_datetime).toMatch(W3C);
    }
    const open = json.find((r: { service_request_id: string }) => r.service_request_id === openId);
    const closed = json.find((r: { service_request_id: string }) => r.service_request_id === closedId);
    expect(open).toMatchObject({ status: 'open', service_code: 'street_vending', service_name: '占道经营', status_notes: '已提交' });
    expect(open.agency_responsible).toContain('嘉麟');
    expect(open.expected_datetime).toMatch(W3C);
    expect(closed).toMatchObject({ status: 'closed', service_code: 'clutter', status_notes: '已办结（已解决）：已安排清运', expected_datetime: null });
  });

  it('when no dates are given, then the last 90 days are listed; older cases only within an explicit range', async () => {
    const recent = await report();
    const old = await report();
    const oldAt = new Date(Date.now() - 120 * DAY_MS);
    await setCase(old, { createdAt: oldAt });
    const ids = (body: Array<{ service_request_id: string }>) => body.map((r) => r.service_request_id);

    const byDefault = await api.http().get('/open311/v2/requests.json').expect(200);
    expect(ids(byDefault.body)).toContain(recent);
    expect(ids(byDefault.body)).not.toContain(old);

    const start = new Date(oldAt.getTime() - DAY_MS).toISOString();
    const end = new Date(oldAt.getTime() + DAY_MS).toISOString();
    const window = await api.http().get('/open311/v2/requests.json').query({ start_date: start, end_date: end }).expect(200);
    expect(ids(window.body)).toEqual([old]);

    // Only a start: the 90 days after it.
    const fromStart = await api.http().get('/open311/v2/requests.json').query({ start_date: start }).expect(200);
    expect(ids(fromStart.body)).toContain(old);
    expect(ids(fromStart.body)).not.toContain(recent);

    // Only an end: the 90 days before it.
    const toEnd = await api.http().get('/open311/v2/requests.json').query({ end_date: end }).expect(200);
    expect(ids(toEnd.body)).toEqual([old]);

    // An id overrides every other argument, dates included.
    const byId = await api.http().get('/open311/v2/requests.json').query({ service_request_id: old, start_date: new Date().toISOString() }).expect(200);
    expect(ids(byId.body)).toEqual([old]);
  });

  it('when the range spans more than 90 days, runs backwards or a date is not W3C with a zone, then 400 in the asked format', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const exactly90 = await api.http().get('/open311/v2/requests.json').query({ start_date: iso(now - 90 * DAY_MS), end_date: iso(now) });
    expect(exactly90.status).toBe(200);
    const cases: Array<Record<string, string>> = [
      { start_date: iso(now - 91 * DAY_MS), end_date: iso(now) },
      { start_date: iso(now), end_date: iso(now - DAY_MS) },
      { start_date: '2024-01-01' },
      { start_date: '2024-01-01T00:00:00' },
      { end_date: 'yesterday' },
    ];
    for (const query of cases) {
      const json = await api.http().get('/open311/v2/requests.json').query(query);
      expect(json.status).toBe(400);
      expect(json.body[0]).toMatchObject({ code: 400 });
      expect(json.body[0].description).toContain('INVALID_DATE_RANGE');
    }
    const xml = await textOf(api.http().get('/open311/v2/requests.xml').query(cases[0]));
    expect(xml.status).toBe(400);
    const tree = parseXml(xml.body as string);
    expect(tree.root.name).toBe('errors');
    expect(tree.root.children.map((c) => c.children.map((f) => f.name))).toEqual([['code', 'description']]);
  });

  it('when a +08:00 offset arrives with its + unencoded, then it is still read as the offset', async () => {
    const res = await api.http().get('/open311/v2/requests.json?start_date=2024-01-01T08:00:00+08:00&end_date=2024-02-01T08:00:00+08:00');
    expect(res.status).toBe(200);
  });

  it('when filtered by comma-separated service codes and status, then only those are listed', async () => {
    const vending = await report({ category: 'street_vending' });
    const fumes = await report({ category: 'restaurant_fumes' });
    const parking = await report({ category: 'parking' });
    await setCase(fumes, { status: 'rejected' });
    const ids = async (query: Record<string, string>) =>
      ((await api.http().get('/open311/v2/requests.json').query(query).expect(200)).body as Array<{ service_request_id: string }>).map((r) => r.service_request_id);
    const byCode = await ids({ service_code: 'street_vending,restaurant_fumes' });
    expect(byCode).toEqual(expect.arrayContaining([vending, fumes]));
    expect(byCode).not.toContain(parking);
    const closed = await ids({ status: 'closed' });
    expect(closed).toContain(fumes);
    expect(closed).not.toContain(vending);
    const open = await ids({ status: 'open', service_code: 'street_vending,restaurant_fumes' });
    expect(open).toContain(vending);
    expect(open).not.toContain(fumes);
    expect(await ids({ status: 'open,closed', service_code: 'parking' })).toContain(parking);
    const bad = await api.http().get('/open311/v2/requests.json').query({ status: 'pending' });
    expect(bad.status).toBe(400);
  });

  it('when one request is read by id, then it is a list of one; an unknown or malformed id is 404', async () => {
    const id = await report();
    const { json } = await getBoth(`requests/${id}`, 'service_requests');
    expect(json).toHaveLength(1);
    expect(json[0].service_request_id).toBe(id);
    for (const missing of [new Types.ObjectId().toHexString(), 'not-an-id']) {
      const res = await api.http().get(`/open311/v2/requests/${missing}.json`);
      expect(res.status).toBe(404);
      expect(res.body[0].code).toBe(404);
    }
  });
});

describe('the public view carries no personal data', () => {
  it('when a case has a reporter, photos, an address and an exact point, then none of them leave; the location is a ~100 m WGS84 grid cell', async () => {
    const hidden = await report({ description: '我叫王秘密，电话 13700001111，住 3 号楼 502', address: '嘉麟社区 3 号楼 502 室' });
    const shown = await report({ description: '东门人行道被摊位占满', publicDescription: true });
    const photo = new Types.ObjectId();
    await setCase(hidden, { photos: [photo] });
    await api.http().post(`/api/staff/cases/${hidden}/notes`).set('Authorization', officerA.auth).send({ text: '内部备注：举报人是老住户' }).expect(201);

    const { json, xml } = await getBoth(`requests?service_request_id=${hidden},${shown}`, 'service_requests');
    const reporter = await api.db.collection('users').findOne({ _id: new Types.ObjectId(resident.id) });
    for (const body of [JSON.stringify(json), xml]) {
      // The flat number with its context: '502' alone also turns up in random ids and times.
      for (const secret of [resident.id, resident.openid, '王秘密', '13700001111', '号楼 502', '502 室', '3 号楼', '内部备注', photo.toHexString(), '/api/media', 'media_url', 'reporter', String(reporter!._id)]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toContain(String(NEAR_JIALIN.lat));
      expect(body).not.toContain(String(NEAR_JIALIN.lng));
    }
    const byId = new Map(json.map((r: { service_request_id: string }) => [r.service_request_id, r]));
    expect((byId.get(hidden) as { description: unknown }).description).toBeNull();
    expect((byId.get(shown) as { description: unknown }).description).toBe('东门人行道被摊位占满');

    const exact = gcj02ToWgs84(NEAR_JIALIN);
    for (const r of json as Array<{ lat: number; long: number }>) {
      const published = { lat: r.lat, lng: r.long };
      expect(roundToGrid(published, 100)).toEqual(published); // on the grid
      expect(published).not.toEqual(exact);
      expect(haversineMeters(published, exact)).toBeLessThan(80); // within half a cell diagonal
      // WGS84, not our stored GCJ-02 (about 490 m apart in Hai'an).
      expect(haversineMeters(published, NEAR_JIALIN)).toBeGreaterThan(300);
    }
  });

  it('when a public description holds markup and control characters, then the XML stays well-formed and both formats read the same text', async () => {
    const id = await report({ description: '<b>摊位</b> & "占道" \'严重\'', publicDescription: true });
    await setCase(id, { description: '<b>摊位</b> & "占道" \'严重\'\u0007]]>\u001B' });
    const { json, xml } = await getBoth(`requests/${id}`, 'service_requests');
    // XML 1.0 cannot carry a bell or an escape character at all, so neither format does.
    expect(json[0].description).toBe('<b>摊位</b> & "占道" \'严重\']]>');
    expect(xml).toContain('&lt;b&gt;摊位&lt;/b&gt; &amp; &quot;占道&quot; &apos;严重&apos;]]&gt;');
  });
});

describe('POST requests', () => {
  const WGS = { lat: 32.5375, long: 120.4548 };

  it('when a client posts a form with a valid api_key, then a case is created at the converted GCJ-02 point and its id returned', async () => {
    const res = await post({
      api_key: API_KEY,
      jurisdiction_id: 'haian.gov.cn',
      service_code: 'clutter',
      lat: String(WGS.lat),
      long: String(WGS.long),
      address_string: '城南花苑二期 北门',
      description: '北门垃圾堆放多日',
      email: 'someone@example.com',
      first_name: '三',
      last_name: '张',
      phone: '13911112222',
      device_id: 'device-xyz',
      'attribute[WHATEVER]': 'ignored',
    });
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(1);
    expectFields(res.body[0], SPEC.created);
    const doc = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(res.body[0].service_request_id) });
    expect(doc).toMatchObject({ category: 'clutter', source: 'hotline', description: '北门垃圾堆放多日', address: '城南花苑二期 北门', publicDescription: false });
    const gcj = wgs84ToGcj02({ lat: WGS.lat, lng: WGS.long });
    expect(haversineMeters({ lat: doc!.lat, lng: doc!.lng }, gcj)).toBeLessThan(0.01);
    // WGS84 -> GCJ-02 (stored) -> WGS84 comes back within 1 m.
    expect(haversineMeters(gcj02ToWgs84({ lat: doc!.lat, lng: doc!.lng }), { lat: WGS.lat, lng: WGS.long })).toBeLessThan(1);
    const reporter = await api.db.collection('users').findOne({ _id: doc!.reporterId });
    expect(reporter).toMatchObject({ openid: 'open311-api' });
    // The submitter's contact fields were not kept anywhere.
    const everything = JSON.stringify([doc, reporter, await api.db.collection('idempotency_keys').find().toArray()]);
    for (const personal of ['someone@example.com', '13911112222', 'device-xyz', '张']) expect(everything).not.toContain(personal);
  });

  it('when the answer is asked for in XML, then it is the service_requests list with the new id', async () => {
    const res = await textOf(post({ api_key: API_KEY, service_code: 'parking', lat: String(WGS.lat), long: String(WGS.long) }, 'xml'));
    expect(res.status).toBe(201);
    const tree = parseXml(res.body as string);
    const [request] = xmlToValue(tree.root, LISTS) as Array<Record<string, string>>;
    expectFields(request, SPEC.created);
    expect(request.service_request_id).toMatch(/^[0-9a-f]{24}$/);
    expect(request.account_id).toBe('');
  });

  it('when the api_key is missing or wrong, then 403 as the specification says, and nothing is created', async () => {
    const before = await api.db.collection('cases').countDocuments();
    for (const key of [undefined, 'wrong', '']) {
      const fields: Record<string, string> = { service_code: 'parking', lat: String(WGS.lat), long: String(WGS.long) };
      if (key !== undefined) fields.api_key = key;
      for (const format of ['json', 'xml']) {
        const res = await post(fields, format);
        expect(res.status).toBe(403);
        if (format === 'json') expect(res.body).toEqual([{ code: 403, description: expect.stringContaining('API_KEY_INVALID') }]);
      }
    }
    expect(await api.db.collection('cases').countDocuments()).toBe(before);
  });

  it('when the service code is unknown, missing, the location only an address, or a field repeated or unknown, then 404 or 400', async () => {
    const base = { api_key: API_KEY, lat: String(WGS.lat), long: String(WGS.long) };
    expect((await post({ ...base, service_code: 'flying_saucers' })).status).toBe(404);
    expect((await post(base)).status).toBe(400);
    const addressOnly = await post({ api_key: API_KEY, service_code: 'parking', address_string: '丹凤小区' });
    expect(addressOnly.status).toBe(400);
    expect(addressOnly.body[0].description).toContain('lat');
    expect((await post({ ...base, service_code: 'parking', lat: '95' })).status).toBe(400);
    expect((await post({ ...base, service_code: 'parking', colour: 'red' })).status).toBe(400);
    const repeated = await api.http().post('/open311/v2/requests.json').type('form').send(`api_key=${API_KEY}&service_code=parking&service_code=other&lat=32.5&long=120.4`);
    expect(repeated.status).toBe(400);
    const asJson = await api.http().post('/open311/v2/requests.json').send({ api_key: API_KEY, service_code: 'parking', lat: 32.5, long: 120.4 });
    expect(asJson.status).toBe(400);
  });
});

describe('routing under /open311', () => {
  it('when a path is unknown or has no format, then a specification 404 in XML (JSON for .json)', async () => {
    for (const path of ['/open311', '/open311/v1/services.xml', '/open311/v2/services', '/open311/v2/nothing.xml', '/open311/v2/services/a/b.xml']) {
      const res = await getText(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(parseXml(res.body as string).root.name).toBe('errors');
    }
    const json = await api.http().get('/open311/v2/nothing.json');
    expect(json.status).toBe(404);
    expect(json.body).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('when a request carries a bad Authorization header, then Open311 ignores it (the session middleware is /api only)', async () => {
    await api.http().get('/open311/v2/services.json').set('Authorization', 'Bearer nonsense').expect(200);
  });

  it('when an unknown query parameter is sent, then 400 names it', async () => {
    const res = await api.http().get('/open311/v2/services.json').query({ colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body[0].description).toContain('colour');
  });
});
