import { randomUUID } from 'node:crypto';
import { Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';

/** Gives every request an id (echoed as X-Request-Id) and logs one line when it ends. */
@Middleware()
export class RequestContextMiddleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const incoming = ctx.get('X-Request-Id');
      const requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
      ctx.state.requestId = requestId;
      ctx.set('X-Request-Id', requestId);
      const started = process.hrtime.bigint();
      try {
        await next();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // Path only: query strings may carry coordinates or codes.
        ctx.logger.info('request', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 });
      }
    };
  }

  static getName() {
    return 'requestContext';
  }
}
