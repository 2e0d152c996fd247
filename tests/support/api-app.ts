import path from 'node:path';
import { close, createApp, createHttpRequest } from '@midwayjs/mock';
import type { Application, Framework } from '@midwayjs/koa';
import mongoose, { type Connection } from 'mongoose';
import { testDbName } from './test-db';
import { startWechatStandin, type WechatStandin } from '../../server/src/modules/wechat/standin';
import { captureLogs, type LogCapture } from './log-capture';

const SERVER_DIR = path.resolve(__dirname, '..', '..', 'server');

export interface TestApi {
  app: Application;
  /** supertest against the app over a real ephemeral HTTP server */
  http: () => ReturnType<typeof createHttpRequest>;
  /** a separate connection to the same database, for arranging and inspecting data */
  db: Connection;
  /** The WeChat stand-in this app talks to (codes, sent messages, failures). */
  wechat: WechatStandin;
  /** Every line the app logged; scanned for unmasked secrets at close (R10). */
  logs: LogCapture;
  close: () => Promise<void>;
}

/**
 * Boots the real Midway app on its own database in the embedded database
 * (MONGODB_URI from the jest global setup).
 */
export async function startTestApi(testFile: string, env: Record<string, string> = {}): Promise<TestApi> {
  const dbName = testDbName(testFile);
  const wechat = await startWechatStandin();
  // MIDWAY_TS_MODE: jest compiles .ts itself, so tell Midway to scan .ts files.
  // JOBS_INTERVAL_MS=0: tests run the outbox worker and jobs themselves.
  // RATE_LIMIT_FACTOR=100: every test file sends many requests from 127.0.0.1;
  // the rate-limit tests pass '1' to test the real limits.
  const settings: Record<string, string> = {
    MONGODB_DB: dbName,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'unittest',
    MIDWAY_TS_MODE: 'true',
    JOBS_INTERVAL_MS: '0',
    RATE_LIMIT_FACTOR: '100',
    // Tests change sessions and roles in the database and expect the next request to see it.
    SESSION_CACHE_MS: '0',
    REDIS_URL: '',
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: wechat.appid,
    WECHAT_SECRET: wechat.secret,
    ...env,
  };
  // Put back at close: a jest worker runs several test files in one process.
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  const db = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName }).asPromise();
  await db.dropDatabase(); // before the app boots: it creates the indexes
  const app = await createApp<Framework>(SERVER_DIR, { globalConfig: { koa: { port: null } } });
  const logs = await captureLogs(app);
  return {
    app,
    http: () => createHttpRequest(app),
    db,
    wechat,
    logs,
    close: async () => {
      // Before the database goes: the scan reads the users' openids, phones and session keys.
      const leaked = await logs.scan(db, testFile).then(() => null, (err: Error) => err);
      await db.dropDatabase().catch(() => undefined);
      await db.close();
      await close(app);
      await wechat.stop();
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      if (leaked) throw leaked;
    },
  };
}
