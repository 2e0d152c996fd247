import Taro from '@tarojs/taro';
import type { DemoUser, LoginResponse } from '@citycare/shared';
import { ApiError } from './error';
import { sendJson } from './http';

/**
 * How this device signs in without asking the resident again: WeChat's silent login on weapp;
 * on H5 the demo identity chosen on the 演示登录 page (a seeded demo user, or a new resident
 * through the local WeChat stand-in's `dev:<openid>` codes).
 */
export type SignInMethod = { kind: 'wechat' } | { kind: 'demo'; openid: string } | { kind: 'new-resident'; openid: string };

/** The exchanges that produce a session; they need no token, so they go straight to HTTP. */
export const signInExchanges = {
  wechatCode(code: string): Promise<LoginResponse> {
    return sendJson('/api/auth/wechat', { method: 'POST', body: { code } });
  },
  demo(openid: string): Promise<LoginResponse> {
    return sendJson('/api/auth/dev', { method: 'POST', body: { openid } });
  },
  /** The seeded demo users; rejects with DEV_LOGIN_DISABLED when the server has no demo login. */
  demoUsers(): Promise<{ items: DemoUser[] }> {
    return sendJson('/api/auth/dev/users');
  },
};

async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch {
    // fall through: WeChat could not give a code (offline, or the app is in the background)
  }
  throw ApiError.client('NETWORK_ERROR');
}

/** Runs one sign-in by `method`; without one (H5, nobody chosen yet) the resident must pick. */
export async function signInWith(method: SignInMethod | undefined): Promise<LoginResponse> {
  if (process.env.TARO_ENV === 'weapp') return signInExchanges.wechatCode(await wechatLoginCode());
  if (!method || method.kind === 'wechat') throw ApiError.client('SIGN_IN_REQUIRED');
  if (method.kind === 'demo') return signInExchanges.demo(method.openid);
  return signInExchanges.wechatCode(`dev:${method.openid}`);
}
