import { Config, Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { env } from '../../config/env';
import { AccessTokenCache, type IssuedToken } from './access-token';
import { secCheckReason } from './sec-check-labels';
import { assertOk, TOKEN_REJECTED_ERRCODES, unavailable, WechatHttp, type WechatApi, type WechatReply } from './wechat-http';
import type { ContentVerdict, SubscribeMessage, WechatPhone, WechatPort, WechatSession } from './wechat.port';

export interface WechatConfig {
  /** https://api.weixin.qq.com, or the stand-in's URL. */
  apiBase: string;
  appid: string;
  secret: string;
  /** Per-request limit; WeChat normally answers well within it. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

export function wechatConfigFromEnv(source: NodeJS.ProcessEnv = process.env): WechatConfig {
  return { apiBase: env('WECHAT_API_BASE', source), appid: env('WECHAT_APPID', source), secret: env('WECHAT_SECRET', source) };
}

interface SessionReply {
  openid?: string;
  session_key?: string;
  unionid?: string;
}
interface TokenReply {
  access_token?: string;
  expires_in?: number;
}
interface PhoneReply {
  phone_info?: { phoneNumber: string; purePhoneNumber: string; countryCode: string | number };
}
interface SecCheckReply {
  result?: { suggest: 'pass' | 'review' | 'risky'; label: number };
}

/**
 * WechatPort over HTTP (docs/design.md, "Accounts and security"). In the app, Midway builds it from the
 * `wechat` config block if there is one, else from WECHAT_* in the
 * environment; tests pass a config to the constructor.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WechatClient implements WechatPort {
  @Config('wechat')
  configured?: Partial<WechatConfig>;

  private config!: WechatConfig;
  private http!: WechatHttp;
  private tokens!: AccessTokenCache;

  constructor(config?: WechatConfig) {
    if (config) this.configure(config);
  }

  @Init()
  init(): void {
    if (!this.http) this.configure({ ...wechatConfigFromEnv(), ...this.configured });
  }

  private configure(config: WechatConfig): void {
    this.config = config;
    this.http = new WechatHttp(config.apiBase, config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.tokens = new AccessTokenCache(() => this.fetchAccessToken());
  }

  /** 登录凭证校验: the wx.login code for the user's openid and session_key. */
  async codeToSession(code: string): Promise<WechatSession> {
    const { appid, secret } = this.config;
    const query = { appid, secret, js_code: code, grant_type: 'authorization_code' };
    const reply = await this.http.get<SessionReply>('jscode2session', '/sns/jscode2session', query);
    assertOk('jscode2session', reply);
    if (!reply.openid || !reply.session_key) throw unavailable('jscode2session', 'reply without openid or session_key');
    const session: WechatSession = { openid: reply.openid, sessionKey: reply.session_key };
    if (reply.unionid) session.unionid = reply.unionid;
    return session;
  }

  async phoneNumber(code: string): Promise<WechatPhone> {
    const api = 'getuserphonenumber';
    const reply = await this.callWithToken<PhoneReply>(api, '/wxa/business/getuserphonenumber', { code });
    assertOk(api, reply, () => '手机号授权已失效，请重新授权');
    const info = reply.phone_info;
    if (!info?.purePhoneNumber) throw unavailable(api, 'reply without phone_info');
    return { phoneNumber: info.phoneNumber, purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode) };
  }

  /** 文本内容安全识别 v2; scene 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  async checkText(content: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<ContentVerdict> {
    const api = 'msg_sec_check';
    const reply = await this.callWithToken<SecCheckReply>(api, '/wxa/msg_sec_check', { content, version: 2, scene, openid });
    assertOk(api, reply);
    const result = reply.result;
    if (!result) throw unavailable(api, 'reply without result');
    if (result.suggest === 'pass') return { suggest: 'pass' };
    return { suggest: result.suggest, label: result.label, reason: secCheckReason(result.label) };
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const api = 'subscribe_send';
    const body = { touser: message.toOpenid, template_id: message.templateId, page: message.page, data: message.data };
    const reply = await this.callWithToken(api, '/cgi-bin/message/subscribe/send', body);
    // The errcode (e.g. 43101 the user has not subscribed) tells the outbox whether to retry.
    assertOk(api, reply, (errcode) => `微信订阅消息发送失败（错误码 ${errcode}）`);
  }

  /** POST with the cached access_token; when WeChat refuses the token, refresh it once and retry. */
  private async callWithToken<T>(api: WechatApi, path: string, body: unknown): Promise<T & WechatReply> {
    const token = await this.tokens.get();
    const reply = await this.http.post<T>(api, path, { access_token: token }, body);
    if (!TOKEN_REJECTED_ERRCODES.has(reply.errcode ?? 0)) return reply;
    this.tokens.reject(token);
    const fresh = await this.tokens.get();
    return this.http.post<T>(api, path, { access_token: fresh }, body);
  }

  /**
   * 稳定版接口调用凭据: unlike /cgi-bin/token, asking again does not revoke
   * the token other server instances hold.
   */
  private async fetchAccessToken(): Promise<IssuedToken> {
    const { appid, secret } = this.config;
    const body = { grant_type: 'client_credential', appid, secret };
    const reply = await this.http.post<TokenReply>('stable_token', '/cgi-bin/stable_token', {}, body);
    assertOk('stable_token', reply);
    if (!reply.access_token || !reply.expires_in) throw unavailable('stable_token', 'reply without access_token');
    return { accessToken: reply.access_token, expiresInS: reply.expires_in };
  }
}
