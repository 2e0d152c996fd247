import Taro from '@tarojs/taro';
import type { TaroMock } from '../test-support/taro-mock';
import { STORAGE_KEYS } from '../services/storage';
import { ApiError } from './error';
import { request } from './request';
import { currentSession, forgetSession } from './session';

jest.mock('@tarojs/taro', () => jest.requireActual('../test-support/taro-mock').taroMock());

const taro = Taro as unknown as TaroMock;
const user = { id: 'u1', role: 'resident', name: '居民 张阿姨', phone: null, stationId: null, community: '嘉麟社区' };

beforeAll(() => {
  (globalThis as { CITYCARE_API_BASE_URL?: string }).CITYCARE_API_BASE_URL = 'http://api.test';
});

let tokensIssued = 0;
let validToken = '';

/** A tiny API: the demo login issues tokens; /api/me accepts only the latest one. */
function serve(): void {
  taro.request.mockImplementation(async (opts: { url: string; header: Record<string, string>; data?: { openid?: string } }) => {
    await new Promise((r) => setTimeout(r, 5));
    if (opts.url.endsWith('/api/auth/dev')) {
      tokensIssued += 1;
      validToken = `token-${tokensIssued}`;
      return { statusCode: 200, data: { token: validToken, expiresAt: '2030-01-01T00:00:00Z', user } };
    }
    if (opts.header.Authorization !== `Bearer ${validToken}`) {
      return { statusCode: 401, data: { error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } } };
    }
    return { statusCode: 200, data: { ok: true, key: opts.header['Idempotency-Key'] ?? null } };
  });
}

const calls = (suffix: string) => taro.request.mock.calls.filter(([o]) => (o as { url: string }).url.endsWith(suffix)).length;

beforeEach(() => {
  taro.request.mockReset();
  taro.storage.clear();
  forgetSession();
  tokensIssued = 0;
  validToken = '';
  serve();
});

describe('sessions and re-login', () => {
  test('when no one has signed in on H5, then an authorised call asks for sign-in without calling the API', async () => {
    const error = await request('/api/me', { auth: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SIGN_IN_REQUIRED');
    expect((error as ApiError).needsSignIn).toBe(true);
    expect(taro.request).not.toHaveBeenCalled();
  });

  test('when a demo identity was chosen, then the first authorised call signs in on demand and sends the token', async () => {
    taro.storage.set(STORAGE_KEYS.signInMethod, { kind: 'demo', openid: 'demo-resident-1' });
    await expect(request('/api/me', { auth: true })).resolves.toMatchObject({ ok: true });
    expect(calls('/api/auth/dev')).toBe(1);
    expect(currentSession()?.token).toBe('token-1');
    expect((taro.storage.get(STORAGE_KEYS.session) as { token: string }).token).toBe('token-1');
  });

  test('when five calls get 401 at once, then one re-login runs and each call is retried once', async () => {
    taro.storage.set(STORAGE_KEYS.signInMethod, { kind: 'demo', openid: 'demo-resident-1' });
    await request('/api/me', { auth: true });
    validToken = 'revoked-elsewhere'; // the server no longer accepts token-1
    const results = await Promise.all(Array.from({ length: 5 }, () => request('/api/me', { auth: true })));
    expect(results).toHaveLength(5);
    expect(calls('/api/auth/dev')).toBe(2); // the first sign-in and one shared re-login
    expect(calls('/api/me')).toBe(1 + 5 + 5); // first call, five refused, five retried
    expect(currentSession()?.token).toBe('token-2');
  });

  test('when the retry is refused too, then the 401 reaches the caller (no loop)', async () => {
    taro.storage.set(STORAGE_KEYS.signInMethod, { kind: 'demo', openid: 'demo-resident-1' });
    taro.request.mockImplementation(async (opts: { url: string }) =>
      opts.url.endsWith('/api/auth/dev')
        ? { statusCode: 200, data: { token: `t${++tokensIssued}`, expiresAt: '2030-01-01T00:00:00Z', user } }
        : { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } },
    );
    const error = (await request('/api/me', { auth: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(calls('/api/me')).toBe(2);
  });

  test('when an idempotency key is given, then it travels as the Idempotency-Key header', async () => {
    taro.storage.set(STORAGE_KEYS.signInMethod, { kind: 'demo', openid: 'demo-resident-1' });
    await expect(request('/api/cases', { method: 'POST', auth: true, idempotencyKey: 'k'.repeat(32) })).resolves.toMatchObject({ key: 'k'.repeat(32) });
  });

  test('when the resident signs out, then the token and the way to renew it are forgotten', async () => {
    taro.storage.set(STORAGE_KEYS.signInMethod, { kind: 'demo', openid: 'demo-resident-1' });
    await request('/api/me', { auth: true });
    forgetSession();
    expect(taro.storage.has(STORAGE_KEYS.session)).toBe(false);
    expect(taro.storage.has(STORAGE_KEYS.signInMethod)).toBe(false);
    await expect(request('/api/me', { auth: true })).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
  });
});
