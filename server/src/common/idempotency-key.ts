import type { Context } from '@midwayjs/koa';
import { AppError } from './app-error';

const KEY = /^[\w-]{8,64}$/;

/** The request's Idempotency-Key header (8–64 letters, digits, - or _), or 400 naming it. */
export function requireIdempotencyKey(ctx: Context): string {
  const key = ctx.get('Idempotency-Key');
  return checked(key);
}

/** The Idempotency-Key header when the client sent one (a retry of the same write then lands once); 400 when it is malformed. */
export function optionalIdempotencyKey(ctx: Context): string | null {
  const key = ctx.get('Idempotency-Key');
  return key === '' ? null : checked(key);
}

function checked(key: string): string {
  if (!KEY.test(key)) {
    throw new AppError('VALIDATION_FAILED', '缺少有效的 Idempotency-Key 请求头', [
      { field: 'Idempotency-Key', code: 'VALIDATION_FAILED', message: '8–64 个字母、数字、- 或 _' },
    ]);
  }
  return key;
}
