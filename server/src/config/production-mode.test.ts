import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { STANDIN_APPID, STANDIN_SECRET } from '../modules/wechat/standin';
import { assertProductionReady, productionProblems } from './production-mode';

/** What a real deployment sets (made-up values of the right shape). */
const READY = {
  NODE_ENV: 'production',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
  SESSION_SECRET: 'k3Jq9vX2mP7sL4tY8wR1zN6bH5cF0dGaE2uV9iO3',
};

const problemsWith = (over: Record<string, string | undefined>) => productionProblems({ ...READY, ...over });

describe('production mode (NODE_ENV=production) refuses to start as the demo', () => {
  it('when every production setting is there, then it may start', () => {
    expect(productionProblems(READY)).toEqual([]);
    expect(() => assertProductionReady(READY)).not.toThrow();
  });

  it('when it is not production, then nothing is checked (the demo and the tests run as they are)', () => {
    expect(productionProblems({ NODE_ENV: 'development', DEV_LOGIN: '1', WECHAT_APPID: STANDIN_APPID })).toEqual([]);
    expect(productionProblems({})).toEqual([]);
  });

  it.each([
    ['the stand-in address', { WECHAT_API_BASE: 'http://127.0.0.1:4567' }, /WECHAT_API_BASE=http:\/\/127\.0\.0\.1:4567 is the local WeChat stand-in/],
    ["the stand-in's AppID", { WECHAT_APPID: STANDIN_APPID }, /WECHAT_APPID\/WECHAT_SECRET are the WeChat stand-in's/],
    ["the stand-in's secret", { WECHAT_SECRET: STANDIN_SECRET }, /WECHAT_APPID\/WECHAT_SECRET are the WeChat stand-in's/],
    ['DEV_LOGIN=1', { DEV_LOGIN: '1' }, /DEV_LOGIN is on/],
    ['DEV_LOGIN=true', { DEV_LOGIN: 'true' }, /DEV_LOGIN is on/],
    ['no AppID', { WECHAT_APPID: undefined }, /WECHAT_APPID is missing/],
    ['an AppID of the wrong shape', { WECHAT_APPID: 'my-app' }, /WECHAT_APPID is missing or not a mini-program AppID/],
    ['no AppSecret', { WECHAT_SECRET: '' }, /WECHAT_SECRET is missing/],
    ['no session secret', { SESSION_SECRET: undefined }, /SESSION_SECRET is missing/],
    ['a short session secret', { SESSION_SECRET: 'secret' }, /SESSION_SECRET is missing or shorter than 32/],
    ['rate limits off', { RATE_LIMIT_FACTOR: '0' }, /RATE_LIMIT_FACTOR=0/],
  ])('when it has %s, then it refuses with a message saying what to change', (_name, over, message) => {
    const problems = problemsWith(over);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(() => assertProductionReady({ ...READY, ...over })).toThrow(message);
  });

  it('when it has several problems, then one refusal lists them all', () => {
    const demo = { NODE_ENV: 'production', WECHAT_API_BASE: 'http://127.0.0.1:4567', WECHAT_APPID: STANDIN_APPID, WECHAT_SECRET: STANDIN_SECRET, DEV_LOGIN: '1' };
    expect(() => assertProductionReady(demo)).toThrow(/refuses to start:\n {2}- WECHAT_API_BASE[^\n]*\n {2}- WECHAT_APPID[^\n]*\n {2}- DEV_LOGIN[^\n]*\n {2}- SESSION_SECRET/);
  });
});

describe('the API process in production mode', () => {
  const bootstrap = path.resolve(__dirname, '..', '..', 'dist', 'bootstrap.js');

  // `npm test` compiles server/dist before jest runs.
  (existsSync(bootstrap) ? it : it.skip)(
    'when `npm run serve` would start it with the demo settings, then it exits 1 at once with the reasons, touching no database',
    () => {
      const demoEnv = { PATH: process.env.PATH, NODE_ENV: 'production', WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_APPID: STANDIN_APPID, WECHAT_SECRET: STANDIN_SECRET, DEV_LOGIN: '1', MONGODB_URI: 'mongodb://127.0.0.1:9/' };
      const run = spawnSync(process.execPath, [bootstrap], { env: demoEnv, encoding: 'utf8', timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^\[citycare\] NODE_ENV=production refuses to start:/);
      for (const reason of [/WECHAT_API_BASE/, /stand-in's/, /DEV_LOGIN is on/, /SESSION_SECRET is missing/]) expect(run.stderr).toMatch(reason);
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
    },
  );
});
