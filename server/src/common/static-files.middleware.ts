import { Config, Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import serve from 'koa-static';
import { NO_LAYER } from './no-layer';

/** Serves the H5 build (STATIC_DIR) for every non-/api GET, so the browser app and API share an origin. */
@Middleware()
export class StaticFilesMiddleware implements IMiddleware<Context, NextFunction> {
  @Config('staticDir')
  staticDir!: string;

  resolve() {
    // No H5 build: no layer at all (Midway leaves out a middleware that resolves to nothing).
    if (!this.staticDir) return NO_LAYER;
    // koa-static is typed against plain Koa's context; Midway's extends it.
    const files = serve(this.staticDir, { maxage: 0, gzip: true, index: 'index.html' }) as unknown as (
      ctx: Context,
      next: NextFunction,
    ) => Promise<void>;
    return async (ctx: Context, next: NextFunction) => {
      if (ctx.path.startsWith('/api') || ctx.path.startsWith('/open311')) return next();
      if (ctx.path.startsWith('/static/')) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
      return files(ctx, next);
    };
  }

  static getName() {
    return 'staticFiles';
  }
}
