import type { z } from 'zod';
import { parseInput } from '@citycare/shared';
import { AppError } from './app-error';

/**
 * Checks request input against its shared schema. The first issue decides
 * the error code (e.g. INVALID_COORDINATES); every issue is listed in details.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseInput(schema, input ?? {});
  if (result.ok) return result.value;
  const [first] = result.issues;
  throw new AppError(first.code, undefined, result.issues);
}
