import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { SessionService } from './session.service';
import { hashToken, SESSION_ABSOLUTE_MS } from './token';

let cached: TestApi;

beforeAll(async () => {
  cached = await startTestApi(__filename, { SESSION_CACHE_MS: '60000' });
}, 60_000);

afterAll(() => cached.close());

describe('what a token resolved to, remembered for a few seconds (SESSION_CACHE_MS)', () => {
  it('when the session is changed behind the process, then the remembered answer holds until it lapses; a logout here ends it at once', async () => {
    const user = await loginAs(cached.db, 'resident');
    await cached.http().get('/api/me').set('Authorization', user.auth).expect(200);
    await cached.db.collection('sessions').updateOne({ tokenHash: hashToken(user.token) }, { $set: { revokedAt: new Date() } });
    await cached.http().get('/api/me').set('Authorization', user.auth).expect(200); // another process's revocation: within SESSION_CACHE_MS
    await cached.http().post('/api/auth/logout').set('Authorization', user.auth).expect(200);
    await cached.http().get('/api/me').set('Authorization', user.auth).expect(401);
  });

  it('when a remembered session passes its absolute expiry, then 401 without reading it again', async () => {
    const user = await loginAs(cached.db, 'resident');
    await cached.http().get('/api/me').set('Authorization', user.auth).expect(200);
    const sessions = await cached.app.getApplicationContext().getAsync(SessionService);
    await expect(sessions.resolve(user.token, new Date(Date.now() + SESSION_ABSOLUTE_MS + 1000))).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });
});
