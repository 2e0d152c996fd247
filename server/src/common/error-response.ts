import { ERRORS, type ErrorBody, type ErrorCode } from '@citycare/shared';
import { AppError } from './app-error';

const DATABASE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoPoolClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'MongoWaitQueueTimeoutError',
  'MongooseServerSelectionError',
  'DatabaseUnavailableError',
]);

/** The database, or the storage under the embedded one, is unreachable (a 503, never a 500). */
export function isDatabaseDown(err: Error): boolean {
  return (
    DATABASE_ERROR_NAMES.has(err.name) ||
    /before initial connection is complete|Client must be connected|connection .* closed|ECONNREFUSED|ECONNRESET|EPIPE|socket has been ended by the other party|failed to connect to|server closed the connection|the database system is (starting up|shutting down|in recovery mode)/i.test(err.message) ||
    (err.cause instanceof Error && err.cause !== err && isDatabaseDown(err.cause))
  );
}

/** Koa/body-parser/router errors carry a status and sometimes a type. */
function codeForHttpError(err: { status?: number; type?: string }): ErrorCode | undefined {
  if (err.type === 'entity.parse.failed') return 'INVALID_JSON';
  if (err.type === 'entity.too.large' || err.status === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.status === 404) return 'NOT_FOUND';
  if (err.status === 405) return 'METHOD_NOT_ALLOWED';
  if (err.status && err.status >= 400 && err.status < 500) return 'VALIDATION_FAILED';
  return undefined;
}

/** Maps any thrown value to a status and a body with no stack or internals. */
export function toErrorResponse(err: unknown, requestId?: string): { status: number; body: ErrorBody } {
  let code: ErrorCode = 'INTERNAL_ERROR';
  let message: string | undefined;
  let details: ErrorBody['error']['details'];
  if (err instanceof AppError) {
    code = err.code;
    message = err.message;
    details = err.details;
  } else if (err instanceof Error && isDatabaseDown(err)) {
    code = 'DATABASE_UNAVAILABLE';
  } else if (err && typeof err === 'object') {
    code = codeForHttpError(err as { status?: number; type?: string }) ?? 'INTERNAL_ERROR';
  }
  const body: ErrorBody = { error: { code, message: message ?? ERRORS[code].message } };
  if (details?.length) body.error.details = details;
  if (requestId) body.error.requestId = requestId;
  return { status: ERRORS[code].status, body };
}

/** The headers an error asks for (Retry-After), for every error renderer. */
export function errorHeaders(err: unknown): Record<string, string> {
  return err instanceof AppError && err.headers ? err.headers : {};
}
