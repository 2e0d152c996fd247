import type Redis from 'ioredis';

/** One counter after a hit: how many hits its window has seen, and when the window ends. */
export interface RateLimitCount {
  count: number;
  resetMs: number;
}

/**
 * Where the counters live. Fixed windows: the first hit on a key opens a
 * window of `windowMs`; hits count until it ends. Keys are already hashed
 * (RateLimiter), so a store never sees an IP, a code or a user id.
 */
export interface RateLimitStore {
  readonly kind: 'memory' | 'redis';
  hit(key: string, windowMs: number): Promise<RateLimitCount>;
  close(): Promise<void>;
}

/** Counters in this process: right for one API process (and tests). Expired windows are swept every minute. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly kind = 'memory' as const;
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.endsAt - now };
  }

  /** Windows still open (for tests). */
  get size(): number {
    return this.windows.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}

// INCR and the expiry of a new window in one step, so two processes never
// both open a window and a crash between the two commands leaves no key
// without expiry. Returns the count and the milliseconds left.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

type RedisWithHit = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/** Counters in Redis (REDIS_URL): every API process using the same Redis shares them. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly kind = 'redis' as const;
  private readonly client: RedisWithHit;

  constructor(url: string, private readonly prefix: string, onError: (err: Error) => void) {
    // Loaded only with REDIS_URL set: one API process (the default) never needs
    // the client, and each module loaded stays in every process's memory
    // (docs/performance.md, P3).
    const RedisClient = (require('ioredis') as { default: typeof Redis }).default;
    // No offline queue and one retry: a Redis that is away fails a hit at once
    // (the limiter then lets the request through) instead of holding it.
    this.client = new RedisClient(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1_000,
      commandTimeout: 500,
    }) as RedisWithHit;
    this.client.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.client.on('error', onError);
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    const [count, ttl] = await this.client.rateLimitHit(this.prefix + key, windowMs);
    return { count: Number(count), resetMs: Number(ttl) };
  }

  async close(): Promise<void> {
    // quit() waits for Redis to answer; a client that never connected just stops retrying.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
