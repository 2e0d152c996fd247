import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode } from '@citycare/shared';
import { errMsgOf } from '../services/wechat-failure';

/** Failures that never reached the API's error handler, or that the client decides itself. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE' | 'SIGN_IN_REQUIRED';

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  TIMEOUT: '网络请求超时，请稍后重试',
  BAD_RESPONSE: '服务器返回了无法识别的内容，请稍后再试',
  SIGN_IN_REQUIRED: '请先登录',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 503) return 'DATABASE_UNAVAILABLE';
  return status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED';
}

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

  /** The session is missing or no longer valid: sign in (again). */
  get needsSignIn(): boolean {
    return this.status === 401 || this.code === 'SIGN_IN_REQUIRED';
  }

  /** Worth trying again as it is: the request never got an answer, or the server was away. */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }

  static client(code: ClientErrorCode): ApiError {
    return new ApiError(code, CLIENT_MESSAGES[code], 0);
  }

  /**
   * Maps an HTTP error response. The server's Chinese message is shown when there is one;
   * a code this build does not know yet (a newer server) falls back to one by status.
   */
  static fromResponse(status: number, body: unknown): ApiError {
    const error = (body as Partial<ErrorBody> | null)?.error;
    const code: ErrorCode = error && isErrorCode(error.code) ? error.code : codeForStatus(status);
    const message = typeof error?.message === 'string' && error.message ? error.message : ERRORS[code].message;
    return new ApiError(code, message, status, error?.details);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The text to show for any thrown value. */
export function messageOf(error: unknown): string {
  return isApiError(error) ? error.message : CLIENT_MESSAGES.NETWORK_ERROR;
}

/**
 * Like messageOf, but also shows the message of an Error the client threw for the resident
 * (written in Chinese: 照片压缩失败, 文件保存失败…); any other error reads as a network failure.
 */
export function failureMessage(error: unknown): string {
  if (!isApiError(error) && error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message)) return error.message;
  return messageOf(error);
}

/** Taro reports timeouts and offline alike through `errMsg`; tell them apart for the resident. */
export function transportError(failure: unknown): ApiError {
  const errMsg = errMsgOf(failure);
  return ApiError.client(/timeout|超时/i.test(errMsg) ? 'TIMEOUT' : 'NETWORK_ERROR');
}
