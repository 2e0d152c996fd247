import { Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import type { Open311Error } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { errorHeaders, toErrorResponse } from '../../common/error-response';
import { CONTENT_TYPES, formatOfPath, render } from './open311.format';

/**
 * Errors under /open311 in the specification's form: a list of
 * {code, description} in the requested format, HTTP 404 for what does not
 * exist, 403 for a missing or wrong api_key, 429 (with Retry-After) over a
 * rate limit, 400 for anything else the request got wrong (5xx stay 5xx). Unknown /open311 paths are 404s here too.
 */
@Middleware()
export class Open311Middleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      try {
        await next();
        if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
      } catch (err) {
        const { status, errors, code } = toOpen311Errors(err, ctx.state?.requestId as string | undefined);
        if (code === 'INTERNAL_ERROR') ctx.logger.error(err as Error, { code, status, method: ctx.method, path: ctx.path });
        else ctx.logger.info(`open311 request rejected: ${code}`, { code, status, method: ctx.method, path: ctx.path });
        const format = formatOfPath(ctx.path);
        ctx.status = status;
        ctx.type = CONTENT_TYPES[format];
        ctx.set('Cache-Control', 'no-store');
        ctx.set(errorHeaders(err));
        ctx.body = render(format, 'errors', errors);
      }
    };
  }

  match(ctx: Context) {
    return ctx.path === '/open311' || ctx.path.startsWith('/open311/');
  }

  static getName() {
    return 'open311';
  }
}

export function toOpen311Errors(err: unknown, requestId?: string): { status: number; code: string; errors: Open311Error[] } {
  const { status, body } = toErrorResponse(err, requestId);
  const httpStatus = status === 401 || status === 403 ? 403 : status === 404 || status === 429 || status >= 500 ? status : 400;
  const { code, message, details } = body.error;
  const texts = details?.length ? details.map((d) => `${d.field}：${d.message}`) : [message];
  return { status: httpStatus, code, errors: texts.map((text) => ({ code: httpStatus, description: `${text}（${code}）` })) };
}
