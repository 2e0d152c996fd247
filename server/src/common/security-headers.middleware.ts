import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Config, Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import helmet from 'koa-helmet';

type KoaMiddleware = (ctx: Context, next: NextFunction) => Promise<unknown>;

/** API answers (JSON, XML, CSV, photos) are never a page: they may load nothing and be framed by no one. */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Security headers from helmet on every answer (nosniff, Referrer-Policy
 * no-referrer, X-Frame-Options DENY, HSTS, cross-origin policies), with two
 * Content-Security-Policies: none at all for the API, and for the H5 build
 * its own origin only, its inline start-up script allowed by its hash.
 */
@Middleware()
export class SecurityHeadersMiddleware implements IMiddleware<Context, NextFunction> {
  @Config('staticDir')
  staticDir!: string;

  resolve() {
    const common = { referrerPolicy: { policy: 'no-referrer' as const }, frameguard: { action: 'deny' as const } };
    const api = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: API_POLICY } }) as unknown as KoaMiddleware;
    const page = helmet({
      ...common,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(this.staticDir)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // The H5 upload reads the picked (and resized) photo back from its blob: URL.
          connectSrc: ["'self'", 'blob:', 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
    }) as unknown as KoaMiddleware;
    return async (ctx: Context, next: NextFunction) => {
      const isApi = ctx.path.startsWith('/api') || ctx.path.startsWith('/open311');
      return (isApi || !this.staticDir ? api : page)(ctx, next);
    };
  }

  static getName() {
    return 'securityHeaders';
  }
}

/** 'sha256-…' of each inline <script> of the H5 index.html (Taro's font-size script), read once at start. */
function inlineScriptHashes(staticDir: string): string[] {
  const index = staticDir ? path.join(staticDir, 'index.html') : '';
  if (!index || !existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}
