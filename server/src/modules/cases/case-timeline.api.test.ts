import { Types } from 'mongoose';
import { chinaTime } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { attachmentsOf } from '../../../../tests/support/attachments';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { CaseNotifier } from './case-notifier';
import { CaseTimelineService } from './case-timeline.service';

let api: TestApi;
let w: CaseWorld;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
}, 60_000);

afterAll(() => api.close());

const outboxFor = (userId: string, caseId: string) =>
  api.db.collection('outbox').find({ userId: new Types.ObjectId(userId), dedupeKey: { $regex: `^case(-staff)?:${caseId}:` } }).toArray();

describe('one photo on several things', () => {
  it('when a resident uploads the same photo again and attaches it to a second case, then both cases show it', async () => {
    const photo = await w.photo(w.reporter);
    const first = await w.report(w.reporter, { photos: [photo] });
    const second = await w.report(w.reporter, { photos: [photo] });
    expect(await attachmentsOf(api.db, [photo])).toEqual({ [photo]: [`case:${first}`, `case:${second}`].sort() });
    for (const id of [first, second]) {
      const view = await api.http().get(`/api/staff/cases/${id}`).set('Authorization', w.officerA.auth).expect(200);
      expect(view.body.case.photos.map((p: { id: string }) => p.id)).toEqual([photo]);
    }
    await api.http().get(`/api/media/${photo}`).set('Authorization', w.officerA.auth).expect(200);
  });

  it('when an officer uses one photo in a reply and in the resolution, then both entries carry it', async () => {
    const id = await w.report();
    const photo = await w.photo(w.officerA);
    await w.move(w.officerA, id, { move: 'accept' }).expect(200);
    await w.move(w.officerA, id, { move: 'start' }).expect(200);
    await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', w.officerA.auth).send({ text: '已到场', photos: [photo] }).expect(201);
    const done = await w.move(w.officerA, id, { move: 'resolve', note: '已清理', outcome: 'fixed', photos: [photo] }).expect(200);
    const withPhoto = done.body.timeline.filter((e: { photos: Array<{ id: string }> }) => e.photos.some((p) => p.id === photo));
    expect(withPhoto.map((e: { kind: string }) => e.kind)).toEqual(['reply', 'status']);
    await api.http().get(`/api/media/${photo}`).set('Authorization', w.reporter.auth).expect(200);
  });
});

describe('ratings are timeline entries', () => {
  it('when rated 3, then the rating is on the timeline, the case stays resolved, and the 7-day close still comes', async () => {
    const id = await w.resolved();
    const res = await api.http().post(`/api/cases/${id}/rating`).set('Authorization', w.reporter.auth).send({ score: 3, comment: '还行' }).expect(200);
    expect(res.body.case).toMatchObject({ status: 'resolved', rating: 3 });
    const last = res.body.timeline[res.body.timeline.length - 1];
    expect(last).toMatchObject({ kind: 'rating', score: 3, text: '还行' });
  });

  it('when rated 1, then a rating entry and then the reopen move follow each other', async () => {
    const id = await w.resolved();
    const res = await api.http().post(`/api/cases/${id}/rating`).set('Authorization', w.reporter.auth).send({ score: 1 }).expect(200);
    const kinds = res.body.timeline.slice(-2).map((e: { kind: string; move?: string }) => e.move ?? e.kind);
    expect(kinds).toEqual(['rating', 'reopen']);
  });

  it("when the reporter rates, then the reporter is not notified of their own rating, and the station's staff are", async () => {
    const id = await w.resolved();
    await api.http().post(`/api/cases/${id}/rating`).set('Authorization', w.reporter.auth).send({ score: 3 }).expect(200);
    const caseDoc = await api.db.collection('case_events').findOne({ caseId: new Types.ObjectId(id), kind: 'rating' });
    const toReporter = (await outboxFor(w.reporter.id, id)).map((m) => m.dedupeKey);
    expect(toReporter).not.toContain(`case:${id}:${caseDoc!.seq}`);
    const toOfficer = (await outboxFor(w.officerA.id, id)).map((m) => m.dedupeKey);
    expect(toOfficer).toContain(`case-staff:${id}:${caseDoc!.seq}`);
    expect((await outboxFor(w.officerB.id, id)).length).toBe(0);
  });
});

describe('times people read are China time', () => {
  it('when an entry is written at 16:30 UTC, then the resident is told 00:30 of the next day', async () => {
    const id = await w.report();
    const timeline = await api.app.getApplicationContext().getAsync(CaseTimelineService);
    const notifier = await api.app.getApplicationContext().getAsync(CaseNotifier);
    const doc = (await timeline.load(id))!;
    const at = new Date('2030-01-01T16:30:00Z');
    await notifier.entryWritten(doc, { seq: 99, public: true, actorId: null, to: 'accepted', text: null, kind: 'status', at });
    const sent = await api.db.collection('outbox').findOne({ dedupeKey: `case:${id}:99`, userId: new Types.ObjectId(w.reporter.id) });
    expect(sent!.data.time4.value).toBe('2030-01-02 00:30');
    expect(chinaTime(at)).toBe('2030-01-02 00:30');
  });
});

describe('merging never widens who sees what', () => {
  it("when an officer merges into another station's case, then 404 and the target stays hidden from them", async () => {
    const target = await w.report(w.otherResident, { lat: 32.5552, lng: 120.4873, address: '平桥村村委会东侧' });
    const targetView = await api.http().get(`/api/staff/cases/${target}`).set('Authorization', w.officerB.auth).expect(200);
    expect(targetView.body.case.stationId).toBe(w.stationB);
    const mine = await w.report(w.reporter);
    const res = await w.move(w.officerA, mine, { move: 'merge', targetCaseId: target }).expect(404);
    expect(res.body.error.code).toBe('CASE_NOT_FOUND');
    await api.http().get(`/api/cases/${target}`).set('Authorization', w.reporter.auth).expect(404);
    await api.http().get(`/api/cases/${target}`).set('Authorization', w.officerA.auth).expect(404);
  });

  it('when the target is already resolved, then the merge is refused', async () => {
    const target = await w.resolved();
    const mine = await w.report(w.otherResident);
    const res = await w.move(w.officerA, mine, { move: 'merge', targetCaseId: target }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('appends always land', () => {
  it('when 10 replies are posted to one case at once, then all 10 are saved in distinct versions', async () => {
    const id = await w.report();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', w.officerA.auth).send({ text: `第${i + 1}条回复` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const entries = await api.db.collection('case_events').find({ caseId: new Types.ObjectId(id), kind: 'reply' }).toArray();
    expect(entries).toHaveLength(10);
    expect(new Set(entries.map((e) => e.seq)).size).toBe(10);
  });
});

describe('a reply sent again with its Idempotency-Key lands once', () => {
  const reply = (id: string, body: Record<string, unknown>, key?: string, path = 'replies') => {
    const req = api.http().post(`/api/staff/cases/${id}/${path}`).set('Authorization', w.officerA.auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const entriesOf = (id: string, kind: string) => api.db.collection('case_events').find({ caseId: new Types.ObjectId(id), kind }).toArray();

  it('when the answer to a reply was lost and the officer sends it again, then there is one reply, and both answers show it', async () => {
    const id = await w.report();
    const key = `reply-${Date.now()}-again`;
    const first = await reply(id, { text: '已派队员前往' }, key).expect(201);
    const again = await reply(id, { text: '已派队员前往' }, key).expect(201);
    expect(await entriesOf(id, 'reply')).toHaveLength(1);
    expect(again.body.timeline.filter((e: { kind: string }) => e.kind === 'reply')).toEqual(first.body.timeline.filter((e: { kind: string }) => e.kind === 'reply'));
    // The same words without a key are a second reply, as before.
    await reply(id, { text: '已派队员前往' }).expect(201);
    expect(await entriesOf(id, 'reply')).toHaveLength(2);
  });

  it('when the same key comes with other words, or for another case, then 422; a note and a reply may share a key', async () => {
    const [id, other] = [await w.report(), await w.report()];
    const key = `reply-${Date.now()}-reused`;
    await reply(id, { text: '今天处理' }, key).expect(201);
    expect((await reply(id, { text: '明天处理' }, key).expect(422)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await reply(other, { text: '今天处理' }, key).expect(422)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await reply(id, { text: '今天处理' }, key, 'notes').expect(201);
    expect(await entriesOf(id, 'note')).toHaveLength(1);
    expect((await reply(id, { text: 'x' }, 'bad key!')).status).toBe(400);
  });

  it('when the first request claimed the key but died before its reply landed, then the retry writes it (at once while it may still be writing: 409)', async () => {
    const id = await w.report();
    const key = `reply-${Date.now()}-died`;
    const record = { userId: new Types.ObjectId(w.officerA.id), key: `reply:${key}`, caseId: new Types.ObjectId(id) };
    // What a request that died after claiming the key leaves: the key, no entry. Its hash is of the same body.
    await reply(id, { text: '已派队员前往' }, key).expect(201);
    await api.db.collection('case_events').deleteMany({ caseId: new Types.ObjectId(id), kind: 'reply' });
    await api.db.collection('idempotency_keys').updateOne(record, { $set: { createdAt: new Date() } });
    expect((await reply(id, { text: '已派队员前往' }, key).expect(409)).body.error.code).toBe('CONCURRENT_UPDATE');
    await api.db.collection('idempotency_keys').updateOne(record, { $set: { createdAt: new Date(Date.now() - 60_000) } });
    await reply(id, { text: '已派队员前往' }, key).expect(201);
    expect(await entriesOf(id, 'reply')).toHaveLength(1);
  });

  it('when the first request wrote its reply but died before attaching its photo, then the retry attaches it', async () => {
    const id = await w.report();
    const photo = await w.photo(w.officerA);
    const key = `reply-${Date.now()}-photo`;
    await reply(id, { text: '已到场', photos: [photo] }, key).expect(201);
    await api.db.collection('media_attachments').deleteMany({ mediaId: new Types.ObjectId(photo) });
    await reply(id, { text: '已到场', photos: [photo] }, key).expect(201);
    expect(await attachmentsOf(api.db, [photo])).toEqual({ [photo]: [`case:${id}`] });
    expect(await entriesOf(id, 'reply')).toHaveLength(1);
  });
});
