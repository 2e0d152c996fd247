import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(__filename, { DEV_LOGIN: '1' });
  await seedDemoData(api.db);
}, 60_000);

afterAll(() => api.close());

describe('POST /api/auth/wechat', () => {
  it('when a wx.login code is valid, then a session token works for /api/me and session_key never leaves the server', async () => {
    const code = api.wechat.control.issueLoginCode('openid-login-1');
    const res = await api.http().post('/api/auth/wechat').send({ code }).expect(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user.role).toBe('resident');
    expect(JSON.stringify(res.body)).not.toMatch(/session_?key/i);
    const me = await api.http().get('/api/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body.id).toBe(res.body.user.id);
    const stored = await api.db.collection('sessions').findOne({ userId: (await api.db.collection('users').findOne({ openid: 'openid-login-1' }))!._id });
    expect(stored!.tokenHash).not.toBe(res.body.token); // only the hash is stored
    expect(stored!._id).toBe(stored!.tokenHash); // and it is the key, so the lookup needs no scan
  });

  it('when the same WeChat user logs in twice at once, then there is one user', async () => {
    const codes = [api.wechat.control.issueLoginCode('openid-race'), api.wechat.control.issueLoginCode('openid-race')];
    const results = await Promise.all(codes.map((code) => api.http().post('/api/auth/wechat').send({ code })));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await api.db.collection('users').countDocuments({ openid: 'openid-race' })).toBe(1);
  });

  it('when a code is reused or invalid, then 401 with a clear code', async () => {
    const code = api.wechat.control.issueLoginCode();
    await api.http().post('/api/auth/wechat').send({ code }).expect(200);
    const reused = await api.http().post('/api/auth/wechat').send({ code });
    expect([reused.status, reused.body.error.code]).toEqual([401, 'WECHAT_CODE_USED']);
    const invalid = await api.http().post('/api/auth/wechat').send({ code: 'not-a-real-code' });
    expect([invalid.status, invalid.body.error.code]).toEqual([401, 'WECHAT_CODE_INVALID']);
  });

  it('when the body is wrong, then 400', async () => {
    for (const body of [{}, { code: '' }, { code: { $ne: null } }, { code: 'x', role: 'admin' }]) {
      expect((await api.http().post('/api/auth/wechat').send(body)).status).toBe(400);
    }
  });
});

describe('sessions', () => {
  it('when a user logs out, then the token is revoked (401)', async () => {
    const user = await loginAs(api.db, 'resident');
    await api.http().post('/api/auth/logout').set('Authorization', user.auth).expect(200);
    const res = await api.http().get('/api/me').set('Authorization', user.auth);
    expect([res.status, res.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('when a session is idle for 7 days or past 30 days, then 401', async () => {
    const idle = await loginAs(api.db, 'resident');
    const { hashToken } = await import('./token');
    await api.db.collection('sessions').updateOne({ tokenHash: hashToken(idle.token) }, { $set: { lastSeenAt: new Date(Date.now() - 8 * 86400_000) } });
    expect((await api.http().get('/api/me').set('Authorization', idle.auth)).status).toBe(401);
    const old = await loginAs(api.db, 'resident');
    await api.db.collection('sessions').updateOne({ tokenHash: hashToken(old.token) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api.http().get('/api/me').set('Authorization', old.auth)).status).toBe(401);
  });
});

describe('phone binding', () => {
  it('when the phone button code is bound, then the owner sees the number unmasked', async () => {
    const user = await loginAs(api.db, 'resident');
    const code = api.wechat.control.issuePhoneCode('13900001234');
    const res = await api.http().post('/api/me/phone').set('Authorization', user.auth).send({ code }).expect(200);
    expect(res.body.phone).toBe('13900001234');
  });
});

describe('dev login', () => {
  it('when DEV_LOGIN=1, then a demo user can be chosen and used', async () => {
    const list = await api.http().get('/api/auth/dev/users').expect(200);
    expect(list.body.items.map((u: { role: string }) => u.role)).toEqual(expect.arrayContaining(['resident', 'officer', 'lead', 'secretary', 'admin']));
    const res = await api.http().post('/api/auth/dev').send({ openid: 'demo-officer-1' }).expect(200);
    expect(res.body.user.role).toBe('officer');
    expect(res.body.user.stationId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('when NODE_ENV=production, then the dev login is refused even with DEV_LOGIN=1', async () => {
    process.env.NODE_ENV = 'production';
    try {
      const res = await api.http().post('/api/auth/dev').send({ openid: 'demo-admin' });
      expect([res.status, res.body.error.code]).toEqual([403, 'DEV_LOGIN_DISABLED']);
    } finally {
      process.env.NODE_ENV = 'unittest';
    }
  });
});

describe('admins appoint staff', () => {
  it('when an admin makes a resident an officer of a station, then that user works its queue at once; others may not appoint', async () => {
    const admin = await loginAs(api.db, 'admin');
    const resident = await loginAs(api.db, 'resident', { phone: '13700001111' });
    const station = await api.db.collection('stations').findOne({ community: '嘉麟社区' });
    const body = { role: 'officer', stationId: String(station!._id) };

    for (const who of [resident, await loginAs(api.db, 'lead', { stationId: String(station!._id) })]) {
      expect((await api.http().put(`/api/admin/users/${resident.id}/role`).set('Authorization', who.auth).send(body)).status).toBe(403);
    }
    expect((await api.http().get('/api/staff/cases').set('Authorization', resident.auth)).status).toBe(403);

    const res = await api.http().put(`/api/admin/users/${resident.id}/role`).set('Authorization', admin.auth).send(body).expect(200);
    expect(res.body).toMatchObject({ role: 'officer', stationId: String(station!._id), community: '嘉麟社区', phone: '137****1111' });
    await api.http().get('/api/staff/cases').set('Authorization', resident.auth).expect(200);

    const found = await api.http().get('/api/admin/users').query({ openid: resident.openid }).set('Authorization', admin.auth).expect(200);
    expect(found.body.id).toBe(resident.id);
  });

  it('when an officer has no station or a secretary no community, then 400', async () => {
    const admin = await loginAs(api.db, 'admin');
    const user = await loginAs(api.db, 'resident');
    for (const body of [{ role: 'officer' }, { role: 'secretary' }, { role: 'officer', stationId: '0123456789abcdef01234567' }, { role: 'king' }]) {
      const res = await api.http().put(`/api/admin/users/${user.id}/role`).set('Authorization', admin.auth).send(body);
      expect([400, 404]).toContain(res.status);
    }
  });
});
