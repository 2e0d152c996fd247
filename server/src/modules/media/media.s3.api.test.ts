// Photos in S3-compatible object storage (MEDIA_STORAGE=s3) against a real S3 server over HTTP
// (tools/s3-server, started here): upload, read through the signed URL, erasure deletes the
// objects, and an object gone from the bucket is a 404, never a 500.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Types } from 'mongoose';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { createMediaStorage } from './media.storage';
import { S3Storage } from './s3.storage';

const { startS3Server } = require('../../../../tools/lib/s3-server') as {
  startS3Server(o?: { buckets?: string[] }): Promise<{ url: string; stop(): Promise<void> }>;
};

const BUCKET = 'citycare-media';
const PREFIX = 'photos/';
// Photos must not land in the local folder when the store is S3.
const MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-media-s3-'));

let s3: { url: string; stop(): Promise<void> };
let s3Env: Record<string, string>;
let client: S3Client;
let api: TestApi;
let resident: TestUser;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  s3Env = {
    MEDIA_STORAGE: 's3',
    MEDIA_DIR,
    S3_ENDPOINT: s3.url,
    S3_BUCKET: BUCKET,
    S3_REGION: 'ap-shanghai',
    S3_ACCESS_KEY_ID: 'citycare-test',
    S3_SECRET_ACCESS_KEY: 'citycare-test-secret',
    S3_FORCE_PATH_STYLE: '1',
    S3_KEY_PREFIX: PREFIX,
  };
  api = await startTestApi(__filename, s3Env);
  resident = await loginAs(api.db, 'resident');
  client = new S3Client({
    endpoint: s3.url,
    region: 'ap-shanghai',
    forcePathStyle: true,
    credentials: { accessKeyId: 'citycare-test', secretAccessKey: 'citycare-test-secret' },
  });
}, 60_000);

afterAll(async () => {
  await api?.close();
  client?.destroy();
  await s3?.stop();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
});

const jpeg = (shade: number) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: shade, g: 120, b: 200 }, noise: { type: 'gaussian', mean: 100, sigma: 15 } } })
    .jpeg()
    .toBuffer();

const upload = (user: TestUser, bytes: Buffer) => api.http().post('/api/media').set('Authorization', user.auth).attach('file', bytes, { filename: 'photo.jpg' });

/** GET without a token (as <image> does), the whole body as bytes. */
const fetchBytes = (url: string) =>
  api
    .http()
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

async function objectBytes(key: string): Promise<Buffer | null> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}

async function shaOf(mediaId: string): Promise<string> {
  return (await api.db.collection('media').findOne({ _id: new Types.ObjectId(mediaId) }))!.sha256 as string;
}

const localFiles = () => readdirSync(MEDIA_DIR, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('photos in an S3-compatible bucket', () => {
  it('when a resident uploads a photo, then the re-encoded JPEG and its thumbnail are objects in the bucket, and nothing is in the local folder', async () => {
    const res = await upload(resident, await jpeg(10)).expect(201);
    const sha = await shaOf(res.body.id);
    const full = await objectBytes(`${PREFIX}${sha}.jpg`);
    const thumb = await objectBytes(`${PREFIX}${sha}.thumb.jpg`);
    expect(full).not.toBeNull();
    expect(thumb).not.toBeNull();
    expect(full!.length).toBe((await api.db.collection('media').findOne({ sha256: sha }))!.bytes);
    expect((await sharp(full!).metadata()).format).toBe('jpeg');
    expect(localFiles()).toEqual([]);
  });

  it('when the signed URL is read without a token, then it streams the object from the bucket; a tampered one is 403', async () => {
    const res = await upload(resident, await jpeg(40)).expect(201);
    const sha = await shaOf(res.body.id);
    const got = await fetchBytes(res.body.url).expect(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.body as Buffer, (await objectBytes(`${PREFIX}${sha}.jpg`))!)).toBe(0);
    const thumb = await fetchBytes(res.body.thumbUrl).expect(200);
    expect(Buffer.compare(thumb.body as Buffer, (await objectBytes(`${PREFIX}${sha}.thumb.jpg`))!)).toBe(0);
    const tampered = await api.http().get(String(res.body.url).replace(/sig=[^&]+/, 'sig=AAAA'));
    expect(tampered.status).toBe(403);
  });

  it('when the object is gone from the bucket, then reading the photo is 404 MEDIA_NOT_FOUND, not a 500', async () => {
    const res = await upload(resident, await jpeg(70)).expect(201);
    const sha = await shaOf(res.body.id);
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${sha}.jpg` }));
    const signed = await api.http().get(res.body.url);
    expect(signed.status).toBe(404);
    expect(signed.body.error.code).toBe('MEDIA_NOT_FOUND');
    const own = await api.http().get(`/api/media/${res.body.id}`).set('Authorization', resident.auth);
    expect(own.status).toBe(404);
    // The thumbnail is still there and still served.
    await fetchBytes(res.body.thumbUrl).expect(200);
  });

  it('when a resident deletes their account, then their photos are deleted from the bucket', async () => {
    const person = await loginAs(api.db, 'resident');
    const mine = await Promise.all([upload(person, await jpeg(100)), upload(person, await jpeg(130))]);
    const shas = await Promise.all(mine.map((r) => shaOf(r.body.id)));
    const keys = shas.flatMap((sha) => [`${PREFIX}${sha}.jpg`, `${PREFIX}${sha}.thumb.jpg`]);
    for (const key of keys) await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));

    await api.http().delete('/api/me').set('Authorization', person.auth).expect(200);

    for (const key of keys) expect(await objectBytes(key)).toBeNull();
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
    const left = (listed.Contents ?? []).map((o) => o.Key!);
    expect(left.filter((k) => shas.some((sha) => k.includes(sha)))).toEqual([]);
    // Someone else's photos stay.
    expect(left.length).toBeGreaterThan(0);
  });
});

describe('the S3 adapter', () => {
  it('when a key holds nothing, then get is null, exists is false and remove is harmless; a foreign key is refused', async () => {
    const store = createMediaStorage({ ...process.env, ...s3Env });
    expect(store).toBeInstanceOf(S3Storage);
    const key = `${'ab'.repeat(32)}.jpg`;
    expect(await store.get(key)).toBeNull();
    expect(await store.exists(key)).toBe(false);
    await store.remove(key);
    await store.put(key, Buffer.from('jpeg bytes'));
    expect(await store.exists(key)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of (await store.get(key))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('jpeg bytes');
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid media storage key');
  });

  it('when MEDIA_STORAGE is s3 without a bucket, or names no adapter, then the start is refused with a readable message', () => {
    expect(() => createMediaStorage({ MEDIA_STORAGE: 's3' })).toThrow('MEDIA_STORAGE=s3 needs S3_BUCKET');
    expect(() => createMediaStorage({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-the-id' })).toThrow('set together');
    expect(() => createMediaStorage({ MEDIA_STORAGE: 'ftp' })).toThrow('MEDIA_STORAGE must be local or s3');
  });
});
