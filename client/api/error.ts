import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode } from '@citycare/shared';

/** Failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE';

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  TIMEOUT: '网络请求超时，请稍后重试',
  BAD_RESPONSE: '服务器返回了无法识别的内容，请稍后再试',
};

/** Every failed API call rejects with one of these; `message` is ready to show a resident. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    readonly details?: ErrorBody['error']['details'],
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  static client(code: ClientErrorCode): ApiError {
    return new ApiError(code, CLIENT_MESSAGES[code], 0);
  }

  /** Maps an HTTP error response; trusts the body's code and message only when well-formed. */
  static fromResponse(status: number, body: unknown): ApiError {
    const error = (body as Partial<ErrorBody> | null)?.error;
    if (error && isErrorCode(error.code)) {
      return new ApiError(error.code, error.message || ERRORS[error.code].message, status, error.details);
    }
    const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED';
    return new ApiError(code, ERRORS[code].message, status);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The text to show for any thrown value. */
export function messageOf(error: unknown): string {
  return isApiError(error) ? error.message : CLIENT_MESSAGES.NETWORK_ERROR;
}
