// Every error code the API can return, with its HTTP status and a message a
// resident can read. The server's one error filter and the client's request
// layer both read this table; docs/errors.md explains causes and fixes.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求内容不正确，请检查后重试' },
  UNKNOWN_FIELD: { status: 400, message: '请求包含不允许的字段' },
  INVALID_COORDINATES: { status: 400, message: '位置坐标缺失或超出范围' },
  INVALID_LIMIT: { status: 400, message: '数量参数必须是 1 到 50 之间的整数' },
  INVALID_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效，请重新登录' },
  WECHAT_CODE_USED: { status: 401, message: '微信登录凭证已使用，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  DEV_LOGIN_DISABLED: { status: 403, message: '演示登录未开启' },
  NOT_FOUND: { status: 404, message: '请求的内容不存在' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  CASE_NOT_FOUND: { status: 404, message: '没有找到这个案件' },
  MEDIA_NOT_FOUND: { status: 404, message: '图片不存在' },
  MEDIA_URL_INVALID: { status: 403, message: '图片链接无效' },
  MEDIA_URL_EXPIRED: { status: 403, message: '图片链接已过期，请刷新页面' },
  REPORTER_PHONE_UNAVAILABLE: { status: 404, message: '报事人为匿名或未绑定手机号，无法拨打' },
  CASE_NOT_OPEN: { status: 409, message: '案件已办结或已关闭，不能再补充或关注' },
  COMMUNITY_NOT_FOUND: { status: 404, message: '没有这个社区' },
  ILLEGAL_TRANSITION: { status: 409, message: '案件当前状态不允许此操作' },
  CONCURRENT_UPDATE: { status: 409, message: '案件刚刚被他人更新，请刷新后重试' },
  ALREADY_RATED: { status: 409, message: '这个案件已经评价过了' },
  NOT_RATABLE: { status: 409, message: '案件办结后才能评价' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一个请求标识不能用于不同的内容' },
  CONTENT_RISKY: { status: 422, message: '内容含有不适宜发布的信息，请修改后再提交' },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, message: '只支持 JPEG、PNG、WebP 格式的图片' },
  MEDIA_TOO_LARGE: { status: 413, message: '图片不能超过 10 MB' },
  MEDIA_TOO_MANY_PIXELS: { status: 422, message: '图片尺寸过大' },
  MEDIA_UNREADABLE: { status: 422, message: '图片已损坏或无法识别' },
  TOO_MANY_PHOTOS: { status: 422, message: '每个案件最多 9 张图片' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  // Open days and meetings (开放日、座谈会)
  EVENT_NOT_FOUND: { status: 404, message: '活动不存在' },
  EVENT_SESSION_NOT_FOUND: { status: 404, message: '活动场次不存在' },
  BOOKING_NOT_FOUND: { status: 404, message: '预约不存在' },
  ALREADY_BOOKED: { status: 409, message: '您已预约过这个场次' },
  BOOKING_NOT_OPEN: { status: 409, message: '该场次尚未开放预约或预约已截止' },
  SESSION_PAST: { status: 409, message: '该场次已结束' },
  SESSION_CANCELLED: { status: 409, message: '该场次已取消' },
  CANCEL_CUTOFF_PASSED: { status: 409, message: '已过取消截止时间，无法取消' },
  ALREADY_CHECKED_IN: { status: 409, message: '该预约已签到' },
  BOOKING_WAITLISTED: { status: 409, message: '该预约仍在候补中，尚未获得名额' },
  CAPACITY_BELOW_BOOKED: { status: 409, message: '已预约的人数多于新的名额，无法缩减' },
  CAPACITY_BELOW_PARTY: { status: 409, message: '候补中有预约的人数多于新的名额，无法缩减' },
  PARTY_TOO_LARGE: { status: 409, message: '预约人数超过了该场次的名额' },
  // Notices, patrols, stall zones, figures, hotline
  NOTICE_NOT_FOUND: { status: 404, message: '公告不存在' },
  PATROL_NOT_FOUND: { status: 404, message: '巡查记录不存在' },
  ZONE_NOT_FOUND: { status: 404, message: '临时摊位区不存在' },
  ZONE_NAME_TAKEN: { status: 409, message: '该工作站已有同名的临时摊位区' },
  INVALID_DATE_RANGE: { status: 400, message: '日期范围不正确' },
  API_KEY_INVALID: { status: 401, message: 'API 密钥无效' },
  HOTLINE_CASE_NOT_FOUND: { status: 404, message: '没有找到这个热线工单' },
  HOTLINE_ID_CONFLICT: { status: 409, message: '该热线工单编号已提交过不同的内容' },
  WECHAT_UNAVAILABLE: { status: 502, message: '微信服务暂时不可用，请稍后再试' },
  STATION_NOT_FOUND: { status: 404, message: '没有找到这个城管工作站' },
  STATION_NAME_TAKEN: { status: 409, message: '已有同名的城管工作站' },
  CATEGORY_NOT_FOUND: { status: 404, message: '没有找到这个问题类型' },
  CATEGORY_CODE_TAKEN: { status: 409, message: '问题类型编码已被使用' },
  CATEGORY_NAME_TAKEN: { status: 409, message: '已有同名的问题类型' },
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
