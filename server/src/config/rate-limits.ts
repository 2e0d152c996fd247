// The rate limits (docs/reliability.md, "R12 — rate limits"): the one table. Each limit names the
// routes it guards (as in the route tables, `{id}` for a path parameter) and
// its counters; a request over any counter answers 429 RATE_LIMITED with
// Retry-After. Every other write (POST, PUT, PATCH, DELETE) counts against
// OTHER_WRITES. RATE_LIMIT_FACTOR multiplies every `max` (config/env.ts).
// The mechanism is server/src/common/rate-limit/; README "Rate limits" lists these.

/** Whose counter: the client address, the signed-in user, the login code (or demo openid), the hotline API key. */
export type RateLimitScope = 'ip' | 'user' | 'code' | 'apiKey';

export interface RateLimitRule {
  per: RateLimitScope;
  /** Requests allowed in one window. */
  max: number;
  windowS: number;
}

export interface RateLimit {
  /** 'METHOD /path' as in the route tables. */
  routes: readonly string[];
  rules: readonly RateLimitRule[];
  /** Why these numbers, for the README and the next person to change them. */
  why: string;
}

const MINUTE = 60;

export const RATE_LIMITS = {
  login: {
    routes: ['POST /api/auth/wechat', 'POST /api/auth/dev'],
    rules: [
      { per: 'ip', max: 20, windowS: MINUTE },
      { per: 'code', max: 3, windowS: 5 * MINUTE },
    ],
    why: "WeChat allows the whole app about 100 jscode2session calls a minute: one client may use a fifth of it; a wx.login code is single-use, so a repeated one is an attack or a bug",
  },
  caseCreate: {
    routes: ['POST /api/cases', 'POST /api/staff/patrols'],
    rules: [
      { per: 'user', max: 5, windowS: MINUTE },
      { per: 'user', max: 30, windowS: 60 * MINUTE },
      { per: 'ip', max: 60, windowS: MINUTE },
    ],
    why: 'a resident reports a few problems at a time; each case reaches a station queue and the content check',
  },
  upload: {
    routes: ['POST /api/media'],
    rules: [
      { per: 'user', max: 30, windowS: MINUTE },
      { per: 'ip', max: 120, windowS: MINUTE },
    ],
    why: 'a case or patrol takes at most 9 photos; each upload costs a re-encode',
  },
  booking: {
    routes: ['POST /api/bookings', 'POST /api/bookings/{id}/cancel'],
    rules: [
      { per: 'user', max: 10, windowS: MINUTE },
      { per: 'ip', max: 120, windowS: MINUTE },
    ],
    why: 'one booking per session per resident; more is retrying or scripting',
  },
  reply: {
    routes: ['POST /api/staff/cases/{id}/replies', 'POST /api/staff/cases/{id}/notes', 'POST /api/cases/{id}/rating'],
    rules: [
      { per: 'user', max: 30, windowS: MINUTE },
      { per: 'ip', max: 300, windowS: MINUTE },
    ],
    why: 'every public reply queues a WeChat message to the reporter',
  },
  hotline: {
    routes: ['POST /api/hotline/cases', 'POST /open311/v2/requests.{format}'],
    rules: [
      { per: 'apiKey', max: 300, windowS: MINUTE },
      { per: 'ip', max: 300, windowS: MINUTE },
    ],
    why: 'machine intake (12345, Open311 clients): a backlog is delivered quickly, but never faster than the stations can take it',
  },
} as const satisfies Record<string, RateLimit>;

/** Every write no limit above names. */
export const OTHER_WRITES: RateLimit = {
  routes: [],
  rules: [
    { per: 'user', max: 60, windowS: MINUTE },
    { per: 'ip', max: 600, windowS: MINUTE },
  ],
  why: 'staff and secretaries edit in bursts, but not faster than a person clicks',
};

export type RateLimitName = keyof typeof RATE_LIMITS | 'otherWrites';
