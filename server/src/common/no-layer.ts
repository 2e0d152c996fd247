import type { IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';

type Resolved = ReturnType<IMiddleware<Context, NextFunction>['resolve']>;

/**
 * What a middleware's resolve() returns to be left out of the stack: Midway
 * skips a middleware that resolves to nothing (as its own siteFile and
 * bodyParser do when disabled), so a request pays nothing for it.
 */
export const NO_LAYER = undefined as unknown as Resolved;
