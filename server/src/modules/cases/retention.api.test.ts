import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { MediaStore, storageKey } from '../media/media-store';
import { RETAINED_DESCRIPTION, RetentionJob } from './retention.job';

/** R14: the retention job, run with a fake clock (its `now`), RETENTION_DAYS at its default of 1095. */

const DAY = 24 * 3600_000;
let api: TestApi;
let w: CaseWorld;
let neighbour: TestUser;
let job: RetentionJob;
let media: MediaStore;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
  neighbour = await loginAs(api.db, 'resident');
  job = await api.app.getApplicationContext().getAsync(RetentionJob);
  media = await api.app.getApplicationContext().getAsync(MediaStore);
}, 60_000);

afterAll(() => api.close());

const as = (user: TestUser) => ({
  get: (url: string) => api.http().get(url).set('Authorization', user.auth),
  post: (url: string, body: Record<string, unknown> = {}) => api.http().post(url).set('Authorization', user.auth).send(body),
});

/** A case with a photo, an officer's reply with a photo (and an Idempotency-Key), the reporter's 补充说明, a follower; closed by a 5-star rating. */
async function closedCase(): Promise<{ id: string; photos: string[] }> {
  const before = await w.photo(w.reporter);
  const id = await w.report(w.reporter, { description: '我家楼下占道，电话13812341234', address: '嘉麟社区7栋2单元', photos: [before] });
  await as(neighbour).post(`/api/cases/${id}/follow`).expect(200);
  await api.http().post(`/api/cases/${id}/supplements`).set('Authorization', w.reporter.auth).set('Idempotency-Key', `retention-sup-${id}`).send({ text: '晚上更严重', photos: [] }).expect(201);
  const after = await w.photo(w.officerA);
  for (const body of [{ move: 'accept' }, { move: 'start' }]) await w.move(w.officerA, id, body).expect(200);
  await as(w.officerA).post(`/api/staff/cases/${id}/replies`, { text: '已到场处理', photos: [after] }).set('Idempotency-Key', `retention-reply-${id}`).expect(201);
  await w.move(w.officerA, id, { move: 'resolve', note: '已清理', outcome: 'fixed' }).expect(200);
  await as(w.reporter).post(`/api/cases/${id}/rating`, { score: 5, comment: '谢谢张队' }).expect(200);
  return { id, photos: [before, after] };
}

const stored = (id: string) => api.db.collection('cases').findOne({ _id: new Types.ObjectId(id) });
const photoGone = async (mediaId: string) => {
  const doc = await api.db.collection('media').findOne({ _id: new Types.ObjectId(mediaId) });
  return doc === null;
};

describe('R14 retention', () => {
  it('when a closed case is past the period, then it is anonymised and its photos deleted; open and recent cases are untouched; two runs at once do it once', async () => {
    const old = await closedCase();
    const openPhoto = await w.photo(w.reporter);
    const open = await w.report(w.reporter, { description: '还没处理的问题 13812341234', photos: [openPhoto] });
    const closedAt = (await stored(old.id))!.closedAt as Date;
    const photoDoc = await api.db.collection('media').findOne({ _id: new Types.ObjectId(old.photos[0]) });

    // A day short of three years: nothing yet.
    expect(await job.runOnce(new Date(closedAt.getTime() + 1094 * DAY))).toBe(0);
    expect((await stored(old.id))!.description).toContain('13812341234');

    const later = new Date(closedAt.getTime() + 1096 * DAY);
    const runs = await Promise.all([job.runOnce(later), job.runOnce(later)]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await job.runOnce(later)).toBe(0);

    const doc = (await stored(old.id))!;
    expect(doc).toMatchObject({ status: 'closed', category: 'street_vending', description: RETAINED_DESCRIPTION, address: '', anonymous: true, photos: [], purgeFrom: null });
    expect(String(doc.reporterId)).not.toBe(w.reporter.id);
    // The new reporter id is nobody's: no list of theirs was made (common/list-pages.ts).
    expect(await api.db.collection('list_versions').countDocuments({ _id: `mine|${String(doc.reporterId)}` as never })).toBe(0);
    expect(doc.stationId.toHexString()).toBe(w.stationA);
    // Gone from the reporter's and the follower's view; staff still see the anonymous record.
    await as(w.reporter).get(`/api/cases/${old.id}`).expect(404);
    await as(neighbour).get(`/api/cases/${old.id}`).expect(404);
    const staff = await as(w.officerA).get(`/api/staff/cases/${old.id}`).expect(200);
    expect(staff.body.case.reporter).toBeNull();
    expect(JSON.stringify(staff.body)).not.toMatch(/13812341234|7栋2单元|晚上更严重|谢谢张队/);
    expect(staff.body.timeline.map((e: { kind: string }) => e.kind)).toContain('erasure');
    for (const p of old.photos) expect(await photoGone(p)).toBe(true);
    expect(await media.storage.get(storageKey(photoDoc!.sha256, 'full'))).toBeNull();
    expect(await api.db.collection('case_followers').countDocuments({ caseId: doc._id })).toBe(0);
    expect((await api.db.collection('ratings').findOne({ caseId: doc._id }))!.comment).toBeNull();
    // No Idempotency-Key of the case is left: the reporter's (the case, 补充说明) nor the officer's reply.
    expect(await api.db.collection('idempotency_keys').countDocuments({ caseId: doc._id })).toBe(0);

    // The open case, far older than the period by now, is as it was.
    const openDoc = (await stored(open))!;
    expect(openDoc.description).toContain('13812341234');
    expect(await photoGone(openPhoto)).toBe(false);
    // So are the figures: the case still counts for its day.
    expect(doc.tallyStation).toBe((await stored(open))!.tallyStation);
  });

  it('when a case was reopened after closing, then it is not anonymised', async () => {
    const { id } = await closedCase();
    const closedAt = (await stored(id))!.closedAt as Date;
    await api.db.collection('cases').updateOne({ _id: new Types.ObjectId(id) }, { $set: { closedAt: new Date(closedAt.getTime() - 2000 * DAY) } });
    await w.move(w.leadA, id, { move: 'reopen', reason: '居民反映问题复发' }).expect(200);
    expect((await stored(id))!.status).toBe('in_progress');
    expect(await job.runOnce(new Date(Date.now() + 10 * DAY))).toBe(0);
    expect((await stored(id))!.description).toContain('13812341234');
  });
});
