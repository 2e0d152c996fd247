// WechatClient against the local stand-in: the real HTTP calls, codes,
// tokens and errcodes, with nothing mocked.
import { close, createLightApp } from '@midwayjs/mock';
import { startWechatStandin, type WechatStandin } from './standin';
import { WechatClient, wechatConfigFromEnv, type WechatConfig } from './wechat.client';
import { WechatApiError } from './wechat-http';

let standin: WechatStandin;

beforeAll(async () => {
  standin = await startWechatStandin();
});

afterAll(async () => {
  await standin.stop();
});

beforeEach(() => {
  standin.control.reset();
});

function clientFor(overrides: Partial<WechatConfig> = {}): WechatClient {
  return new WechatClient({ apiBase: standin.url, appid: standin.appid, secret: standin.secret, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<WechatApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WechatApiError);
  return err as WechatApiError;
}

const message = { toOpenid: 'o-resident', templateId: 'tmpl-case-status', page: 'pages/case/index?id=1', data: { thing1: { value: '已受理' } } };

describe('login (jscode2session)', () => {
  test('when a wx.login code is exchanged, then the session has its openid and a session key', async () => {
    const code = standin.control.issueLoginCode('o-alice');
    const session = await clientFor().codeToSession(code);
    expect(session.openid).toBe('o-alice');
    expect(Buffer.from(session.sessionKey, 'base64')).toHaveLength(16);
  });

  test('when a code is used a second time, then WECHAT_CODE_USED', async () => {
    const client = clientFor();
    const code = standin.control.issueLoginCode();
    await client.codeToSession(code);
    const err = await failure(client.codeToSession(code));
    expect(err).toMatchObject({ code: 'WECHAT_CODE_USED', errcode: 40163, status: 401 });
  });

  test('when the code was never issued, then WECHAT_CODE_INVALID', async () => {
    const err = await failure(clientFor().codeToSession('not-a-real-code'));
    expect(err).toMatchObject({ code: 'WECHAT_CODE_INVALID', errcode: 40029 });
  });

  test('when a dev:<openid> code is used, then it logs in as that openid every time', async () => {
    const client = clientFor();
    expect((await client.codeToSession('dev:o-demo-officer')).openid).toBe('o-demo-officer');
    expect((await client.codeToSession('dev:o-demo-officer')).openid).toBe('o-demo-officer');
  });

  test('when logins go over the per-minute quota, then RATE_LIMITED', async () => {
    standin.control.setLoginRateLimit(2);
    const client = clientFor();
    await client.codeToSession(standin.control.issueLoginCode());
    await client.codeToSession(standin.control.issueLoginCode());
    const err = await failure(client.codeToSession(standin.control.issueLoginCode()));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', errcode: 45011, status: 429 });
  });

  test('when the secret is wrong, then WECHAT_UNAVAILABLE and the error holds no secret', async () => {
    const err = await failure(clientFor({ secret: 'leaked-secret' }).codeToSession(standin.control.issueLoginCode()));
    expect(err).toMatchObject({ code: 'WECHAT_UNAVAILABLE', errcode: 40125 });
    expect(JSON.stringify({ ...err, message: err.message, stack: err.stack })).not.toContain('leaked-secret');
  });
});

describe('phone number (getuserphonenumber)', () => {
  test('when a phone code is exchanged, then the number comes back', async () => {
    const code = standin.control.issuePhoneCode('13800001234');
    const phone = await clientFor().phoneNumber(code);
    expect(phone).toEqual({ phoneNumber: '13800001234', purePhoneNumber: '13800001234', countryCode: '86' });
  });

  test('when a phone code is used twice, then WECHAT_CODE_INVALID with a message about the phone', async () => {
    const client = clientFor();
    const code = standin.control.issuePhoneCode('13800001234');
    await client.phoneNumber(code);
    const err = await failure(client.phoneNumber(code));
    expect(err).toMatchObject({ code: 'WECHAT_CODE_INVALID', errcode: 40029, message: '手机号授权已失效，请重新授权' });
  });
});

describe('content check (msg_sec_check v2)', () => {
  test('when the text is ordinary, then it passes', async () => {
    expect(await clientFor().checkText('小区门口的路灯坏了三天', 'o-alice', 2)).toEqual({ suggest: 'pass' });
  });

  test('when the text holds a risky word, then risky with the label and its Chinese reason', async () => {
    standin.control.setRiskyWords(['坏词']);
    const verdict = await clientFor().checkText('这个坏词不该出现', 'o-alice', 2);
    expect(verdict).toEqual({ suggest: 'risky', label: 20003, reason: '辱骂' });
  });

  test('when the text holds a word set for review, then review with its reason', async () => {
    standin.control.setReviewWords(['推广'], 10001);
    expect(await clientFor().checkText('欢迎推广', 'o-alice', 3)).toEqual({ suggest: 'review', label: 10001, reason: '广告' });
  });

  test('when the default test words are used, then they are risky', async () => {
    expect(await clientFor().checkText('你去死吧', 'o-alice', 2)).toMatchObject({ suggest: 'risky' });
  });
});

describe('subscribe messages (subscribeMessage.send)', () => {
  test('when a message is sent, then the stand-in received it as WeChat would', async () => {
    await clientFor().sendSubscribeMessage(message);
    expect(standin.sent).toEqual([
      expect.objectContaining({ touser: 'o-resident', template_id: 'tmpl-case-status', page: message.page, data: message.data }),
    ]);
  });

  test('when WeChat refuses a send, then it throws with the errcode and records nothing', async () => {
    standin.control.failNextSends(1, 43101);
    const client = clientFor();
    const err = await failure(client.sendSubscribeMessage(message));
    expect(err).toMatchObject({ code: 'WECHAT_UNAVAILABLE', api: 'subscribe_send', errcode: 43101 });
    expect(err.message).toContain('43101');
    expect(standin.sent).toHaveLength(0);
    await client.sendSubscribeMessage(message);
    expect(standin.sent).toHaveLength(1);
  });
});

describe('access token', () => {
  test('when several calls are made, then one token is fetched and reused', async () => {
    const client = clientFor();
    await client.checkText('一', 'o-alice', 2);
    await client.sendSubscribeMessage(message);
    await client.phoneNumber(standin.control.issuePhoneCode('13800001234'));
    expect(standin.calls.token).toBe(1);
  });

  test('when calls start together without a token, then they share one token fetch', async () => {
    const client = clientFor();
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.checkText(`第${i}条`, 'o-alice', 2)));
    expect(standin.calls.token).toBe(1);
  });

  test('when the token has expired at WeChat, then it is refreshed once and the call retried', async () => {
    const client = clientFor();
    await client.checkText('一', 'o-alice', 2);
    standin.control.expireTokens();
    expect(await client.checkText('二', 'o-alice', 2)).toEqual({ suggest: 'pass' });
    expect(standin.calls.token).toBe(2);
    expect(standin.calls.msg_sec_check).toBe(3); // first call, refused call, retry
  });

  test('when the token endpoint refuses the credentials, then WECHAT_UNAVAILABLE', async () => {
    const err = await failure(clientFor({ appid: 'wx-unknown' }).checkText('一', 'o-alice', 2));
    expect(err).toMatchObject({ code: 'WECHAT_UNAVAILABLE', api: 'stable_token', errcode: 40013 });
  });
});

describe('WeChat out of reach', () => {
  test('when nothing listens at the API base, then WECHAT_UNAVAILABLE at once', async () => {
    const gone = await startWechatStandin();
    await gone.stop();
    const started = Date.now();
    const err = await failure(clientFor({ apiBase: gone.url }).codeToSession('dev:o-alice'));
    expect(err).toMatchObject({ code: 'WECHAT_UNAVAILABLE', status: 502, errcode: undefined, errmsg: 'network error (ECONNREFUSED)' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('when WeChat does not answer in time, then WECHAT_UNAVAILABLE after the timeout', async () => {
    standin.control.delayResponses(2000);
    const started = Date.now();
    const err = await failure(clientFor({ timeoutMs: 200 }).codeToSession('dev:o-alice'));
    expect(err).toMatchObject({ code: 'WECHAT_UNAVAILABLE', errmsg: 'no reply within 200 ms' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('configuration', () => {
  test('when built by the Midway container, then it takes the wechat config block over the environment', async () => {
    const app = await createLightApp({
      preloadModules: [WechatClient],
      globalConfig: { wechat: { apiBase: standin.url, appid: standin.appid, secret: standin.secret } },
    });
    try {
      const client = await app.getApplicationContext().getAsync(WechatClient);
      expect((await client.codeToSession('dev:o-alice')).openid).toBe('o-alice');
    } finally {
      await close(app);
    }
  });

  test('when read from the environment, then unset variables take the documented defaults', () => {
    expect(wechatConfigFromEnv({ WECHAT_APPID: 'wx123' })).toEqual({ apiBase: 'https://api.weixin.qq.com', appid: 'wx123', secret: '' });
  });
});
