import type { z } from 'zod';
import { parseInput } from '@citycare/shared';
import { AppError } from './app-error';

/**
 * Checks request input against its shared schema. The first issue decides
 * the error code (e.g. INVALID_COORDINATES); every issue is listed in details.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = pathOfNul(input);
  if (nul !== null) {
    // PostgreSQL (under the embedded database) cannot store U+0000 in a document; no real text holds one.
    throw new AppError('VALIDATION_FAILED', undefined, [{ field: nul, code: 'VALIDATION_FAILED', message: '文本中含有不允许的控制字符' }]);
  }
  const result = parseInput(schema, input ?? {});
  if (result.ok) return result.value;
  const [first] = result.issues;
  throw new AppError(first.code, undefined, result.issues);
}

/** Where in the input a string holds a NUL character ("" for the top), or null. */
function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = pathOfNul(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}
