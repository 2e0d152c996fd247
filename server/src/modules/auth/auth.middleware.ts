import { Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import { AppError } from '../../common/app-error';
import { SessionService } from './session.service';

/**
 * Resolves `Authorization: Bearer <token>` into ctx.state.user. No header → no
 * user (routes that need one call requireUser); a bad header → 401 at once.
 */
@Middleware()
export class AuthMiddleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const header = ctx.get('Authorization');
      if (header) {
        const match = /^Bearer ([^\s]+)$/.exec(header);
        if (!match) throw new AppError('UNAUTHENTICATED');
        const sessions = await ctx.requestContext.getAsync(SessionService);
        ctx.state.user = await sessions.resolve(match[1]);
        ctx.state.token = match[1];
      }
      return next();
    };
  }

  match(ctx: Context) {
    return ctx.path.startsWith('/api/');
  }

  static getName() {
    return 'auth';
  }
}
