import { MidwayHttpError } from '@midwayjs/core';
import { ERRORS, type ErrorCode, type FieldIssue } from '@citycare/shared';

/**
 * The one error type of the API: a stable code from shared/errors.ts, its
 * HTTP status, and a message a resident can read. The error filter turns it
 * into `{ error: { code, message, details } }`.
 */
export class AppError extends MidwayHttpError {
  override readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  /** Response headers that go with this error (Retry-After for RATE_LIMITED). */
  headers?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, details?: FieldIssue[]) {
    super(message ?? ERRORS[code].message, ERRORS[code].status);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
