import { randomBytes } from 'node:crypto';

/** Codes from wx.login and the phone button live 5 minutes and work once, as in WeChat. */
export const CODE_LIFETIME_MS = 5 * 60_000;
export const TOKEN_LIFETIME_S = 7200;
/** WeChat keeps a replaced token working this long, and stable_token renews this early. */
export const TOKEN_OVERLAP_MS = 5 * 60_000;
export const DEFAULT_LOGIN_RATE_LIMIT = 100;
/** Test words that msg_sec_check calls abusive (辱骂) until setRiskyWords. */
export const DEFAULT_RISKY_WORDS = ['傻逼', '去死吧'];
/** A `wx.login` code of this form logs in as <openid> any number of times. */
export const DEV_CODE_PREFIX = 'dev:';

interface IssuedCode<T> {
  value: T;
  issuedAt: number;
  used: boolean;
}

interface TokenRecord {
  expiresAt: number;
  revoked: boolean;
  stable: boolean;
}

export type CodeOutcome<T> = { ok: true; value: T } | { ok: false; errcode: 40029 | 40163 };
export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

export interface PhoneRecord {
  purePhoneNumber: string;
  countryCode: string;
}

export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the stand-in remembers between requests; the handlers apply WeChat's rules to it. */
export class StandinState {
  loginRateLimit = DEFAULT_LOGIN_RATE_LIMIT;
  riskyWords: { words: string[]; label: number } = { words: [...DEFAULT_RISKY_WORDS], label: 20003 };
  reviewWords: { words: string[]; label: number } = { words: [], label: 21000 };
  sendFailures = { remaining: 0, errcode: -1 };
  delayMs = 0;

  private loginCodes = new Map<string, IssuedCode<string>>();
  private phoneCodes = new Map<string, IssuedCode<PhoneRecord>>();
  private tokens = new Map<string, TokenRecord>();
  private loginCalls = new Map<string, number[]>();

  /** Everything back to a fresh stand-in's values (the object itself stays, tests hold it). */
  reset(): void {
    Object.assign(this, new StandinState());
  }

  issueLoginCode(openid: string): string {
    const code = randomId(24);
    this.loginCodes.set(code, { value: openid, issuedAt: Date.now(), used: false });
    return code;
  }

  redeemLoginCode(code: string): CodeOutcome<string> {
    if (code.startsWith(DEV_CODE_PREFIX)) {
      const openid = code.slice(DEV_CODE_PREFIX.length);
      return /^[\w-]{1,64}$/.test(openid) ? { ok: true, value: openid } : { ok: false, errcode: 40029 };
    }
    return redeem(this.loginCodes, code, 40163);
  }

  issuePhoneCode(phone: PhoneRecord): string {
    const code = randomId(24);
    this.phoneCodes.set(code, { value: phone, issuedAt: Date.now(), used: false });
    return code;
  }

  /** A used phone code is as invalid as an unknown one (40029): getPhoneNumber documents no other code. */
  redeemPhoneCode(code: string): CodeOutcome<PhoneRecord> {
    return redeem(this.phoneCodes, code, 40029);
  }

  /** Counts a jscode2session call; false when the appid went over its per-minute quota. */
  countLoginCall(appid: string): boolean {
    const now = Date.now();
    const recent = (this.loginCalls.get(appid) ?? []).filter((at) => now - at < 60_000);
    recent.push(now);
    this.loginCalls.set(appid, recent);
    return recent.length <= this.loginRateLimit;
  }

  /** /cgi-bin/token: always a new token; the previous ones keep working for 5 more minutes. */
  issueToken(): string {
    const now = Date.now();
    for (const record of this.tokens.values()) {
      if (!record.stable) record.expiresAt = Math.min(record.expiresAt, now + TOKEN_OVERLAP_MS);
    }
    return this.addToken(false);
  }

  /** /cgi-bin/stable_token: the current one while it has over 5 minutes left; force_refresh revokes it. */
  stableToken(forceRefresh: boolean): { token: string; expiresInS: number } {
    const now = Date.now();
    const stable = [...this.tokens].filter(([, r]) => r.stable && !r.revoked && r.expiresAt - now > TOKEN_OVERLAP_MS);
    if (forceRefresh) for (const [, record] of stable) record.revoked = true;
    const current = forceRefresh ? undefined : stable.at(-1);
    if (current) return { token: current[0], expiresInS: Math.floor((current[1].expiresAt - now) / 1000) };
    return { token: this.addToken(true), expiresInS: TOKEN_LIFETIME_S };
  }

  checkToken(token: string | null): TokenCheck {
    if (!token) return 'missing';
    const record = this.tokens.get(token);
    if (!record || record.revoked) return 'invalid';
    return Date.now() < record.expiresAt ? 'ok' : 'expired';
  }

  /** Every token issued so far now answers 42001 access_token expired. */
  expireTokens(): void {
    const now = Date.now();
    for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  private addToken(stable: boolean): string {
    const token = randomId(48);
    this.tokens.set(token, { expiresAt: Date.now() + TOKEN_LIFETIME_S * 1000, revoked: false, stable });
    return token;
  }
}

function redeem<T>(codes: Map<string, IssuedCode<T>>, code: string, usedErrcode: 40029 | 40163): CodeOutcome<T> {
  const issued = codes.get(code);
  if (!issued || Date.now() - issued.issuedAt > CODE_LIFETIME_MS) return { ok: false, errcode: 40029 };
  if (issued.used) return { ok: false, errcode: usedErrcode };
  issued.used = true;
  return { ok: true, value: issued.value };
}
