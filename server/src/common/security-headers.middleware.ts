import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Config, Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import helmet, { type HelmetOptions } from 'helmet';

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
 * None of them depends on the request (no nonces), so helmet runs once at
 * start and each answer gets the recorded headers.
 */
@Middleware()
export class SecurityHeadersMiddleware implements IMiddleware<Context, NextFunction> {
  @Config('staticDir')
  staticDir!: string;

  resolve() {
    const common = { referrerPolicy: { policy: 'no-referrer' as const }, frameguard: { action: 'deny' as const } };
    const api = recordHelmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: API_POLICY } });
    const page = recordHelmet({
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
    });
    return async (ctx: Context, next: NextFunction) => {
      const isApi = ctx.path.startsWith('/api') || ctx.path.startsWith('/open311');
      (isApi || !this.staticDir ? api : page)(ctx.res);
      return next();
    };
  }

  static getName() {
    return 'securityHeaders';
  }
}

/** What helmet(options) does to a response, recorded once, as a function that does it again. */
export function recordHelmet(options: Readonly<HelmetOptions>): (res: ServerResponse) => void {
  const headers = new Map<string, string>();
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => {
      headers.delete(name);
      removed.push(name);
    },
    getHeader: (name: string) => headers.get(name),
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  // helmet is synchronous; anything else would mean a header that depends on the request.
  if (!finished) throw new Error('helmet did not finish at once');
  const set = [...headers];
  return (res) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
  };
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
