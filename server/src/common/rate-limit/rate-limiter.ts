import { createHmac } from 'node:crypto';
import { Destroy, Init, Logger, Provide, Scope, ScopeEnum, type ILogger } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { env, envNumber } from '../../config/env';
import { sessionSecret } from '../../config/production-mode';
import { OTHER_WRITES, RATE_LIMITS, type RateLimit, type RateLimitName, type RateLimitScope } from '../../config/rate-limits';
import { currentUser } from '../auth-user';
import { RateLimitedError } from './rate-limited.error';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from './rate-limit-store';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REDIS_WARNING_EVERY_MS = 10_000;

interface CompiledLimit {
  name: RateLimitName;
  limit: RateLimit;
  method: string;
  path: RegExp;
}

/** '/api/cases/{id}/rating' → a pattern matching that path with any id (and an optional trailing slash). */
export function routePattern(path: string): RegExp {
  const parts = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
}

function compile(): CompiledLimit[] {
  return Object.entries(RATE_LIMITS).flatMap(([name, limit]) =>
    limit.routes.map((route) => {
      const [method, path] = route.split(' ');
      return { name: name as RateLimitName, limit, method, path: routePattern(path) };
    }),
  );
}

/**
 * The one rate-limit check (config/rate-limits.ts). Counters are keyed by the
 * limit, the scope and an HMAC of the scope's value under SESSION_SECRET, so
 * the store and the logs hold no IP, login code, API key or user id. A store
 * that fails (Redis away) lets the request through and logs a warning: the
 * limits protect the service, they must not take it down.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RateLimiter {
  @Logger()
  logger!: ILogger;

  private store!: RateLimitStore;
  private factor = 1;
  private secret = '';
  private readonly limits = compile();
  private lastWarning = 0;

  @Init()
  async init(): Promise<void> {
    this.factor = envNumber('RATE_LIMIT_FACTOR');
    this.secret = sessionSecret();
    const url = env('REDIS_URL');
    if (!url) {
      this.store = new MemoryRateLimitStore();
      return;
    }
    const redis = new RedisRateLimitStore(url, env('REDIS_KEY_PREFIX'), (err) => this.warn(err));
    this.store = redis;
    await redis.connect().catch((err: Error) => this.warn(err));
  }

  /** false with RATE_LIMIT_FACTOR=0: no request is ever counted. */
  get enabled(): boolean {
    return this.factor !== 0;
  }

  get storeKind(): RateLimitStore['kind'] {
    return this.store.kind;
  }

  /** The limit guarding `method path`, if any. */
  limitFor(method: string, path: string): { name: RateLimitName; limit: RateLimit } | undefined {
    const found = this.limits.find((l) => l.method === method && l.path.test(path));
    if (found) return { name: found.name, limit: found.limit };
    if (WRITE_METHODS.has(method) && (path.startsWith('/api/') || path.startsWith('/open311/'))) {
      return { name: 'otherWrites', limit: OTHER_WRITES };
    }
    return undefined;
  }

  /** Counts this request against its limit; throws RATE_LIMITED (429, Retry-After) when over. */
  async check(ctx: Context): Promise<void> {
    if (this.factor === 0) return;
    const found = this.limitFor(ctx.method, ctx.path);
    if (!found) return;
    let retryAfterMs = 0;
    for (const rule of found.limit.rules) {
      const value = scopeValue(ctx, rule.per);
      if (!value) continue;
      const key = `rl:${found.name}:${rule.per}:${rule.windowS}:${this.digest(value)}`;
      const max = Math.max(1, Math.floor(rule.max * this.factor));
      try {
        const { count, resetMs } = await this.store.hit(key, rule.windowS * 1000);
        if (count > max) retryAfterMs = Math.max(retryAfterMs, resetMs);
      } catch (err) {
        this.warn(err as Error);
      }
    }
    if (retryAfterMs > 0) {
      ctx.logger.info('rate limited', { limit: found.name, method: ctx.method, path: ctx.path });
      throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
  }

  @Destroy()
  async close(): Promise<void> {
    await this.store?.close();
  }

  private digest(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url').slice(0, 22);
  }

  private warn(err: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < REDIS_WARNING_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(`rate-limit store failed, requests pass unlimited meanwhile: ${err.message}`);
  }
}

function scopeValue(ctx: Context, scope: RateLimitScope): string | undefined {
  switch (scope) {
    case 'ip':
      return ctx.ip || undefined;
    case 'user':
      return currentUser(ctx)?.id;
    case 'apiKey':
      return ctx.get('X-Api-Key') || undefined;
    case 'code': {
      const body = ctx.request.body as { code?: unknown; openid?: unknown } | undefined;
      const code = body?.code ?? body?.openid;
      return typeof code === 'string' && code ? code : undefined;
    }
  }
}
