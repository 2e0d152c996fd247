import type { ErrorCode } from '@citycare/shared';
import { AppError } from '../../common/app-error';

/** Every WeChat reply carries these; errcode is absent or 0 on success. */
export interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/** Which WeChat call failed: for logs and for the outbox's retry decision. */
export type WechatApi = 'jscode2session' | 'stable_token' | 'getuserphonenumber' | 'msg_sec_check' | 'subscribe_send';

/** WeChat errcodes with a meaning of their own; any other one is WECHAT_UNAVAILABLE. */
const ERROR_FOR_ERRCODE: Record<number, ErrorCode> = {
  40029: 'WECHAT_CODE_INVALID', // invalid code (wx.login or phone code)
  40163: 'WECHAT_CODE_USED', // code been used
  45011: 'RATE_LIMITED', // api minute-quota reach limit
};

/** access_token invalid / not latest, and access_token expired: refresh once and retry. */
export const TOKEN_REJECTED_ERRCODES = new Set([40001, 42001]);

/**
 * A failed WeChat call. `errcode`/`errmsg` are WeChat's own (errmsg carries
 * its rid for support); for network failures errcode is undefined and errmsg
 * says what happened. Never holds the secret, a token or a session_key.
 */
export class WechatApiError extends AppError {
  constructor(
    code: ErrorCode,
    readonly api: WechatApi,
    readonly errcode: number | undefined,
    readonly errmsg: string,
    message?: string,
  ) {
    super(code, message);
    this.name = 'WechatApiError';
    // 45011 is WeChat's per-minute quota: the next minute may pass.
    if (code === 'RATE_LIMITED') this.headers = { 'Retry-After': '60' };
  }
}

/** Throws the matching WechatApiError when WeChat answered with a non-zero errcode. */
export function assertOk(api: WechatApi, reply: WechatReply, message?: (errcode: number) => string): void {
  const errcode = reply.errcode ?? 0;
  if (errcode === 0) return;
  const code = ERROR_FOR_ERRCODE[errcode] ?? 'WECHAT_UNAVAILABLE';
  throw new WechatApiError(code, api, errcode, reply.errmsg ?? '', message?.(errcode));
}

export function unavailable(api: WechatApi, reason: string): WechatApiError {
  return new WechatApiError('WECHAT_UNAVAILABLE', api, undefined, reason);
}

/**
 * JSON over HTTP to the WeChat API base with a timeout. Network failures,
 * timeouts, HTTP errors and unreadable bodies all become WECHAT_UNAVAILABLE;
 * the URL is never put in an error since its query holds the secret or token.
 */
export class WechatHttp {
  constructor(
    private readonly apiBase: string,
    private readonly timeoutMs: number,
  ) {}

  get<T>(api: WechatApi, path: string, query: Record<string, string>): Promise<T & WechatReply> {
    return this.request<T>(api, this.url(path, query), { method: 'GET' });
  }

  post<T>(api: WechatApi, path: string, query: Record<string, string>, body: unknown): Promise<T & WechatReply> {
    return this.request<T>(api, this.url(path, query), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
  }

  private url(path: string, query: Record<string, string>): URL {
    const url = new URL(this.apiBase.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  }

  private async request<T>(api: WechatApi, url: URL, init: RequestInit): Promise<T & WechatReply> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw unavailable(api, describeFetchFailure(err, this.timeoutMs));
    }
    if (!response.ok) throw unavailable(api, `HTTP ${response.status}`);
    try {
      const body: unknown = await response.json();
      if (!body || typeof body !== 'object') throw new Error('not an object');
      return body as T & WechatReply;
    } catch {
      throw unavailable(api, 'reply is not a JSON object');
    }
  }
}

function describeFetchFailure(err: unknown, timeoutMs: number): string {
  // Duck-typed: AbortSignal.timeout rejects with a DOMException, which is not
  // always an Error of this realm (jest runs tests in a vm context).
  const { name, message, cause } = (err ?? {}) as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no reply within ${timeoutMs} ms`;
  // undici puts the socket error (ECONNREFUSED, ENOTFOUND …) in `cause`; neither holds the URL.
  return `network error (${cause?.code ?? message ?? String(err)})`;
}
