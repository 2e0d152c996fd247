// What the app needs from WeChat. WechatClient (wechat.client.ts) implements
// it over HTTP against WECHAT_API_BASE: the real api.weixin.qq.com, or the
// local stand-in (standin/) in tests and in `npm start` without an AppID.

export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Server-side only: never returned to a client or logged. */
  sessionKey: string;
}

export interface WechatPhone {
  /** With country code prefix when not +86, e.g. "13800001234". */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export type ContentVerdict = { suggest: 'pass' } | { suggest: 'review' | 'risky'; label: number; reason: string };

export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface WechatPort {
  /** jscode2session. Throws AppError WECHAT_CODE_INVALID (40029), WECHAT_CODE_USED (40163), RATE_LIMITED (45011), WECHAT_UNAVAILABLE. */
  codeToSession(code: string): Promise<WechatSession>;
  /** getuserphonenumber with the phone code from the button. */
  phoneNumber(code: string): Promise<WechatPhone>;
  /** msg_sec_check v2 for user text. */
  checkText(content: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<ContentVerdict>;
  /** subscribeMessage.send. Throws on failure (the outbox worker retries). */
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}
