import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Types } from 'mongoose';
import { PhotoUrls } from './photo-urls';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { attachmentsOf } from '../../../../tests/support/attachments';
import { loginAs, type TestUser } from '../../../../tests/support/auth';

const MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-media-'));
const UPLOAD_TMP_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-upload-tmp-'));

let api: TestApi;
let resident: TestUser;
let neighbour: TestUser;

beforeAll(async () => {
  api = await startTestApi(__filename, { MEDIA_DIR, UPLOAD_TMP_DIR });
  resident = await loginAs(api.db, 'resident');
  neighbour = await loginAs(api.db, 'resident');
});

afterAll(async () => {
  await api.close();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
  rmSync(UPLOAD_TMP_DIR, { recursive: true, force: true });
});

// --- images, generated here -------------------------------------------------

function canvas(width: number, height: number, background = '#3c8dbc') {
  return sharp({ create: { width, height, channels: 3, background }, limitInputPixels: false });
}

/** A photo-like image (noise, so every call gives different bytes). */
function photo(width: number, height: number) {
  return sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 20 } },
  });
}

const jpeg = (w: number, h: number) => photo(w, h).jpeg().toBuffer();

function upload(user: TestUser | null, bytes: Buffer, filename = 'photo.jpg', contentType?: string) {
  const req = api.http().post('/api/media');
  if (user) req.set('Authorization', user.auth);
  return req.attach('file', bytes, { filename, contentType });
}

function download(user: TestUser, url: string) {
  return api
    .http()
    .get(url)
    .set('Authorization', user.auth)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

function storedFiles(): string[] {
  return readdirSync(MEDIA_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/** The GPS sub-IFD of an EXIF block (TIFF layout), read by hand: its tag ids, or [] when absent. */
function gpsTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.subarray(exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const pointer = entries(u32(4)).find((entry) => u16(entry) === 0x8825);
  return pointer === undefined ? [] : entries(u32(pointer + 8)).map(u16);
}

function expectError(res: { body: { error: { code: string; message: string } } }, code: string) {
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|busboy|vips|sharp/i);
}

// --- tests --------------------------------------------------------------------

describe('POST /api/media', () => {
  // Every upload streams to a temporary file (photo-temp-file.ts): stored,
  // refused as too large or not an image, unreadable or cut short, none is left.
  afterEach(() => {
    expect(readdirSync(UPLOAD_TMP_DIR)).toEqual([]);
  });

  it.each([
    ['a JPEG', () => photo(3000, 2000).jpeg().toBuffer(), 2048, 1365],
    ['a PNG with transparency', () => sharp({ create: { width: 2600, height: 3900, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer(), 1365, 2048],
    ['a WebP', () => photo(1200, 800).webp().toBuffer(), 1200, 800],
  ])('when %s is uploaded, then a JPEG with long edge ≤ 2048 and a thumbnail ≤ 480 are served', async (_kind, make, width, height) => {
    const res = await upload(resident, await make()).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      url: expect.stringMatching(new RegExp(`^/api/media/${res.body.id}\\?exp=\\d+&sig=[\\w-]{43}$`)),
      thumbUrl: expect.stringMatching(new RegExp(`^/api/media/${res.body.id}/thumb\\?exp=\\d+&sig=[\\w-]{43}$`)),
      width,
      height,
    });

    const full = await download(resident, res.body.url).expect(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers.etag).toBeTruthy();
    const stored = await sharp(full.body as Buffer).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width, height });

    const thumb = await download(resident, res.body.thumbUrl).expect(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const small = await sharp(thumb.body as Buffer).metadata();
    expect(small.format).toBe('jpeg');
    expect(Math.max(small.width!, small.height!)).toBe(480);
  });

  it('when a transparent PNG is stored, then its transparent areas are white, not black', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const res = await upload(resident, png, 'clear.png').expect(201);
    const full = await download(resident, res.body.url).expect(200);
    const { channels } = await sharp(full.body as Buffer).stats();
    expect(channels[0].mean).toBeGreaterThan(250);
  });

  it('when a photo carries EXIF with GPS, then the stored copy and thumbnail have no EXIF at all', async () => {
    const withGps = await photo(800, 600)
      .withExif({
        IFD0: { Make: 'CityCarePhone', Model: 'Test' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 32/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 27/1 34/1' },
      })
      .jpeg()
      .toBuffer();
    const input = await sharp(withGps).metadata();
    expect(gpsTags(input.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4])); // lat ref, lat, lng ref, lng

    const res = await upload(resident, withGps).expect(201);
    for (const url of [res.body.url, res.body.thumbUrl]) {
      const stored = await sharp((await download(resident, url).expect(200)).body as Buffer).metadata();
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(stored.icc).toBeUndefined();
    }
  });

  it('when a photo says it was taken sideways (EXIF orientation 6), then the stored copy is upright', async () => {
    const sideways = await photo(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const res = await upload(resident, sideways).expect(201);
    expect(res.body).toMatchObject({ width: 200, height: 300 });
    const stored = await sharp((await download(resident, res.body.url).expect(200)).body as Buffer).metadata();
    expect(stored).toMatchObject({ width: 200, height: 300 });
    expect(stored.orientation).toBeUndefined();
  });

  it('when the same bytes are uploaded twice, then the same id comes back and they are stored once', async () => {
    const bytes = await jpeg(640, 480);
    const first = await upload(resident, bytes).expect(201);
    const filesAfterFirst = storedFiles().length;
    const second = await upload(resident, bytes, 'retry.jpg').expect(200);
    expect(second.body).toEqual(first.body);
    expect(storedFiles()).toHaveLength(filesAfterFirst);
    expect(await api.db.collection('media').countDocuments({ ownerId: new Types.ObjectId(resident.id) })).toBeGreaterThan(0);
    const copies = await api.db.collection('media').find({ _id: new Types.ObjectId(first.body.id) }).toArray();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await attachmentsOf(api.db, [first.body.id])).toEqual({ [first.body.id]: [] });
    expect(await api.db.collection('media').countDocuments({ sha256: copies[0].sha256 })).toBe(1);
  });

  it('when the same bytes are uploaded twice at once, then both get the one id', async () => {
    const bytes = await jpeg(1600, 1200);
    const [a, b] = await Promise.all([upload(resident, bytes), upload(resident, bytes)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
  });

  it('when the part has no file name at all, then the bytes alone decide and it is accepted', async () => {
    const bytes = await jpeg(320, 240);
    const boundary = 'citycareboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await api
      .http()
      .post('/api/media')
      .set('Authorization', resident.auth)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({ width: 320, height: 240 });
  });

  it.each([
    ['an HTML page named .jpg', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'photo.jpg', 'image/jpeg'],
    ['an SVG renamed .jpg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 'photo.jpg', 'image/jpeg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1'), 'photo.png', 'image/png'],
    ['a RIFF file that is not WebP (WAV)', Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(64)]), 'photo.webp', 'image/webp'],
    ['a two-byte file', Buffer.from([0xff, 0xd8]), 'photo.jpg', 'image/jpeg'],
  ])('when %s is uploaded, then 415 MEDIA_TYPE_UNSUPPORTED and nothing is stored', async (_what, bytes, filename, contentType) => {
    const before = storedFiles().length;
    const res = await upload(resident, bytes, filename, contentType).expect(415);
    expectError(res, 'MEDIA_TYPE_UNSUPPORTED');
    expect(storedFiles()).toHaveLength(before);
  });

  it('when the file is 11 MB, then 413 MEDIA_TOO_LARGE', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(11 * 1024 * 1024)]);
    const res = await upload(resident, big).expect(413);
    expectError(res, 'MEDIA_TOO_LARGE');
    // The connection is still good for the next request.
    await api.http().get('/api/health/live').expect(200);
  });

  it('when the image is 20000×20000, then 422 MEDIA_TOO_MANY_PIXELS within a second', async () => {
    const huge = await canvas(20000, 20000).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(10 * 1024 * 1024);
    const started = Date.now();
    const res = await upload(resident, huge, 'huge.png').expect(422);
    expect(Date.now() - started).toBeLessThan(1000);
    expectError(res, 'MEDIA_TOO_MANY_PIXELS');
  }, 30_000);

  it.each([
    ['a JPEG cut off after its header', async () => (await jpeg(800, 600)).subarray(0, 600)],
    ['JPEG magic followed by noise', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4096)])],
    ['a PNG signature with nothing after it', async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
  ])('when %s is uploaded, then 422 MEDIA_UNREADABLE', async (_what, make) => {
    const res = await upload(resident, await make()).expect(422);
    expectError(res, 'MEDIA_UNREADABLE');
  });

  it.each([
    ['the wrong field name', () => api.http().post('/api/media').attach('photo', Buffer.from([0xff, 0xd8, 0xff]), 'a.jpg')],
    ['a JSON body', () => api.http().post('/api/media').send({ file: 'abc' })],
    ['no body', () => api.http().post('/api/media')],
  ])('when the request has %s, then 400 VALIDATION_FAILED naming the file field', async (_what, send) => {
    const res = await send().set('Authorization', resident.auth).expect(400);
    expectError(res, 'VALIDATION_FAILED');
    expect(res.body.error.details[0].field).toBe('file');
  });

  it('when the multipart body is cut short, then 422 MEDIA_UNREADABLE without internals', async () => {
    const boundary = 'citycareboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n`),
      await jpeg(200, 200),
    ]);
    const res = await api
      .http()
      .post('/api/media')
      .set('Authorization', resident.auth)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(422);
    expectError(res, 'MEDIA_UNREADABLE');
  });

  it('when the client goes away mid-upload, then its temporary file is removed', async () => {
    const boundary = 'citycareboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n`;
    const server = api.app.callback();
    const listener = http.createServer(server).listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as { port: number };
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/media',
      headers: { authorization: resident.auth, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': 5_000_000 },
    });
    req.on('error', () => undefined);
    req.write(Buffer.concat([Buffer.from(head), await jpeg(400, 300), randomBytes(200_000)]));
    // Wait until the upload has reached its temporary file, then go away.
    for (let i = 0; i < 100 && readdirSync(UPLOAD_TMP_DIR).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(UPLOAD_TMP_DIR)).toHaveLength(1);
    req.destroy();
    for (let i = 0; i < 100 && readdirSync(UPLOAD_TMP_DIR).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    listener.close();
  });

  it('when no token is sent, then 401 UNAUTHENTICATED', async () => {
    const res = await upload(null, await jpeg(100, 100)).expect(401);
    expectError(res, 'UNAUTHENTICATED');
  });
});

describe('GET /api/media/:id with a token', () => {
  // The plain paths: the caller's token decides (signed URLs are below).
  let mine: { id: string; url: string; thumbUrl: string };

  beforeAll(async () => {
    const { id } = (await upload(resident, await jpeg(400, 300)).expect(201)).body;
    mine = { id, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}/thumb` };
  });

  it('when the ETag is sent back, then 304 with no body', async () => {
    const first = await download(resident, mine.url).expect(200);
    const again = await api
      .http()
      .get(mine.url)
      .set('Authorization', resident.auth)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(again.headers.etag).toBe(first.headers.etag);
    const thumb = await download(resident, mine.thumbUrl).expect(200);
    expect(thumb.headers.etag).not.toBe(first.headers.etag);
  });

  it('when another resident asks for it, then 404 exactly as for an id that does not exist', async () => {
    const theirs = await api.http().get(mine.url).set('Authorization', neighbour.auth).expect(404);
    const thumb = await api.http().get(mine.thumbUrl).set('Authorization', neighbour.auth).expect(404);
    const unknown = await api.http().get(`/api/media/${new Types.ObjectId().toHexString()}`).set('Authorization', neighbour.auth).expect(404);
    expectError(theirs, 'MEDIA_NOT_FOUND');
    expect(thumb.body.error.code).toBe('MEDIA_NOT_FOUND');
    expect({ ...theirs.body.error, requestId: undefined }).toEqual({ ...unknown.body.error, requestId: undefined });
    expect(theirs.headers['cache-control']).toBe('no-store');
  });

  it.each([['not-an-id'], ['abcdefghijkl'], ['0123456789abcdef0123456z']])('when the id is malformed (%s), then 404', async (id) => {
    const res = await api.http().get(`/api/media/${id}`).set('Authorization', resident.auth).expect(404);
    expect(res.body.error.code).toBe('MEDIA_NOT_FOUND');
  });

  it('when no token is sent, then 401', async () => {
    const res = await api.http().get(mine.url).expect(401);
    expectError(res, 'UNAUTHENTICATED');
  });

  it('when the photo is attached to a case, then staff of its station see it and staff of another do not', async () => {
    const stationId = new Types.ObjectId();
    const caseId = new Types.ObjectId();
    await api.db.collection('cases').insertOne({ _id: caseId, stationId, reporterId: new Types.ObjectId(resident.id), status: 'submitted' });
    await api.db.collection('media_attachments').insertOne({ mediaId: new Types.ObjectId(mine.id), kind: 'case', targetId: caseId, at: new Date() });
    const officer = await loginAs(api.db, 'officer', { stationId });
    const elsewhere = await loginAs(api.db, 'officer', { stationId: new Types.ObjectId() });

    await download(officer, mine.url).expect(200);
    await download(officer, mine.thumbUrl).expect(200);
    const refused = await api.http().get(mine.url).set('Authorization', elsewhere.auth).expect(404);
    expect(refused.body.error.code).toBe('MEDIA_NOT_FOUND');
    await api.http().get(mine.url).set('Authorization', neighbour.auth).expect(404);
  });
});

describe('GET /api/media/:id with a signed URL (what <image> loads)', () => {
  let signed: { id: string; url: string; thumbUrl: string };

  beforeAll(async () => {
    signed = (await upload(resident, await jpeg(320, 240)).expect(201)).body;
  });

  const withQuery = (url: string, change: (q: URLSearchParams) => void) => {
    const [path, query] = url.split('?');
    const q = new URLSearchParams(query);
    change(q);
    return `${path}?${q.toString()}`;
  };

  it('when the URL is as issued, then anyone gets the photo without a token', async () => {
    const res = await api.http().get(signed.url).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    await api.http().get(signed.thumbUrl).expect(200);
  });

  it('when the signature, the expiry, the id or the variant is changed, then 403 MEDIA_URL_INVALID', async () => {
    const other = (await upload(resident, await jpeg(300, 200)).expect(201)).body.id as string;
    const tampered = [
      withQuery(signed.url, (q) => q.set('sig', `${q.get('sig')!.slice(0, -2)}AA`)),
      withQuery(signed.url, (q) => q.set('exp', String(Number(q.get('exp')) + 3600))),
      signed.url.replace(signed.id, other),
      signed.url.replace('?', '/thumb?'),
      withQuery(signed.url, (q) => q.delete('sig')),
      withQuery(signed.url, (q) => q.set('exp', 'soon')),
    ];
    for (const url of tampered) {
      const res = await api.http().get(url).expect(403);
      expectError(res, 'MEDIA_URL_INVALID');
    }
  });

  it('when the URL has expired, then 403 MEDIA_URL_EXPIRED', async () => {
    const urls = await api.app.getApplicationContext().getAsync(PhotoUrls);
    const [old] = urls.sign([signed.id], new Date(Date.now() - 2 * 3600_000));
    expect(new Date(old.expiresAt).getTime()).toBeLessThan(Date.now());
    const res = await api.http().get(old.url).expect(403);
    expectError(res, 'MEDIA_URL_EXPIRED');
    await api.http().get(old.thumbUrl).expect(403);
  });

  it('when a URL is issued, then it expires within an hour, and a page reloaded soon gets the same URL', async () => {
    const urls = await api.app.getApplicationContext().getAsync(PhotoUrls);
    const now = new Date(Math.floor(Date.now() / 1_800_000) * 1_800_000 + 10_000); // just after a half-hour step
    const [a] = urls.sign([signed.id], now);
    const [b] = urls.sign([signed.id], new Date(now.getTime() + 60_000));
    const ttl = new Date(a.expiresAt).getTime() - now.getTime();
    expect(ttl).toBeGreaterThan(1_800_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
    expect([b.url, b.thumbUrl]).toEqual([a.url, a.thumbUrl]);
  });
});

describe('GET /api/media/:id/urls (fresh URLs for a photo kept by the client)', () => {
  let mine: { id: string; thumbUrl: string };

  beforeAll(async () => {
    mine = (await upload(resident, await jpeg(360, 240)).expect(201)).body;
  });

  it('when the uploader asks after the URLs it kept have expired, then it gets new ones that load without a token', async () => {
    const urls = await api.app.getApplicationContext().getAsync(PhotoUrls);
    const [kept] = urls.sign([mine.id], new Date(Date.now() - 2 * 3600_000)); // what a draft kept before a restart
    await api.http().get(kept.thumbUrl).expect(403);

    const res = await api.http().get(`/api/media/${mine.id}/urls`).set('Authorization', resident.auth).expect(200);
    expect(res.body).toEqual({ id: mine.id, url: expect.stringMatching(/^\/api\/media\/\w{24}\?exp=\d+&sig=/), thumbUrl: expect.stringMatching(/^\/api\/media\/\w{24}\/thumb\?exp=\d+&sig=/), expiresAt: expect.any(String) });
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const thumb = await api.http().get(res.body.thumbUrl).expect(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    await api.http().get(res.body.url).expect(200);
  });

  it('when another resident asks, then 404 exactly as for an id that does not exist', async () => {
    const theirs = await api.http().get(`/api/media/${mine.id}/urls`).set('Authorization', neighbour.auth).expect(404);
    const unknown = await api.http().get(`/api/media/${new Types.ObjectId().toHexString()}/urls`).set('Authorization', resident.auth).expect(404);
    expectError(theirs, 'MEDIA_NOT_FOUND');
    expect({ ...theirs.body.error, requestId: undefined }).toEqual({ ...unknown.body.error, requestId: undefined });
  });

  it('when no token is sent, then 401 and no URL', async () => {
    const res = await api.http().get(`/api/media/${mine.id}/urls`).expect(401);
    expectError(res, 'UNAUTHENTICATED');
  });
});
