import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MemoryRateLimitStore, RedisRateLimitStore } from './rate-limit-store';
import { RateLimiter, routePattern } from './rate-limiter';
import { RateLimitedError } from './rate-limited.error';

// The Redis store runs against a real Redis (this machine runs one on 6379;
// REDIS_TEST_URL points elsewhere), under a prefix of this run's own.
const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `citycare-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
const noErrors = (err: Error) => {
  throw err;
};

describe('the memory store', () => {
  it('when hits come within a window, then they count up; after it, a new window starts at 1', async () => {
    let now = 1_000_000;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 59_000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetMs: 1_000 });
    now += 1_000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    await store.close();
  });

  it('when windows have ended, then the sweep forgets them (memory stays bounded)', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    for (let i = 0; i < 1000; i++) await store.hit(`ip-${i}`, 60_000);
    await store.hit('late', 120_000);
    now = 61_000;
    store.sweep();
    expect(store.size).toBe(1);
    await store.close();
  });
});

describe('the Redis store (REDIS_URL)', () => {
  let a: RedisRateLimitStore;
  let b: RedisRateLimitStore;
  let inspect: Redis;

  beforeAll(async () => {
    a = new RedisRateLimitStore(REDIS_URL, PREFIX, noErrors);
    b = new RedisRateLimitStore(REDIS_URL, PREFIX, noErrors);
    await Promise.all([a.connect(), b.connect()]);
    inspect = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    const keys = await inspect.keys(`${PREFIX}*`);
    if (keys.length) await inspect.del(...keys);
    await Promise.all([a.close(), b.close(), inspect.quit()]);
  });

  it('when two API processes count the same key, then they share one counter', async () => {
    const counts = [];
    for (let i = 0; i < 6; i++) counts.push((await (i % 2 ? b : a).hit('shared', 60_000)).count);
    expect(counts).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('when 200 hits arrive at once from two processes, then none is lost', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? b : a).hit('burst', 60_000)));
    expect((await a.hit('burst', 60_000)).count).toBe(201);
  });

  it('when a window opens, then its key expires with the window (no key is kept for ever)', async () => {
    const first = await a.hit('expiring', 30_000);
    expect(first.count).toBe(1);
    expect(first.resetMs).toBeGreaterThan(29_000);
    const ttl = await inspect.pttl(`${PREFIX}expiring`);
    expect(ttl).toBeGreaterThan(29_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('when a window ends, then counting starts again', async () => {
    await a.hit('short', 50);
    await a.hit('short', 50);
    await new Promise((r) => setTimeout(r, 80));
    expect((await b.hit('short', 50)).count).toBe(1);
  });

  it('when Redis is away, then a hit fails within a second (it never holds a request)', async () => {
    const away = new RedisRateLimitStore('redis://127.0.0.1:1', PREFIX, () => undefined);
    await away.connect().catch(() => undefined);
    const started = Date.now();
    await expect(away.hit('k', 60_000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
    await away.close();
  });
});

describe('the limiter', () => {
  function fakeCtx(over: Record<string, unknown> = {}) {
    return {
      method: 'POST',
      path: '/api/bookings',
      ip: '192.0.2.7',
      state: { user: { id: '65f000000000000000000001' } },
      request: { body: {} },
      get: () => '',
      logger: { info: () => undefined },
      ...over,
    } as never;
  }

  async function limiter(env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, { RATE_LIMIT_FACTOR: '1', REDIS_URL: '', SESSION_SECRET: '', ...env });
    const warnings: string[] = [];
    const made = Object.assign(new RateLimiter(), { logger: { warn: (m: string) => warnings.push(m), info: () => undefined } });
    await made.init();
    process.env = saved;
    return { limiter: made, warnings };
  }

  it('when a path has a parameter, then its pattern matches any one segment there and nothing else', () => {
    const pattern = routePattern('/api/staff/cases/{id}/replies');
    expect(pattern.test('/api/staff/cases/abc/replies')).toBe(true);
    expect(pattern.test('/api/staff/cases/abc/replies/')).toBe(true);
    expect(pattern.test('/api/staff/cases/a/b/replies')).toBe(false);
    expect(routePattern('/open311/v2/requests.{format}').test('/open311/v2/requestsXjson')).toBe(false);
  });

  it('when a write has no limit of its own, then the other-writes limit applies; reads have none', async () => {
    const { limiter: l } = await limiter({});
    expect(l.limitFor('POST', '/api/cases')?.name).toBe('caseCreate');
    expect(l.limitFor('DELETE', '/api/zones/abc')?.name).toBe('otherWrites');
    expect(l.limitFor('GET', '/api/cases')).toBeUndefined();
    await l.close();
  });

  it('when Redis is away, then requests pass and one warning is logged, not one per request', async () => {
    const { limiter: l, warnings } = await limiter({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(l.storeKind).toBe('redis');
    for (let i = 0; i < 30; i++) await l.check(fakeCtx());
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(2);
    expect(warnings[0]).toMatch(/rate-limit store failed, requests pass unlimited/);
    await l.close();
  });

  it('when counters live in Redis, then their keys hold no address, user id or login code', async () => {
    const { limiter: l } = await limiter({ REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
    const secrets = { ip: '192.0.2.99', user: '65f0000000000000000000ab', code: 'dev:openid-that-must-not-leak' };
    const ctx = fakeCtx({ path: '/api/auth/wechat', ip: secrets.ip, state: { user: { id: secrets.user } }, request: { body: { code: secrets.code } } });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) outcomes.push(await l.check(ctx).then(() => 'ok', (e) => (e instanceof RateLimitedError ? `429 ${e.headers!['Retry-After']}` : String(e))));
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes[3]).toMatch(/^429 (\d+)$/);
    const inspect = new Redis(REDIS_URL);
    const keys = await inspect.keys(`${PREFIX}rl:*`);
    if (keys.length) await inspect.del(...keys);
    await inspect.quit();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      for (const secret of Object.values(secrets)) expect(key).not.toContain(secret);
      expect(key).toMatch(/^citycare-test:[^ ]+rl:login:(ip|code):\d+:[\w-]{22}$/);
    }
    await l.close();
  });
});
