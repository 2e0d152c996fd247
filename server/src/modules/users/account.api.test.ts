import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import { Types } from 'mongoose';
import { chinaDate } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { addSession, book, createEvent, DAY, inFuture, setSessionTimes } from '../../../../tests/support/events';

const MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-account-media-'));
let api: TestApi;
let w: CaseWorld;

beforeAll(async () => {
  api = await startTestApi(__filename, { MEDIA_DIR });
  w = await buildCaseWorld(api);
}, 60_000);

afterAll(async () => {
  await api.close();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
});

const storedFiles = () => readdirSync(MEDIA_DIR, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const as = (user: TestUser) => ({
  get: (url: string) => api.http().get(url).set('Authorization', user.auth),
  put: (url: string, body: unknown) => api.http().put(url).set('Authorization', user.auth).send(body as object),
  del: (url: string) => api.http().delete(url).set('Authorization', user.auth),
});

/** Every document of every collection as text, for looking for traces of a person. */
async function everything(): Promise<string> {
  const collections = await api.db.db!.listCollections().toArray();
  const dumps = await Promise.all(collections.map(async (c) => `${c.name}: ${EJSON.stringify(await api.db.collection(c.name).find().toArray())}`));
  return dumps.join('\n');
}

describe('choosing my community', () => {
  it('when a resident picks a community a station serves, then notices follow it; another name is 404', async () => {
    const resident = await loginAs(api.db, 'resident');
    const communities = (await api.http().get('/api/communities').expect(200)).body.items as Array<{ name: string; stationId: string }>;
    expect(communities.map((c) => c.name)).toContain('嘉麟社区');
    const me = await as(resident).put('/api/me/community', { community: '嘉麟社区' }).expect(200);
    expect(me.body.community).toBe('嘉麟社区');
    expect((await as(resident).put('/api/me/community', { community: '火星社区' }).expect(404)).body.error.code).toBe('COMMUNITY_NOT_FOUND');
    await as(resident).put('/api/me/community', { community: '嘉麟社区', role: 'admin' }).expect(400);
    await as(w.officerA).put('/api/me/community', { community: '嘉麟社区' }).expect(403);
  });
});

describe('my data: export and delete', () => {
  let person: TestUser;
  let caseId: string;
  let photo: string;
  let sessionId: string;

  beforeAll(async () => {
    person = await loginAs(api.db, 'resident', { name: '王五注销测试', phone: '13700137000' });
    await as(person).put('/api/me/community', { community: '嘉麟社区' }).expect(200);
    photo = await w.photo(person);
    caseId = await w.report(person, { photos: [photo], description: '王五家门口被占道，电话13700137000' });
    await api.http().post(`/api/cases/${caseId}/supplements`).set('Authorization', person.auth).set('Idempotency-Key', 'erase-sup-0001').send({ text: '王五补充：早上最严重' }).expect(201);
    const rated = await w.resolved();
    await api.db.collection('cases').updateOne({ _id: new Types.ObjectId(rated) }, { $set: { reporterId: new Types.ObjectId(person.id) } });
    await api.http().post(`/api/cases/${rated}/rating`).set('Authorization', person.auth).send({ score: 4, comment: '王五满意' }).expect(200);
    const followed = await w.report(w.otherResident, { category: 'clutter' });
    await api.http().post(`/api/cases/${followed}/follow`).set('Authorization', person.auth).expect(200);
    sessionId = await addSession(api, w.leadA, await createEvent(api, w.leadA), { capacity: 1 });
    await book(api, person, sessionId, 1).expect(201);
    const past = await addSession(api, w.leadA, await createEvent(api, w.leadA), { startAt: inFuture(3 * DAY), endAt: inFuture(3 * DAY + 3600_000) });
    await book(api, person, past, 1).expect(201);
    await setSessionTimes(api, past, { cancelCutoffAt: new Date(Date.now() - 60_000) }); // no longer cancellable
    const notice = await api.http().post('/api/notices').set('Authorization', (await loginAs(api.db, 'admin')).auth).send({ title: '停水通知', body: '明日停水', photos: [] }).expect(201);
    await as(person).get(`/api/notices/${notice.body.id}`).expect(200);
  }, 60_000);

  it('when a resident exports their data, then every part is there as a JSON download', async () => {
    const res = await as(person).get('/api/me/export').expect(200);
    const data = res.body;
    // Named by the China calendar day of the export (an export at 07:30 in Beijing is 23:30 UTC the day before).
    expect(res.headers['content-disposition']).toBe(`attachment; filename="citycare-my-data-${chinaDate(new Date(data.exportedAt))}.json"`);
    expect(data.user).toMatchObject({ id: person.id, name: '王五注销测试', phone: '13700137000', community: '嘉麟社区' });
    expect(data.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    const mine = data.cases.find((c: { id: string }) => c.id === caseId);
    expect(mine.timeline.map((e: { kind: string }) => e.kind)).toContain('supplement');
    expect(data.following).toHaveLength(1);
    expect(data.ratings).toEqual([expect.objectContaining({ score: 4, comment: '王五满意' })]);
    expect(data.bookings).toHaveLength(2);
    expect(data.noticeReads).toHaveLength(1);
    expect(data.photos.map((p: { id: string }) => p.id)).toEqual([photo]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(data)).not.toMatch(/tokenHash|wechatSessionKey|session-key/);
  });

  it('when a resident deletes their account, then nothing in any collection or the photo store leads back to them', async () => {
    const sha = (await api.db.collection('media').findOne({ _id: new Types.ObjectId(photo) }))!.sha256 as string;
    expect(storedFiles().some((f) => f.startsWith(sha))).toBe(true);
    const before = await api.db.collection('cases').countDocuments();

    await as(person).del('/api/me').expect(200);

    const dump = await everything();
    for (const trace of [person.id, person.openid, '13700137000', '王五注销测试', '王五补充', '王五满意', '王五家门口', sha]) {
      const at = dump.indexOf(trace);
      expect({ trace, found: at < 0 ? '' : dump.slice(Math.max(0, dump.lastIndexOf('\n', at)), at + 60) }).toEqual({ trace, found: '' });
    }
    expect(storedFiles().some((f) => f.startsWith(sha))).toBe(false);
    // The cases stay, anonymous, for the figures.
    expect(await api.db.collection('cases').countDocuments()).toBe(before);
    const kept = await api.db.collection('cases').findOne({ _id: new Types.ObjectId(caseId) });
    expect(kept).toMatchObject({ anonymous: true, photos: [], category: 'street_vending' });
    // The cancellable booking was cancelled, freeing its seat; the token no longer works.
    expect(await api.db.collection('event_seats').countDocuments({ sessionId: new Types.ObjectId(sessionId), bookingId: { $ne: null } })).toBe(0);
    await as(person).get('/api/me').expect(401);
    // Staff still see the case, anonymous, with an erasure entry instead of the reporter.
    const staff = await as(w.officerA).get(`/api/staff/cases/${caseId}`).expect(200);
    expect(staff.body.case.reporter).toBeNull();
    expect(staff.body.timeline.map((e: { kind: string }) => e.kind)).toContain('erasure');
  });

  it('when staff try to delete their own account, then 403: an admin closes staff accounts', async () => {
    await as(w.officerB).del('/api/me').expect(403);
    await as(w.officerB).get('/api/me').expect(200);
  });
});
