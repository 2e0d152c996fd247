import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, route, type SentMessage, type StandinCalls, type StandinContext } from './standin-handlers';
import { randomId, StandinState } from './standin-state';

export type { SentMessage, StandinCalls } from './standin-handlers';
export { DEFAULT_RISKY_WORDS, DEV_CODE_PREFIX } from './standin-state';

/** The credentials the stand-in accepts unless told others (not real ones: it refuses anything else). */
export const STANDIN_APPID = 'wx00000000standin';
export const STANDIN_SECRET = 'standin-secret';

const MAX_BODY_BYTES = 1_000_000;

export interface WechatStandinOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appid?: string;
  secret?: string;
  /** jscode2session calls per minute per appid before 45011; default 100. */
  loginRateLimit?: number;
}

/** What a test arranges on the stand-in. */
export interface StandinControl {
  /** A fresh single-use wx.login code for `openid` (a random openid when omitted). */
  issueLoginCode(openid?: string): string;
  /** A fresh single-use phone code (手机号获取凭证) for getuserphonenumber. */
  issuePhoneCode(purePhoneNumber: string, countryCode?: string): string;
  /** Every access_token issued so far answers 42001 access_token expired. */
  expireTokens(): void;
  /** Content containing any of `words` is risky with `label` (default 20003 辱骂). */
  setRiskyWords(words: string[], label?: number): void;
  /** Content containing any of `words` (and no risky word) is review with `label` (default 21000 其他). */
  setReviewWords(words: string[], label?: number): void;
  /** The next `count` valid subscribe sends fail with `errcode` (default -1 system error) and are not recorded. */
  failNextSends(count: number, errcode?: number): void;
  setLoginRateLimit(perMinute: number): void;
  /** Every reply waits this long first (for timeout tests); 0 turns it off. */
  delayResponses(ms: number): void;
  /** Back to a fresh stand-in: codes, tokens, counters, sent messages, words, failures, delay. */
  reset(): void;
}

export interface WechatStandin {
  /** Base URL: use as WECHAT_API_BASE. */
  url: string;
  appid: string;
  secret: string;
  /** Subscribe messages received, oldest first. */
  sent: SentMessage[];
  /** Requests received per endpoint. */
  calls: StandinCalls;
  control: StandinControl;
  stop(): Promise<void>;
}

/**
 * Starts a local HTTP server with WeChat's server API contract (docs/design.md, "Accounts and security"),
 * for tests and for running without a real AppID. Besides codes from
 * control.issueLoginCode, jscode2session accepts `dev:<openid>` (letters,
 * digits, _ and -, up to 64) as a reusable code, so a dev or H5 client can
 * log in as a chosen user without reaching the stand-in's control API.
 */
export async function startWechatStandin(options: WechatStandinOptions = {}): Promise<WechatStandin> {
  const state = new StandinState();
  if (options.loginRateLimit !== undefined) state.loginRateLimit = options.loginRateLimit;
  const ctx: StandinContext = {
    state,
    appid: options.appid ?? STANDIN_APPID,
    secret: options.secret ?? STANDIN_SECRET,
    sent: [],
    calls: emptyCalls(),
  };
  const server = createServer((req, res) => {
    answer(req, ctx)
      .catch((err: unknown) => ({ status: 500, reply: fail(-1, `(stand-in bug: ${String(err)})`) }))
      .then(({ status, reply }) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(reply));
      });
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    appid: ctx.appid,
    secret: ctx.secret,
    sent: ctx.sent,
    calls: ctx.calls,
    control: makeControl(ctx),
    stop: () => stop(server),
  };
}

function makeControl({ state, sent, calls }: StandinContext): StandinControl {
  return {
    issueLoginCode: (openid) => state.issueLoginCode(openid ?? `o${randomId(14)}`),
    issuePhoneCode: (purePhoneNumber, countryCode = '86') => state.issuePhoneCode({ purePhoneNumber, countryCode }),
    expireTokens: () => state.expireTokens(),
    setRiskyWords: (words, label = 20003) => {
      state.riskyWords = { words: [...words], label };
    },
    setReviewWords: (words, label = 21000) => {
      state.reviewWords = { words: [...words], label };
    },
    failNextSends: (count, errcode = -1) => {
      state.sendFailures = { remaining: count, errcode };
    },
    setLoginRateLimit: (perMinute) => {
      state.loginRateLimit = perMinute;
    },
    delayResponses: (ms) => {
      state.delayMs = ms;
    },
    reset: () => {
      state.reset();
      sent.length = 0;
      Object.assign(calls, emptyCalls());
    },
  };
}

function emptyCalls(): StandinCalls {
  return { jscode2session: 0, token: 0, getuserphonenumber: 0, msg_sec_check: 0, subscribe_send: 0 };
}

async function answer(req: IncomingMessage, ctx: StandinContext) {
  const url = new URL(req.url ?? '/', 'http://standin');
  const raw = await readBody(req);
  if (ctx.state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.state.delayMs).unref());
  return route({ path: url.pathname, method: req.method ?? 'GET', query: url.searchParams, body: parseJson(raw) }, ctx);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    // An oversized or broken body reads as empty, which the endpoints answer with 47001.
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : ''));
    req.on('error', () => resolve(''));
  });
}

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `node server/dist/modules/wechat/standin/index.js [--port N] [--host H] [--appid A] [--secret S]` */
async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const standin = await startWechatStandin({
    port: Number(flag('port') ?? 0),
    host: flag('host'),
    appid: flag('appid'),
    secret: flag('secret'),
  });
  process.stdout.write(`READY ${standin.url}\n`);
  const shutdown = () => void standin.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// Midway's file scan loads this module too: only run when started directly.
if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`[wechat stand-in] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
