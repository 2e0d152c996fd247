import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { SignedPhoto } from '@citycare/shared';
import { env, envInt } from '../../config/env';
import type { MediaVariant } from './media-store';

const MAX_TTL_S = 3600;

export type UrlCheck = 'valid' | 'expired' | 'invalid';

/** What views are given to turn photo ids into signed URLs. */
export type SignPhotos = (ids: ReadonlyArray<{ toHexString(): string }>) => SignedPhoto[];

/**
 * Photo URLs that <image> can load without an Authorization header: an
 * expiry and an HMAC over media id + variant + expiry. Whoever the API shows
 * a photo to gets such a URL, so the access check happens when the URL is
 * issued; the URL itself proves it, until it expires.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PhotoUrls {
  private secret: Buffer = Buffer.alloc(0);
  private ttlS = MAX_TTL_S;

  @Init()
  init(): void {
    const configured = env('PHOTO_URL_SECRET');
    this.secret = configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
    this.ttlS = Math.min(Math.max(envInt('PHOTO_URL_TTL_S'), 60), MAX_TTL_S);
  }

  /** Signed URLs for photos, expiring at most TTL from now (issued on half-TTL steps, so a page reloaded soon gets the same URLs). */
  sign(ids: ReadonlyArray<{ toHexString(): string } | string>, now = new Date()): SignedPhoto[] {
    const step = Math.floor(this.ttlS / 2);
    const exp = Math.floor(now.getTime() / 1000 / step) * step + this.ttlS;
    const expiresAt = new Date(exp * 1000).toISOString();
    return ids.map((raw) => {
      const id = typeof raw === 'string' ? raw : raw.toHexString();
      return { id, url: this.url(id, 'full', exp), thumbUrl: this.url(id, 'thumb', exp), expiresAt };
    });
  }

  check(id: string, variant: MediaVariant, exp: unknown, sig: unknown, now = new Date()): UrlCheck {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
    const expected = Buffer.from(this.signature(id, variant, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
  }

  private url(id: string, variant: MediaVariant, exp: number): string {
    const path = variant === 'full' ? `/api/media/${id}` : `/api/media/${id}/thumb`;
    return `${path}?exp=${exp}&sig=${this.signature(id, variant, exp)}`;
  }

  private signature(id: string, variant: MediaVariant, exp: number): string {
    return createHmac('sha256', this.secret).update(`${id.toLowerCase()}.${variant}.${exp}`).digest('base64url');
  }
}
