// Every error code the API can return, with its HTTP status and a message a
// resident can read. The server's one error filter and the client's request
// layer both read this table; docs/errors.md explains causes and fixes.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求内容不正确，请检查后重试' },
  UNKNOWN_FIELD: { status: 400, message: '请求包含不允许的字段' },
  INVALID_COORDINATES: { status: 400, message: '位置坐标缺失或超出范围' },
  INVALID_LIMIT: { status: 400, message: '数量参数必须是 1 到 50 之间的整数' },
  INVALID_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  NOT_FOUND: { status: 404, message: '请求的内容不存在' },
  STATION_NOT_FOUND: { status: 404, message: '没有找到这个城管工作站' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  DATABASE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器开小差了，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Which fields were wrong, for validation errors. */
    details?: Array<{ field: string; code: ErrorCode; message: string }>;
    requestId?: string;
  };
}
