import { Inject, Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import { NO_LAYER } from '../no-layer';
import { RateLimiter } from './rate-limiter';

/** Runs after the auth middleware (limits per user need the user) and before any handler. */
@Middleware()
export class RateLimitMiddleware implements IMiddleware<Context, NextFunction> {
  @Inject()
  limiter!: RateLimiter;

  resolve() {
    // RATE_LIMIT_FACTOR=0 (never in production: config/production-mode.ts) is fixed at start: no layer at all.
    if (!this.limiter.enabled) return NO_LAYER;
    return async (ctx: Context, next: NextFunction) => {
      await this.limiter.check(ctx);
      return next();
    };
  }

  static getName() {
    return 'rateLimit';
  }
}
