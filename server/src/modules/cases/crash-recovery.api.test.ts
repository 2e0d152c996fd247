import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { OutboxWorker } from '../notifications/outbox.worker';

/**
 * What a process that died mid-request leaves behind, set up exactly, and what
 * the next request or worker run makes of it (R13's fault test finds these by
 * killing processes under load: tests/reliability/r13-faults.test.ts).
 */

let api: TestApi;
let w: CaseWorld;
let keys = 0;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
}, 60_000);

afterAll(() => api.close());

const body = { category: 'clutter', description: '楼道里堆着旧家具', address: '嘉麟社区5栋', lat: 32.5395, lng: 120.4595 };
const post = (key: string) => api.http().post('/api/cases').set('Authorization', w.reporter.auth).set('Idempotency-Key', key).send(body);

describe('a case whose creation died after its Idempotency-Key was claimed', () => {
  it('when the client retries the key, then that very case is made, once', async () => {
    const key = `crash-recovery-${++keys}-${Date.now()}`;
    const first = await post(key).expect(201);
    const id = first.body.case.id as string;
    // As if the process died between claiming the key and inserting the case (the claim names the id).
    await api.db.collection('cases').deleteOne({ _id: new Types.ObjectId(id) });
    await api.db.collection('idempotency_keys').updateOne({ key }, { $set: { createdAt: new Date(Date.now() - 60_000) } });

    const retried = await post(key);
    expect([200, 201]).toContain(retried.status);
    expect(retried.body.case.id).toBe(id);
    expect((await post(key)).body.case.id).toBe(id);
    expect(await api.db.collection('cases').countDocuments({ reporterId: new Types.ObjectId(w.reporter.id), description: body.description })).toBe(1);
  });

  it('when the first request was refused, then the key is free for a corrected report', async () => {
    const key = `crash-recovery-${++keys}-${Date.now()}`;
    const refused = await api.http().post('/api/cases').set('Authorization', w.reporter.auth).set('Idempotency-Key', key).send({ ...body, category: 'no_such_category' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const fixed = await post(key).expect(201);
    expect(fixed.body.case.category).toBe('clutter');
  });
});

describe('a timeline entry written by a process that died before applying it', () => {
  it('when the case is next read, then the entry is applied and its message queued; a claim the dead sender left lapses and the message is sent', async () => {
    const id = await w.report();
    const caseId = new Types.ObjectId(id);
    await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', w.officerA.auth).send({ text: '明早派人清理' }).expect(201);
    const entry = await api.db.collection('case_events').findOne({ caseId, kind: 'reply' });
    const dedupeKey = `case:${id}:${entry!.seq}`;
    // Undo everything after the entry's insert: the patch and the queued message.
    await api.db.collection('cases').updateOne({ _id: caseId }, { $set: { seq: entry!.seq - 1, lastReply: null } });
    await api.db.collection('outbox').deleteMany({ dedupeKey });

    const read = await api.http().get(`/api/cases/${id}`).set('Authorization', w.reporter.auth).expect(200);
    expect(read.body.timeline.map((e: { text?: string }) => e.text)).toContain('明早派人清理');
    expect((await api.db.collection('cases').findOne({ _id: caseId }))!.seq).toBe(entry!.seq);
    const queued = await api.db.collection('outbox').findOne({ dedupeKey });
    expect(queued).toMatchObject({ status: 'pending', userId: new Types.ObjectId(w.reporter.id) });

    // A sender claimed the first attempt and died before recording it.
    const worker = await api.app.getApplicationContext().getAsync(OutboxWorker);
    const now = new Date();
    await api.db.collection('outbox_claims').insertOne({ entryId: queued!._id, attempt: 1, at: new Date(now.getTime() - 1000) });
    await worker.runOnce(now);
    expect((await api.db.collection('outbox').findOne({ _id: queued!._id }))!.status).toBe('pending'); // still held
    await worker.runOnce(new Date(now.getTime() + 120_000));
    expect((await api.db.collection('outbox').findOne({ _id: queued!._id }))!.status).toBe('sent');
    expect(api.wechat.sent.filter((m) => m.page === `pages/case/index?id=${id}` && m.data.thing3?.value === '明早派人清理')).toHaveLength(1);
  });
});
