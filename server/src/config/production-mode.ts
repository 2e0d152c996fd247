import { env, envNumber } from './env';
import { STANDIN_APPID, STANDIN_SECRET } from '../modules/wechat/standin';

/** The development value of SESSION_SECRET when none is set; production refuses it. */
export const DEV_SESSION_SECRET = 'citycare-development-only-secret-not-for-production';

const REAL_WECHAT_API = 'https://api.weixin.qq.com';

export const isProduction = (source: NodeJS.ProcessEnv = process.env): boolean => env('NODE_ENV', source) === 'production';

/**
 * What stops this environment from running as a service, one readable line
 * each; empty when it may. Only NODE_ENV=production is checked: `npm start`
 * is the demo (stand-in, demo login, demo data) and says so; `npm run serve`
 * sets production, so the demo's settings cannot reach a deployment by mistake.
 */
export function productionProblems(source: NodeJS.ProcessEnv = process.env): string[] {
  if (!isProduction(source)) return [];
  const problems: string[] = [];
  const appid = env('WECHAT_APPID', source);
  const secret = env('WECHAT_SECRET', source);
  const apiBase = env('WECHAT_API_BASE', source);
  if (!apiBase.startsWith('https://')) {
    problems.push(
      `WECHAT_API_BASE=${apiBase} is the local WeChat stand-in (or another plain-HTTP server), whose dev:<openid> codes sign anyone in as anyone: ` +
        `leave it unset (${REAL_WECHAT_API}) or point it at an https proxy of WeChat`,
    );
  }
  if (appid === STANDIN_APPID || secret === STANDIN_SECRET) {
    problems.push("WECHAT_APPID/WECHAT_SECRET are the WeChat stand-in's: set the real mini-program's AppID and AppSecret");
  } else {
    if (!/^wx[0-9a-f]{16}$/i.test(appid)) problems.push('WECHAT_APPID is missing or not a mini-program AppID (wx followed by 16 hex digits)');
    if (!/^[0-9a-f]{32}$/i.test(secret)) problems.push('WECHAT_SECRET is missing or not a mini-program AppSecret (32 hex digits)');
  }
  if (!['0', 'false', 'no'].includes(env('DEV_LOGIN', source).toLowerCase())) {
    problems.push('DEV_LOGIN is on: the demo login signs anyone in as any demo user (admin included). Unset DEV_LOGIN');
  }
  const sessionSecret = env('SESSION_SECRET', source);
  if (sessionSecret.length < 32 || sessionSecret === DEV_SESSION_SECRET) {
    problems.push('SESSION_SECRET is missing or shorter than 32 characters: set a random one, e.g. `openssl rand -base64 48`');
  }
  if (rateLimitFactor(source) === 0) problems.push('RATE_LIMIT_FACTOR=0 turns the rate limits off: unset it (or set a factor above 0)');
  return problems;
}

/** Throws one error listing every problem, so a refused start says all that is wrong at once. */
export function assertProductionReady(source: NodeJS.ProcessEnv = process.env): void {
  const problems = productionProblems(source);
  if (problems.length === 0) return;
  throw new Error(
    `NODE_ENV=production refuses to start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      '(the demo runs with `npm start`; settings: server/src/config/env.ts)',
  );
}

export function sessionSecret(source: NodeJS.ProcessEnv = process.env): string {
  return env('SESSION_SECRET', source) || DEV_SESSION_SECRET;
}

function rateLimitFactor(source: NodeJS.ProcessEnv): number {
  try {
    return envNumber('RATE_LIMIT_FACTOR', source);
  } catch {
    return 1; // reported where it is read
  }
}
