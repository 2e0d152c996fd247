import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { chinaDate } from '@citycare/shared';
import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { MediaStore, storageKey } from './media-store';
import { MediaSweepJob } from './media-sweep.job';
import { removeStaleUploadFiles } from './upload-files.job';
import { UPLOAD_FILE_PREFIX, uploadTmpDir } from './photo-temp-file';

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

// Each scenario starts from a sweep that last finished 8 days ago (the fake clocks below jump back and forth).
beforeEach(async () => {
  await api.db.collection('media_sweep').deleteMany({});
  await api.db.collection('media_sweep').insertOne({ _id: 'unattached' as unknown as Types.ObjectId, through: chinaDate(new Date(Date.now() - 8 * 24 * HOUR)) });
});

async function upload(shade: number): Promise<{ id: string; sha256: string }> {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: shade, g: 200, b: 10 } } }).png().toBuffer();
  const res = await api.http().post('/api/media').set('Authorization', w.reporter.auth).attach('file', bytes, { filename: 'p.png' }).expect(201);
  const doc = await api.db.collection('media').findOne({ _id: new Types.ObjectId(res.body.id) });
  return { id: res.body.id, sha256: doc!.sha256 };
}

describe('R14: uploads never attached', () => {
  it('when the job last finished 42 days ago (an outage), then it catches up: an upload abandoned 40 days ago is deleted', async () => {
    const old = await upload(14);
    const _id = new Types.ObjectId(old.id);
    const DAY = 24 * HOUR;
    const createdAt = new Date(Date.now() - 40 * DAY);
    await api.db.collection('media').updateOne({ _id }, { $set: { createdAt, unattachedDay: chinaDate(createdAt) } });
    await api.db.collection('media_sweep').updateOne({ _id: 'unattached' as unknown as Types.ObjectId }, { $set: { through: chinaDate(new Date(Date.now() - 42 * DAY)) } });
    expect(await job.runOnce()).toBe(1);
    expect(await api.db.collection('media').findOne({ _id })).toBeNull();
    // It remembers how far it came: the days behind it are not read again.
    expect((await api.db.collection('media_sweep').findOne({}))!.through).toBe(chinaDate(new Date(Date.now() - 2 * DAY)));
  });

  it('when a process was killed mid-upload long ago, then its temporary file is removed; a file of an upload in progress stays', async () => {
    const dir = uploadTmpDir();
    const stale = path.join(dir, `${UPLOAD_FILE_PREFIX}test-stale-${process.pid}`);
    const fresh = path.join(dir, `${UPLOAD_FILE_PREFIX}test-fresh-${process.pid}`);
    await fs.writeFile(stale, 'left by a killed process');
    await fs.writeFile(fresh, 'arriving now');
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    await fs.utimes(stale, twoHoursAgo, twoHoursAgo);
    expect(await removeStaleUploadFiles()).toBeGreaterThanOrEqual(1);
    await expect(fs.stat(stale)).rejects.toThrow();
    expect((await fs.stat(fresh)).size).toBeGreaterThan(0);
    await fs.rm(fresh, { force: true });
  });

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
