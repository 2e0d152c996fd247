import { randomBytes } from 'node:crypto';
import { randomId, TOKEN_LIFETIME_S, type StandinState } from './standin-state';

// The endpoints' documented contract: same paths, parameters, reply fields
// and errcodes as api.weixin.qq.com. Errors are HTTP 200 with an errcode, as there.

export interface StandinRequest {
  path: string;
  method: string;
  query: URLSearchParams;
  /** Parsed JSON body of a POST; undefined when there was none or it was not JSON. */
  body: unknown;
}

export type Reply = Record<string, unknown>;

/** A subscribe message as /cgi-bin/message/subscribe/send received it. */
export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  receivedAt: Date;
}

/** Requests received per endpoint (token counts both token endpoints). */
export interface StandinCalls {
  jscode2session: number;
  token: number;
  getuserphonenumber: number;
  msg_sec_check: number;
  subscribe_send: number;
}

export interface StandinContext {
  state: StandinState;
  appid: string;
  secret: string;
  sent: SentMessage[];
  calls: StandinCalls;
}

interface Route {
  method: 'GET' | 'POST';
  counter: keyof StandinCalls;
  needsToken: boolean;
  handle(req: StandinRequest, ctx: StandinContext): Reply;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

export function fail(errcode: number, detail?: string): Reply {
  const errmsg = [ERRMSG[errcode] ?? 'stand-in error', detail].filter(Boolean).join(' ');
  return { errcode, errmsg: `${errmsg} rid: ${randomId(8)}` };
}

export function route(req: StandinRequest, ctx: StandinContext): { status: number; reply: Reply } {
  const found = ROUTES[req.path];
  if (!found) return { status: 404, reply: fail(-1, `(stand-in has no ${req.path})`) };
  if (req.method !== found.method) return { status: 200, reply: fail(found.method === 'GET' ? 43001 : 43002) };
  ctx.calls[found.counter] += 1;
  if (found.needsToken) {
    const check = ctx.state.checkToken(req.query.get('access_token'));
    if (check !== 'ok') return { status: 200, reply: fail({ missing: 41001, invalid: 40001, expired: 42001 }[check]) };
  }
  if (found.method === 'POST' && !isObject(req.body)) return { status: 200, reply: fail(47001) };
  return { status: 200, reply: found.handle(req, ctx) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function body(req: StandinRequest): Record<string, unknown> {
  return req.body as Record<string, unknown>;
}

function checkCredentials(appid: unknown, secret: unknown, ctx: StandinContext): Reply | undefined {
  if (!appid) return fail(41002);
  if (!secret) return fail(41004);
  if (appid !== ctx.appid) return fail(40013);
  if (secret !== ctx.secret) return fail(40125);
  return undefined;
}

function code2Session(req: StandinRequest, ctx: StandinContext): Reply {
  const q = req.query;
  const refused = checkCredentials(q.get('appid'), q.get('secret'), ctx);
  if (refused) return refused;
  if (q.get('grant_type') !== 'authorization_code') return fail(40002);
  if (!ctx.state.countLoginCall(ctx.appid)) return fail(45011);
  const code = q.get('js_code');
  if (!code) return fail(41008);
  const outcome = ctx.state.redeemLoginCode(code);
  if (!outcome.ok) return fail(outcome.errcode);
  // Real session keys are 16 random bytes in base64.
  return { openid: outcome.value, session_key: randomBytes(16).toString('base64') };
}

function token(req: StandinRequest, ctx: StandinContext): Reply {
  const q = req.query;
  if (q.get('grant_type') !== 'client_credential') return fail(40002);
  const refused = checkCredentials(q.get('appid'), q.get('secret'), ctx);
  if (refused) return refused;
  return { access_token: ctx.state.issueToken(), expires_in: TOKEN_LIFETIME_S };
}

function stableToken(req: StandinRequest, ctx: StandinContext): Reply {
  const b = body(req);
  if (b.grant_type !== 'client_credential') return fail(40002);
  const refused = checkCredentials(b.appid, b.secret, ctx);
  if (refused) return refused;
  const { token: accessToken, expiresInS } = ctx.state.stableToken(b.force_refresh === true);
  return { access_token: accessToken, expires_in: expiresInS };
}

function phoneNumber(req: StandinRequest, ctx: StandinContext): Reply {
  const code = body(req).code;
  if (typeof code !== 'string' || !code) return fail(47001, '(code)');
  const outcome = ctx.state.redeemPhoneCode(code);
  if (!outcome.ok) return fail(outcome.errcode);
  const { purePhoneNumber, countryCode } = outcome.value;
  const phoneNumber = countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`;
  const watermark = { timestamp: Math.floor(Date.now() / 1000), appid: ctx.appid };
  return { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } };
}

function msgSecCheck(req: StandinRequest, ctx: StandinContext): Reply {
  const { content, version, scene, openid } = body(req);
  if (version !== 2) return fail(40097, '(the stand-in implements version 2 only)');
  if (typeof openid !== 'string' || !openid) return fail(40003);
  if (typeof content !== 'string' || content.length > 2500) return fail(40097, '(content)');
  if (![1, 2, 3, 4].includes(scene as number)) return fail(40097, '(scene)');
  const { riskyWords, reviewWords } = ctx.state;
  const risky = riskyWords.words.find((word) => content.includes(word));
  const review = risky ? undefined : reviewWords.words.find((word) => content.includes(word));
  const model = { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 };
  const traceId = randomId(12);
  if (!risky && !review) {
    return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [{ strategy: 'keyword', errcode: 0 }, model], trace_id: traceId };
  }
  const result = risky ? { suggest: 'risky', label: riskyWords.label } : { suggest: 'review', label: reviewWords.label };
  const keyword = { strategy: 'keyword', errcode: 0, ...result, level: 90, keyword: risky ?? review };
  return { errcode: 0, errmsg: 'ok', result, detail: [keyword, model], trace_id: traceId };
}

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];

function subscribeSend(req: StandinRequest, ctx: StandinContext): Reply {
  const b = body(req);
  if (typeof b.touser !== 'string' || !b.touser) return fail(40003);
  if (typeof b.template_id !== 'string' || !b.template_id) return fail(40037);
  if (!isObject(b.data)) return fail(47003, 'data invalid');
  for (const [key, item] of Object.entries(b.data)) {
    if (!isObject(item) || typeof item.value !== 'string') return fail(47003, `data.${key}.value invalid`);
  }
  if (b.page !== undefined && typeof b.page !== 'string') return fail(47001, '(page)');
  if (b.miniprogram_state !== undefined && !MINIPROGRAM_STATES.includes(b.miniprogram_state as string)) return fail(40097, '(miniprogram_state)');
  const failures = ctx.state.sendFailures;
  if (failures.remaining > 0) {
    failures.remaining -= 1;
    return fail(failures.errcode);
  }
  const message: SentMessage = { touser: b.touser, template_id: b.template_id, data: b.data as SentMessage['data'], receivedAt: new Date() };
  if (b.page !== undefined) message.page = b.page;
  if (b.miniprogram_state !== undefined) message.miniprogram_state = b.miniprogram_state as string;
  if (typeof b.lang === 'string') message.lang = b.lang;
  ctx.sent.push(message);
  return { errcode: 0, errmsg: 'ok' };
}

const ROUTES: Record<string, Route> = {
  '/sns/jscode2session': { method: 'GET', counter: 'jscode2session', needsToken: false, handle: code2Session },
  '/cgi-bin/token': { method: 'GET', counter: 'token', needsToken: false, handle: token },
  '/cgi-bin/stable_token': { method: 'POST', counter: 'token', needsToken: false, handle: stableToken },
  '/wxa/business/getuserphonenumber': { method: 'POST', counter: 'getuserphonenumber', needsToken: true, handle: phoneNumber },
  '/wxa/msg_sec_check': { method: 'POST', counter: 'msg_sec_check', needsToken: true, handle: msgSecCheck },
  '/cgi-bin/message/subscribe/send': { method: 'POST', counter: 'subscribe_send', needsToken: true, handle: subscribeSend },
};
