import { Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import { AppError } from './app-error';

/** An /api path no route answered is a 404 in our error format, not Koa's text. */
@Middleware()
export class ApiNotFoundMiddleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) {
        throw new AppError('NOT_FOUND');
      }
    };
  }

  static getName() {
    return 'apiNotFound';
  }
}
