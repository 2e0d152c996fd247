import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { attachmentsOf } from '../../../../tests/support/attachments';
import { loginAs, type TestUser } from '../../../../tests/support/auth';

const MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-notices-'));
const JIALIN = '嘉麟社区';
const PINGQIAO = '平桥村';

let api: TestApi;
let secretaryA: TestUser;
let secretaryA2: TestUser; // a second secretary of 嘉麟社区
let secretaryB: TestUser;
let admin: TestUser;
let residentA: TestUser;
let residentB: TestUser;
let residentNone: TestUser; // no community in the profile
let officer: TestUser;
let n = 0;

const noticeBody = (over: Record<string, unknown> = {}) => ({ title: `停水通知 ${++n}`, body: '因管道检修，本周六 9:00–17:00 停水，请提前储水。', ...over });

async function post(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await api.http().post('/api/notices').set('Authorization', user.auth).send(noticeBody(over));
  expect(res.status).toBe(201);
  return res.body as { id: string; community: string | null; pinned: boolean; readCount: number; photos: Array<{ id: string; url: string; thumbUrl: string }> };
}

const get = (user: TestUser | undefined, url: string, query: Record<string, unknown> = {}) => {
  const req = api.http().get(url).query(query);
  return user ? req.set('Authorization', user.auth) : req;
};

async function uploadPhoto(user: TestUser): Promise<string> {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: ++n % 255, g: 90, b: 160 } } }).png().toBuffer();
  const res = await api.http().post('/api/media').set('Authorization', user.auth).attach('file', bytes, { filename: 'p.png' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  api = await startTestApi(__filename, { MEDIA_DIR });
  secretaryA = await loginAs(api.db, 'secretary', { community: JIALIN });
  secretaryA2 = await loginAs(api.db, 'secretary', { community: JIALIN });
  secretaryB = await loginAs(api.db, 'secretary', { community: PINGQIAO });
  admin = await loginAs(api.db, 'admin');
  residentA = await loginAs(api.db, 'resident', { community: JIALIN });
  residentB = await loginAs(api.db, 'resident', { community: PINGQIAO });
  residentNone = await loginAs(api.db, 'resident');
  officer = await loginAs(api.db, 'officer', { stationId: new Types.ObjectId() });
}, 60_000);

afterAll(async () => {
  await api.close();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
});

describe('posting', () => {
  it("when a secretary posts, then the notice is their community's, unpinned, with no reads", async () => {
    const notice = await post(secretaryA);
    expect(notice).toMatchObject({ community: JIALIN, pinned: false, readCount: 0, withdrawnAt: null, expired: false });
    const doc = await api.db.collection('notices').findOne({ _id: new Types.ObjectId(notice.id) });
    expect(String(doc!.authorId)).toBe(secretaryA.id);
  });

  it('when an admin posts, then the notice is city-wide (community null)', async () => {
    expect((await post(admin)).community).toBeNull();
  });

  it('when the body names a community or an author, then 400 UNKNOWN_FIELD and nothing is stored', async () => {
    const before = await api.db.collection('notices').countDocuments();
    for (const extra of [{ community: PINGQIAO }, { authorId: admin.id }, { readCount: 99 }, { withdrawnAt: null }]) {
      const res = await api.http().post('/api/notices').set('Authorization', secretaryA.auth).send(noticeBody(extra)).expect(400);
      expect(res.body.error.code).toBe('UNKNOWN_FIELD');
    }
    expect(await api.db.collection('notices').countDocuments()).toBe(before);
  });

  it.each([
    ['a 61-character title', { title: '长'.repeat(61) }],
    ['a 5,001-character body', { body: '长'.repeat(5001) }],
    ['an empty title', { title: '  ' }],
    ['10 photos', { photos: Array.from({ length: 10 }, () => new Types.ObjectId().toHexString()) }],
    ['an expiry in the past', { expiresAt: new Date(Date.now() - 60_000).toISOString() }],
    ['an expiry without a zone', { expiresAt: '2099-01-01T00:00:00' }],
  ])('when the notice has %s, then 400', async (_name, over) => {
    const res = await api.http().post('/api/notices').set('Authorization', secretaryA.auth).send(noticeBody(over));
    expect(res.status).toBe(400);
  });

  it('when the limits are met exactly (60 / 5,000 characters), then it is posted', async () => {
    const notice = await post(secretaryA, { title: '题'.repeat(60), body: '文'.repeat(5000) });
    expect(notice.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('when risky words sit past the 2,500 characters one content check takes, then they are still caught', async () => {
    for (const at of [2490, 4990]) {
      const body = '文'.repeat(at) + '你们都去死吧';
      const res = await api.http().post('/api/notices').set('Authorization', secretaryA.auth).send(noticeBody({ body })).expect(422);
      expect(res.body.error.code).toBe('CONTENT_RISKY');
    }
  });

  it('when the text is risky, then 422 CONTENT_RISKY on posting and on editing', async () => {
    const res = await api.http().post('/api/notices').set('Authorization', secretaryA.auth).send(noticeBody({ body: '你们都去死吧' })).expect(422);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    const notice = await post(secretaryA);
    const edit = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({ title: '你们都去死吧' }).expect(422);
    expect(edit.body.error.code).toBe('CONTENT_RISKY');
  });

  describe('with an Idempotency-Key', () => {
    const send = (user: TestUser, key: string, body: Record<string, unknown>) =>
      api.http().post('/api/notices').set('Authorization', user.auth).set('Idempotency-Key', key).send(body);
    const stored = (title: string) => api.db.collection('notices').countDocuments({ title });

    it('when the same post is sent five times at once and again later, then one notice, and every answer names it', async () => {
      const body = noticeBody();
      const key = `notice-${new Types.ObjectId().toHexString()}`;
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(secretaryA, key, body)));
      const again = await send(secretaryA, key, body);
      for (const res of [...answers, again]) expect(res.status).toBe(201);
      expect(new Set([...answers, again].map((res) => res.body.id)).size).toBe(1);
      expect(await stored(body.title as string)).toBe(1);
      // Keys are the author's own: another secretary's same key is another post.
      const other = await send(secretaryA2, key, body).expect(201);
      expect(other.body.id).not.toBe(again.body.id);
      expect(await stored(body.title as string)).toBe(2);
    });

    it('when the key comes again with another body, then 422 IDEMPOTENCY_KEY_REUSED and nothing new', async () => {
      const key = `notice-${new Types.ObjectId().toHexString()}`;
      const first = noticeBody();
      await send(secretaryA, key, first).expect(201);
      const changed = noticeBody();
      const res = await send(secretaryA, key, changed).expect(422);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await stored(changed.title as string)).toBe(0);
    });

    it('when a post with a key is refused, then the corrected post may use the same key', async () => {
      const key = `notice-${new Types.ObjectId().toHexString()}`;
      const risky = await send(secretaryA, key, noticeBody({ body: '你们都去死吧' })).expect(422);
      expect(risky.body.error.code).toBe('CONTENT_RISKY');
      const corrected = noticeBody();
      await send(secretaryA, key, corrected).expect(201);
      expect(await stored(corrected.title as string)).toBe(1);
    });

    it('when a first attempt claimed the key but died before its notice was stored, then the retry stores that very notice', async () => {
      const key = `notice-${new Types.ObjectId().toHexString()}`;
      const body = noticeBody();
      const first = await send(secretaryA, key, body).expect(201);
      // What a crash between the claim and the insert leaves: the key's record, no notice, some seconds ago.
      await api.db.collection('notices').deleteOne({ _id: new Types.ObjectId(first.body.id) });
      await api.db.collection('notice_requests').updateOne({ key }, { $set: { createdAt: new Date(Date.now() - 60_000) } });
      const retry = await send(secretaryA, key, body).expect(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await stored(body.title as string)).toBe(1);
    });

    it('when the retry of a dead first attempt is refused (its photo was swept meanwhile), then the key is free for the corrected post', async () => {
      const key = `notice-${new Types.ObjectId().toHexString()}`;
      const photo = await uploadPhoto(secretaryA);
      const body = noticeBody({ photos: [photo] });
      const first = await send(secretaryA, key, body).expect(201);
      await api.db.collection('notices').deleteOne({ _id: new Types.ObjectId(first.body.id) });
      await api.db.collection('notice_requests').updateOne({ key }, { $set: { createdAt: new Date(Date.now() - 60_000) } });
      await api.db.collection('media').deleteOne({ _id: new Types.ObjectId(photo) });
      const refused = await send(secretaryA, key, body).expect(404);
      expect(refused.body.error.code).toBe('MEDIA_NOT_FOUND');
      const corrected = noticeBody();
      await send(secretaryA, key, corrected).expect(201);
      expect(await stored(corrected.title as string)).toBe(1);
    });

    it('when the key is malformed, then 400 and no notice', async () => {
      const body = noticeBody();
      const res = await send(secretaryA, 'short', body).expect(400);
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'Idempotency-Key' }));
      expect(await stored(body.title as string)).toBe(0);
    });
  });

  it('when a resident tries to set their community through PATCH /api/me, then 400 and it stays unset', async () => {
    const res = await api.http().patch('/api/me').set('Authorization', residentNone.auth).send({ name: '王五', community: JIALIN }).expect(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'community', code: 'UNKNOWN_FIELD' }));
    expect((await api.db.collection('users').findOne({ _id: new Types.ObjectId(residentNone.id) }))!.community).toBeNull();
  });
});

describe("residents' board", () => {
  const community = '翰林苑'; // only this block's notices
  let reader: TestUser;
  let author: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    reader = await loginAs(api.db, 'resident', { community });
    author = await loginAs(api.db, 'secretary', { community });
    const other = await loginAs(api.db, 'secretary', { community: '书香园' });
    for (const key of ['old', 'pinnedOld', 'mid', 'pinnedNew', 'new']) {
      ids[key] = (await post(author, { title: `翰林苑 ${key}`, pinned: key.startsWith('pinned') })).id;
    }
    ids.withdrawn = (await post(author, { title: '翰林苑 withdrawn' })).id;
    await api.http().post(`/api/notices/${ids.withdrawn}/withdraw`).set('Authorization', author.auth).expect(200);
    ids.expired = (await post(author, { title: '翰林苑 expired', expiresAt: new Date(Date.now() + 3600_000).toISOString() })).id;
    await api.db.collection('notices').updateOne({ _id: new Types.ObjectId(ids.expired) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    ids.later = (await post(author, { title: '翰林苑 later', expiresAt: new Date(Date.now() + 3600_000).toISOString() })).id;
    ids.elsewhere = (await post(other, { title: '书香园 notice' })).id;
  });

  async function titles(user: TestUser, query: Record<string, unknown> = {}): Promise<string[]> {
    const res = await get(user, '/api/notices', { limit: 50, ...query }).expect(200);
    return res.body.items.map((i: { title: string }) => i.title);
  }

  it("when a resident opens the board, then their community's current notices come pinned first, newest first, then city-wide ones", async () => {
    const mine = (await titles(reader)).filter((t) => t.startsWith('翰林苑'));
    expect(mine).toEqual(['翰林苑 pinnedNew', '翰林苑 pinnedOld', '翰林苑 later', '翰林苑 new', '翰林苑 mid', '翰林苑 old']);
  });

  it("when the board is read, then city-wide notices are there and other communities' are not", async () => {
    const city = await post(admin, { title: '全市 市容整治公告' });
    const seen = await get(reader, '/api/notices', { limit: 50 }).expect(200);
    const communities = new Set(seen.body.items.map((i: { community: string | null }) => i.community));
    expect([...communities].sort()).toEqual([community, null].sort());
    expect(seen.body.items.map((i: { id: string }) => i.id)).toContain(city.id);
    expect(seen.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.elsewhere);
  });

  it('when a resident with no community asks, then city-wide only; with ?community=, that community too', async () => {
    const items = (await get(residentNone, '/api/notices', { limit: 50 }).expect(200)).body.items;
    expect(items.every((i: { community: string | null }) => i.community === null)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    expect(await titles(residentNone, { community: '书香园' })).toContain('书香园 notice');
  });

  it('when a notice is withdrawn or expired, then readers neither list nor open it; its manager still sees it', async () => {
    const listed = await titles(reader);
    expect(listed).not.toContain('翰林苑 withdrawn');
    expect(listed).not.toContain('翰林苑 expired');
    for (const id of [ids.withdrawn, ids.expired]) {
      const res = await get(reader, `/api/notices/${id}`).expect(404);
      expect(res.body.error.code).toBe('NOTICE_NOT_FOUND');
    }
    const withdrawn = await get(author, `/api/notices/${ids.withdrawn}`).expect(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    expect(withdrawn.body.pinned).toBe(false);
    expect((await get(author, `/api/notices/${ids.expired}`).expect(200)).body.expired).toBe(true);
  });

  it('when two notices got their board positions in the opposite order of their times, then the board and its pages still follow the times', async () => {
    // Two API processes posting together, or clocks that differ between them: the first position can get the later time.
    const community = '东城社区';
    const secretary = await loginAs(api.db, 'secretary', { community });
    const reader = await loginAs(api.db, 'resident', { community });
    const first = await post(secretary);
    const second = await post(secretary);
    const secondAt = (await api.db.collection('notices').findOne({ _id: new Types.ObjectId(second.id) }))!.createdAt as Date;
    await api.db.collection('notices').updateOne({ _id: new Types.ObjectId(first.id) }, { $set: { createdAt: new Date(secondAt.getTime() + 1000) } });
    const full = (await get(reader, '/api/notices', { community, limit: 50 }).expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(full.indexOf(first.id)).toBeLessThan(full.indexOf(second.id));
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const res = await get(reader, '/api/notices', { community, limit: 1, ...(after ? { after } : {}) }).expect(200);
      paged.push(...res.body.items.map((i: { id: string }) => i.id));
      after = res.body.next ?? undefined;
    } while (after);
    expect(paged).toEqual(full);
  });

  it('when the board is paged two at a time, then the pages join into the full order with no repeats', async () => {
    const full = (await get(reader, '/api/notices', { limit: 50 }).expect(200)).body.items.map((i: { id: string }) => i.id);
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const res = await get(reader, '/api/notices', { limit: 2, ...(after ? { after } : {}) }).expect(200);
      paged.push(...res.body.items.map((i: { id: string }) => i.id));
      after = res.body.next ?? undefined;
    } while (after);
    expect(paged).toEqual(full);
    await get(reader, '/api/notices', { after: 'not-a-cursor' }).expect(400);
  });

  it("when the author lists what they manage, then withdrawn and expired ones are included, and never another community's", async () => {
    const res = await get(author, '/api/notices/managed', { limit: 50 }).expect(200);
    const titlesSeen = res.body.items.map((i: { title: string }) => i.title);
    expect(titlesSeen).toEqual(expect.arrayContaining(['翰林苑 withdrawn', '翰林苑 expired']));
    expect(res.body.items.every((i: { community: string }) => i.community === community)).toBe(true);
    const forbidden = await get(author, '/api/notices/managed', { community: '书香园' }).expect(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const adminView = await get(admin, '/api/notices/managed', { community: '书香园' }).expect(200);
    expect(adminView.body.items.map((i: { id: string }) => i.id)).toEqual([ids.elsewhere]);
  });
});

describe('read counts', () => {
  it('when three residents read a notice (one of them five times at once), then the author sees 3 and no names', async () => {
    const notice = await post(secretaryA);
    const readers = [residentA, residentB, residentNone];
    await Promise.all(Array.from({ length: 5 }, () => get(residentA, `/api/notices/${notice.id}`).expect(200)));
    for (const r of readers) {
      const res = await get(r, `/api/notices/${notice.id}`).expect(200);
      expect(res.body).not.toHaveProperty('readCount');
    }
    expect(await api.db.collection('notice_reads').countDocuments({ noticeId: new Types.ObjectId(notice.id) })).toBe(3);
    const mine = await get(secretaryA, `/api/notices/${notice.id}`).expect(200);
    expect(mine.body.readCount).toBe(3);
    const managed = await get(secretaryA, '/api/notices/managed', { limit: 50 }).expect(200);
    expect(managed.body.items.find((i: { id: string }) => i.id === notice.id).readCount).toBe(3);
    const text = JSON.stringify(managed.body) + JSON.stringify(mine.body);
    for (const r of readers) expect(text).not.toContain(r.id);
    // The managers opening it did not count as readers.
    await get(secretaryA2, `/api/notices/${notice.id}`).expect(200);
    expect((await get(admin, `/api/notices/${notice.id}`).expect(200)).body.readCount).toBe(3);
  });
});

describe('editing, pinning, withdrawing', () => {
  it('when another secretary of the same community pins it, then it is pinned; unpinning and clearing the expiry work', async () => {
    const notice = await post(secretaryA, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const pinned = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA2.auth).send({ pinned: true }).expect(200);
    expect(pinned.body.pinned).toBe(true);
    const edited = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({ pinned: false, expiresAt: null, title: '停水通知（更新）' }).expect(200);
    expect(edited.body).toMatchObject({ pinned: false, expiresAt: null, title: '停水通知（更新）', community: JIALIN });
    await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({}).expect(400);
    const moved = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({ community: PINGQIAO }).expect(400);
    expect(moved.body.error.code).toBe('UNKNOWN_FIELD');
  });

  it("when a secretary touches another community's or a city-wide notice, then 404; an admin may manage any", async () => {
    const theirs = await post(secretaryB);
    const city = await post(admin);
    for (const id of [theirs.id, city.id]) {
      const edit = await api.http().patch(`/api/notices/${id}`).set('Authorization', secretaryA.auth).send({ pinned: true }).expect(404);
      expect(edit.body.error.code).toBe('NOTICE_NOT_FOUND');
      await api.http().post(`/api/notices/${id}/withdraw`).set('Authorization', secretaryA.auth).expect(404);
    }
    await api.http().patch(`/api/notices/${theirs.id}`).set('Authorization', admin.auth).send({ pinned: true }).expect(200);
    await api.http().post(`/api/notices/${theirs.id}/withdraw`).set('Authorization', admin.auth).expect(200);
  });

  it('when a notice is withdrawn twice, then the first time stands', async () => {
    const notice = await post(secretaryA, { pinned: true });
    const first = await api.http().post(`/api/notices/${notice.id}/withdraw`).set('Authorization', secretaryA.auth).expect(200);
    const second = await api.http().post(`/api/notices/${notice.id}/withdraw`).set('Authorization', secretaryA.auth).expect(200);
    expect(second.body.withdrawnAt).toBe(first.body.withdrawnAt);
    expect(first.body.pinned).toBe(false);
  });

  it('when an id is unknown or malformed, then 404 NOTICE_NOT_FOUND', async () => {
    for (const id of ['0123456789abcdef01234567', 'nope']) {
      expect((await get(residentA, `/api/notices/${id}`).expect(404)).body.error.code).toBe('NOTICE_NOT_FOUND');
      await api.http().patch(`/api/notices/${id}`).set('Authorization', admin.auth).send({ pinned: true }).expect(404);
    }
  });
});

describe('photos', () => {
  it('when a notice has photos, then any reader fetches them through the notice, and only those', async () => {
    const [p1, p2] = [await uploadPhoto(secretaryA), await uploadPhoto(secretaryA)];
    const notice = await post(secretaryA, { photos: [p1, p2] });
    expect(notice.photos.map((p) => p.id)).toEqual([p1, p2]);
    await get(undefined, notice.photos[0].url).expect(200); // the signed URL, no token
    const own = `/api/notices/${notice.id}/photos/${p1}`;
    const full = await get(residentB, own).expect(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    await get(residentB, `/api/notices/${notice.id}/photos/${p2}/thumb`).expect(200);
    await get(residentB, own).set('If-None-Match', full.headers.etag).expect(304);
    const stranger = await uploadPhoto(residentB);
    expect((await get(residentB, `/api/notices/${notice.id}/photos/${stranger}`).expect(404)).body.error.code).toBe('MEDIA_NOT_FOUND');
    await get(undefined, own).expect(401);
  });

  it("when a photo is someone else's, then 404 MEDIA_NOT_FOUND and no notice", async () => {
    const theirs = await uploadPhoto(residentA);
    const res = await api.http().post('/api/notices').set('Authorization', secretaryA.auth).send(noticeBody({ title: '别人的图', photos: [theirs] })).expect(404);
    expect(res.body.error.code).toBe('MEDIA_NOT_FOUND');
    expect(await api.db.collection('notices').countDocuments({ title: '别人的图' })).toBe(0);
  });

  it('when the same photo goes on a second notice, then it shows on both', async () => {
    const used = await uploadPhoto(secretaryA);
    const first = await post(secretaryA, { photos: [used] });
    const second = await post(secretaryA, { title: '重复用图', photos: [used] });
    expect(await attachmentsOf(api.db, [used])).toEqual({ [used]: [`notice:${first.id}`, `notice:${second.id}`].sort() });
    await get(residentA, `/api/notices/${first.id}/photos/${used}`).expect(200);
    await get(residentA, `/api/notices/${second.id}/photos/${used}`).expect(200);
  });

  it('when a kept photo is named in upper case, then it is the same photo: still attached and served', async () => {
    const [keep, add] = [await uploadPhoto(secretaryA), await uploadPhoto(secretaryA)];
    const notice = await post(secretaryA, { photos: [keep] });
    const res = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({ photos: [keep.toUpperCase(), add] }).expect(200);
    expect(res.body.photos.map((p: { id: string }) => p.id)).toEqual([keep, add]);
    await get(residentA, `/api/notices/${notice.id}/photos/${keep}`).expect(200);
  });

  it('when photos are replaced, then kept ones stay, a new one is attached and a dropped one is released', async () => {
    const [keep, drop, add] = [await uploadPhoto(secretaryA), await uploadPhoto(secretaryA), await uploadPhoto(secretaryA)];
    const notice = await post(secretaryA, { photos: [keep, drop] });
    const res = await api.http().patch(`/api/notices/${notice.id}`).set('Authorization', secretaryA.auth).send({ photos: [keep, add] }).expect(200);
    expect(res.body.photos.map((p: { id: string }) => p.id)).toEqual([keep, add]);
    expect(await attachmentsOf(api.db, [keep, drop, add])).toEqual({ [keep]: [`notice:${notice.id}`], [drop]: [], [add]: [`notice:${notice.id}`] });
    await get(residentA, `/api/notices/${notice.id}/photos/${drop}`).expect(404);
  });
});

describe('who may do what', () => {
  type Party = 'secretaryOfCommunity' | 'secretaryOfOtherCommunity' | 'admin' | 'resident' | 'officer' | 'noToken';
  const parties: Party[] = ['secretaryOfCommunity', 'secretaryOfOtherCommunity', 'admin', 'resident', 'officer', 'noToken'];
  const user = (p: Party) =>
    ({ secretaryOfCommunity: secretaryA, secretaryOfOtherCommunity: secretaryB, admin, resident: residentA, officer, noToken: undefined })[p];
  const withAuth = <T extends { set(k: string, v: string): T }>(req: T, u?: TestUser): T => (u ? req.set('Authorization', u.auth) : req);

  const routes: Array<{ name: string; call: (id: string, u?: TestUser) => PromiseLike<{ status: number }>; allowed: Party[] }> = [
    { name: 'POST /api/notices', call: (_id, u) => withAuth(api.http().post('/api/notices'), u).send(noticeBody()), allowed: ['secretaryOfCommunity', 'secretaryOfOtherCommunity', 'admin'] },
    { name: 'PATCH /api/notices/:id', call: (id, u) => withAuth(api.http().patch(`/api/notices/${id}`), u).send({ pinned: true }), allowed: ['secretaryOfCommunity', 'admin'] },
    { name: 'POST /api/notices/:id/withdraw', call: (id, u) => withAuth(api.http().post(`/api/notices/${id}/withdraw`), u), allowed: ['secretaryOfCommunity', 'admin'] },
    { name: 'GET /api/notices/managed', call: (_id, u) => withAuth(api.http().get('/api/notices/managed'), u), allowed: ['secretaryOfCommunity', 'secretaryOfOtherCommunity', 'admin'] },
    { name: 'GET /api/notices', call: (_id, u) => withAuth(api.http().get('/api/notices'), u), allowed: ['secretaryOfCommunity', 'secretaryOfOtherCommunity', 'admin', 'resident', 'officer'] },
    { name: 'GET /api/notices/:id', call: (id, u) => withAuth(api.http().get(`/api/notices/${id}`), u), allowed: ['secretaryOfCommunity', 'secretaryOfOtherCommunity', 'admin', 'resident', 'officer'] },
  ];
  const matrix = routes.flatMap((route) => parties.map((p) => [route.name, p, route] as const));

  it.each(matrix)("%s on 嘉麟社区's notice as %s", async (_name, party, route) => {
    const notice = await post(secretaryA);
    const res = await route.call(notice.id, user(party));
    const ok = res.status >= 200 && res.status < 300;
    expect({ party, ok }).toEqual({ party, ok: route.allowed.includes(party) });
    if (!ok) expect(res.status).toBe(party === 'noToken' ? 401 : party === 'secretaryOfOtherCommunity' ? 404 : 403);
  });
});
