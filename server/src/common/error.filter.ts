import { Catch } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { errorHeaders, toErrorResponse } from './error-response';

/** The one error handler: every error becomes `{ error: { code, message } }`. */
@Catch()
export class ErrorFilter {
  async catch(err: Error, ctx: Context) {
    const requestId = ctx.state?.requestId as string | undefined;
    const { status, body } = toErrorResponse(err, requestId);
    const fields = { code: body.error.code, status, method: ctx.method, path: ctx.path };
    // A stack only where it helps: unexpected errors, not a database that is away.
    if (body.error.code === 'INTERNAL_ERROR') ctx.logger.error(err, fields);
    else if (status >= 500) ctx.logger.warn(`${body.error.code}: ${err.message}`, fields);
    else ctx.logger.info(`request rejected: ${body.error.code}`, fields);
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.set(errorHeaders(err));
    return body;
  }
}
