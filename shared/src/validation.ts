// One way to check input against a shared schema. Schemas attach an error
// code as the issue message (`{ error: 'INVALID_LIMIT' }`); anything else maps
// to VALIDATION_FAILED, and unknown keys (strict objects) to UNKNOWN_FIELD.
import { z } from 'zod';
import { ERRORS, type ErrorCode, isErrorCode } from './errors';

export interface FieldIssue {
  field: string;
  code: ErrorCode;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.flatMap(toFieldIssues) };
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: path ? `${path}.${key}` : key,
      code: 'UNKNOWN_FIELD' as const,
      message: ERRORS.UNKNOWN_FIELD.message,
    }));
  }
  const code: ErrorCode = isErrorCode(issue.message) ? issue.message : 'VALIDATION_FAILED';
  return [{ field: path, code, message: ERRORS[code].message }];
}

/**
 * A number sent as a query-string value ("32.5"). Rejects "", "abc", "1e999",
 * arrays (?a=1&a=2) and missing values with `code`.
 */
/** A decimal number as a query string may carry it (before trimming is applied). */
export const QUERY_NUMBER_PATTERN = /^[-+]?\d{1,12}(\.\d{1,15})?$/;
/** A whole number as a query string may carry it. */
export const QUERY_INT_PATTERN = /^\d{1,6}$/;

export function queryNumber(code: ErrorCode) {
  return z
    .string({ error: code })
    .trim()
    .regex(QUERY_NUMBER_PATTERN, { error: code })
    .transform(Number);
}

/** An optional whole number in a query string, with inclusive bounds. */
export function queryInt(code: ErrorCode, min: number, max: number) {
  return z
    .string({ error: code })
    .trim()
    .regex(QUERY_INT_PATTERN, { error: code })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: code }).max(max, { error: code }));
}

/** A MongoDB ObjectId as 24 hex characters: the one pattern for ids in paths and bodies. */
export const OBJECT_ID_CHARS = '[0-9a-fA-F]{24}';
export const OBJECT_ID_PATTERN = new RegExp(`^${OBJECT_ID_CHARS}$`);

export const isObjectIdString = (value: unknown): value is string => typeof value === 'string' && OBJECT_ID_PATTERN.test(value);

/**
 * An id in a body or query, in the one spelling the server writes (lower case): ids are
 * compared as strings in places (a photo kept or dropped, a count by id), where "65AB…"
 * would not equal the "65ab…" read back from the database.
 */
export const objectIdString = (code: ErrorCode) =>
  z
    .string({ error: code })
    .regex(OBJECT_ID_PATTERN, { error: code })
    .transform((id) => id.toLowerCase());
