import sharp from 'sharp';
import { chinaDate } from '@citycare/shared';
import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { MediaStore, storageKey } from './media-store';
import { MediaSweepJob } from './media-sweep.job';

/** R14: uploads never attached are deleted 24 h after they came (the job run with a fake clock). */

const HOUR = 3600_000;
let api: TestApi;
let w: CaseWorld;
let job: MediaSweepJob;
let store: MediaStore;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
  job = await api.app.getApplicationContext().getAsync(MediaSweepJob);
  store = await api.app.getApplicationContext().getAsync(MediaStore);
}, 60_000);

afterAll(() => api.close());

async function upload(shade: number): Promise<{ id: string; sha256: string }> {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: shade, g: 200, b: 10 } } }).png().toBuffer();
  const res = await api.http().post('/api/media').set('Authorization', w.reporter.auth).attach('file', bytes, { filename: 'p.png' }).expect(201);
  const doc = await api.db.collection('media').findOne({ _id: new Types.ObjectId(res.body.id) });
  return { id: res.body.id, sha256: doc!.sha256 };
}

describe('R14: uploads never attached', () => {
  it('when an upload is still unattached 24 h later, then it and its bytes are deleted; attached ones stay', async () => {
    const abandoned = await upload(11);
    const used = await upload(12);
    await w.report(w.reporter, { photos: [used.id] });
    const now = Date.now();

    expect(await job.runOnce(new Date(now + 23 * HOUR))).toBe(0);
    await api.http().get(`/api/media/${abandoned.id}`).set('Authorization', w.reporter.auth).expect(200);

    expect(await job.runOnce(new Date(now + 25 * HOUR))).toBe(1);
    await api.http().get(`/api/media/${abandoned.id}`).set('Authorization', w.reporter.auth).expect(404);
    expect(await store.storage.get(storageKey(abandoned.sha256, 'full'))).toBeNull();
    expect(await store.storage.get(storageKey(abandoned.sha256, 'thumb'))).toBeNull();
    await api.http().get(`/api/media/${used.id}`).set('Authorization', w.reporter.auth).expect(200);
    expect(await job.runOnce(new Date(now + 48 * HOUR))).toBe(0);
  });

  it('when an upload was attached by a process that died before clearing its key, then the sweep keeps it', async () => {
    const photo = await upload(13);
    await w.report(w.reporter, { photos: [photo.id] });
    const _id = new Types.ObjectId(photo.id);
    const doc = await api.db.collection('media').findOne({ _id });
    await api.db.collection('media').updateOne({ _id }, { $set: { unattachedDay: chinaDate(doc!.createdAt) } });
    expect(await job.runOnce(new Date(Date.now() + 25 * HOUR))).toBe(0);
    await api.http().get(`/api/media/${photo.id}`).set('Authorization', w.reporter.auth).expect(200);
    expect((await api.db.collection('media').findOne({ _id }))!.unattachedDay).toBeNull();
  });
});
