// R10 in the logs: every test app's log lines are scanned at close
// (tests/support/log-capture.ts); this file shows the scan finds what it must.
import { startTestApi, type TestApi } from '../support/api-app';
import { loginAs } from '../support/auth';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(__filename);
}, 60_000);

afterAll(() => api.close());

describe('the log scan', () => {
  afterEach(() => {
    api.logs.lines.length = 0; // what a test planted is not the app's
  });

  it('when the app logs info lines, then the scan sees them though the console shows warnings only', async () => {
    await api.http().get('/api/health/live').expect(200);
    expect(api.logs.lines.some((l) => JSON.parse(l).msg === 'request' && JSON.parse(l).path === '/api/health/live')).toBe(true);
  });

  it.each([
    ['a phone number', (_u: { openid: string; token: string }) => 'caller 13912345678 called'],
    ["a user's openid", (u: { openid: string; token: string }) => `user ${u.openid} signed in`],
    ['a session token', (u: { openid: string; token: string }) => `token ${u.token}`],
    ['a session key', (_u: { openid: string; token: string }) => 'key test-session-key-value'],
  ])('when %s is logged unmasked, then the scan fails', async (_what, line) => {
    const user = await loginAs(api.db, 'resident');
    await api.db.collection('users').updateOne({ openid: user.openid }, { $set: { wechatSessionKey: 'test-session-key-value' } });
    api.app.getLogger().info(line(user)); // info: kept by the capture, not shown on the console
    await expect(api.logs.scan(api.db, __filename)).rejects.toThrow(/R10: the server logged \d+ unmasked secret/);
  });

  it('when only masked forms are logged, then the scan passes', async () => {
    api.app.getLogger().info('caller 139****5678 reported; request a1b2c3d4-e5f6-4711-8899-aabbccddeeff');
    await expect(api.logs.scan(api.db, __filename)).resolves.toBeUndefined();
  });
});
