import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { loginAs, type TestUser } from '../support/auth';
import { startApiProcess, type ApiProcess } from '../support/stack';
import { startWechatStandin, type WechatStandin } from '../../server/src/modules/wechat/standin';

/**
 * R13 (docs/reliability.md): faults under load, against the built API process
 * (server/dist) and an embedded database of this test's own.
 * 1. The database (FerretDB + PostgreSQL, tools/embedded-db) is SIGKILLed during
 *    R13_SECONDS of case creation by clients that retry with their
 *    Idempotency-Key, and restarted on the same data folder and port.
 * 2. The API process is SIGKILLed while officers reply, and restarted: the
 *    outbox still sends every reply's message, and no timeline has a gap.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmbeddedDb } = require('../../tools/db/embedded') as {
  startEmbeddedDb(o: { dataDir: string; port?: number; postgresOptions?: Record<string, string> }): Promise<{ uri: string; stop(): Promise<void>; process: import('node:child_process').ChildProcess }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findFreePort, run, ROOT } = require('../../tools/lib/proc') as {
  ROOT: string;
  findFreePort(start: number, host?: string): Promise<number>;
  run(cmd: string, args: string[], o: { env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string>;
};

const SECONDS = Number(process.env.R13_SECONDS ?? 20);
const CLIENTS = 4;
const DB_DOWN_MS = 4_000;
const DOWN_ANSWER_LIMIT_MS = 2_000;
const RECOVERY_LIMIT_MS = 10_000;
const KEY_RETRY_LIMIT_MS = 20_000;
const HOST = '127.0.0.1';
const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };
const DB_NAME = 'r13';
const print = (line: string) => process.stdout.write(`${line}\n`);

let dataDir: string;
let db: Awaited<ReturnType<typeof startEmbeddedDb>>;
let dbPort: number;
let conn: Connection;
let wechat: WechatStandin;
let api: ApiProcess;
let baseUrl: string;
let apiEnv: NodeJS.ProcessEnv;

const postgresOptions = { fsync: 'off', full_page_writes: 'off' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-r13-'));
  db = await startEmbeddedDb({ dataDir, postgresOptions });
  dbPort = Number(new URL(db.uri).port);
  const env = { ...process.env, MONGODB_URI: db.uri, MONGODB_DB: DB_NAME };
  await run(process.execPath, [path.join(ROOT, 'server', 'dist', 'seed', 'run.js')], { env, quiet: true });
  conn = await mongoose.createConnection(db.uri, { dbName: DB_NAME, serverSelectionTimeoutMS: 5_000 }).asPromise();
  wechat = await startWechatStandin();
  const port = await findFreePort(17_300, HOST);
  baseUrl = `http://${HOST}:${port}`;
  apiEnv = {
    MONGODB_URI: db.uri,
    MONGODB_DB: DB_NAME,
    HOST,
    PORT: String(port),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JOBS_INTERVAL_MS: '200',
    // A crashed sender's claim on a message lapses this soon (the default is a minute).
    OUTBOX_CLAIM_MS: '2000',
    RATE_LIMIT_FACTOR: '1000',
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: wechat.appid,
    WECHAT_SECRET: wechat.secret,
  };
  api = await startApiProcess(apiEnv, baseUrl);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await conn?.close().catch(() => undefined);
  await wechat?.stop();
  await db?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface Answer {
  status: number; // 0: no answer (connection refused or reset)
  startedAt: number;
  endedAt: number;
  body: { case?: { id: string }; error?: { code: string } } | null;
}

async function send(method: string, url: string, user: TestUser, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: user.auth, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, startedAt, endedAt: Date.now(), body: text ? JSON.parse(text) : null };
  } catch {
    return { status: 0, startedAt, endedAt: Date.now(), body: null };
  }
}

describe('R13: the database killed and restarted during case creation', () => {
  it(`when the database is SIGKILLed and restarted during ${SECONDS} s of case creation with retries, then every acknowledged case exists exactly once, requests while it was down got 503 within 2 s, and it served again within 10 s`, async () => {
    const residents = await Promise.all(Array.from({ length: CLIENTS }, () => loginAs(conn, 'resident')));
    const acknowledged = new Map<string, string>(); // Idempotency-Key → case id
    const answers: Answer[] = [];
    const stuck: string[] = [];
    const start = Date.now();
    const stopAt = start + SECONDS * 1000;
    let down: { from: number; to: number | null } | null = null;

    const client = async (user: TestUser, c: number) => {
      for (let n = 0; Date.now() < stopAt; n++) {
        const key = `r13-case-${c}-${n}`;
        const body = { category: 'clutter', description: `楼道堆放杂物 ${c}-${n}`, address: '嘉麟社区', ...NEAR_JIALIN };
        // A client retries the same key until the case is acknowledged, up to a limit no recovery should need.
        for (const firstTry = Date.now(); ; ) {
          if (Date.now() - firstTry > KEY_RETRY_LIMIT_MS) {
            stuck.push(key);
            break;
          }
          const answer = await send('POST', '/api/cases', user, body, { 'Idempotency-Key': key });
          answers.push(answer);
          if (answer.status === 201 || answer.status === 200) {
            acknowledged.set(key, answer.body!.case!.id);
            break;
          }
          if (![0, 503, 409].includes(answer.status)) {
            // What the API logged about that request says why (the answer itself names nothing internal).
            const id = (answer.body as { error?: { requestId?: string } } | undefined)?.error?.requestId;
            const logged = api.output().split('\n').filter((line) => id && line.includes(id)).join('\n');
            throw new Error(`unexpected ${answer.status} ${JSON.stringify(answer.body)}\n${logged}`);
          }
          await sleep(100);
        }
      }
    };

    const fault = async () => {
      await sleep(SECONDS * 300);
      db.process.kill('SIGKILL');
      down = { from: Date.now(), to: null };
      await sleep(DB_DOWN_MS);
      db = await startEmbeddedDb({ dataDir, port: dbPort, postgresOptions });
      down.to = Date.now();
    };

    await Promise.all([...residents.map((u, c) => client(u, c)), fault()]);
    const outage = down as { from: number; to: number | null } | null;
    if (!outage?.to) throw new Error('the database was not restarted');
    const { from, to } = outage;

    // While it was down: no request waited more than 2 s for an answer (one sent just
    // before the database returned may be served by it instead), and what was
    // answered while it was still down was a 503.
    const duringOutage = answers.filter((a) => a.startedAt >= from + 100 && a.startedAt < to);
    const brief = (a: Answer) => `${a.status} sent ${a.startedAt - from} ms into the outage, answered in ${a.endedAt - a.startedAt} ms`;
    const waitedWhileDown = (a: Answer) => Math.min(a.endedAt, to) - a.startedAt;
    const slow = duringOutage.filter((a) => waitedWhileDown(a) > DOWN_ANSWER_LIMIT_MS).map(brief);
    const wrong = duringOutage.filter((a) => a.endedAt < to && a.status !== 503).map(brief);
    // Served again: the first acknowledgement after the database returned.
    const firstServed = Math.min(...answers.filter((a) => a.startedAt >= to && (a.status === 201 || a.status === 200)).map((a) => a.endedAt));

    // Every acknowledged case exists exactly once; the residents have no other cases.
    await conn.asPromise();
    const reporterIds = residents.map((u) => new mongoose.Types.ObjectId(u.id));
    const stored = await conn.collection('cases').find({ reporterId: { $in: reporterIds } }, { projection: { _id: 1 } }).toArray();
    const storedIds = stored.map((d) => String(d._id));
    const ackIds = [...acknowledged.values()];
    const slowest = Math.max(...duringOutage.filter((a) => a.endedAt < to).map((a) => a.endedAt - a.startedAt));

    print(
      `R13 database: ${SECONDS} s, ${answers.length} requests, ${acknowledged.size} cases acknowledged, down ${to - from} ms ` +
        `(${duringOutage.length} requests meanwhile: ${duringOutage.filter((a) => a.status === 503).length} × 503, the slowest answered in ${slowest} ms, ` +
        `none waited more than ${Math.max(...duringOutage.map(waitedWhileDown))} ms while it was down), ` +
        `served again ${firstServed - to} ms after the database returned; ${storedIds.length} cases stored; ${stuck.length} keys never acknowledged`,
    );
    expect(stuck).toEqual([]);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(slow).toEqual([]);
    expect(wrong).toEqual([]);
    expect(firstServed - to).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    expect(new Set(ackIds).size).toBe(acknowledged.size);
    expect(storedIds.sort()).toEqual([...ackIds].sort());
  }, (SECONDS + 90) * 1000);
});

describe('R13: the API process killed and restarted while officers reply', () => {
  it('when the API is SIGKILLed mid-load and restarted, then every reply it acknowledged is in a timeline with no gap, and each reply entry reached the reporter through the stand-in at least once', async () => {
    await conn.asPromise();
    const stationA = await conn.collection('stations').findOne({ community: '嘉麟社区' });
    const officers = await Promise.all([1, 2, 3].map(() => loginAs(conn, 'officer', { stationId: String(stationA!._id) })));
    const reporter = await loginAs(conn, 'resident');
    const caseIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await send('POST', '/api/cases', reporter, { category: 'parking', description: `乱停车 ${i}`, address: '嘉麟社区', ...NEAR_JIALIN }, { 'Idempotency-Key': `r13-api-case-${i}` });
      expect(res.status).toBe(201);
      caseIds.push(res.body!.case!.id);
    }
    const acknowledged: Array<{ caseId: string; text: string }> = [];
    // Load until a few replies were acknowledged, kill the API mid-stream, restart it, and keep going a while.
    let stopAt = Infinity;
    let n = 0;
    const officerLoad = async (officer: TestUser) => {
      while (Date.now() < stopAt) {
        const caseId = caseIds[n % caseIds.length];
        const text = `已处理第${++n}条`;
        const res = await send('POST', `/api/staff/cases/${caseId}/replies`, officer, { text });
        if (res.status === 201) acknowledged.push({ caseId, text });
        else await sleep(100);
      }
    };
    const crash = async () => {
      const limit = Date.now() + 20_000;
      while (acknowledged.length < 10 && Date.now() < limit) await sleep(50);
      api.child.kill('SIGKILL');
      await new Promise((r) => api.child.once('exit', r));
      api = await startApiProcess(apiEnv, baseUrl);
      stopAt = Date.now() + 3_000;
    };
    await Promise.all([...officers.map(officerLoad), crash()]);

    // Every case read once through the API (as a reporter's page would): entries a crash left half-applied roll forward.
    for (const id of caseIds) expect((await send('GET', `/api/cases/${id}`, reporter, undefined)).status).toBe(200);
    const entries = await conn.collection('case_events').find({ caseId: { $in: caseIds.map((id) => new mongoose.Types.ObjectId(id)) } }).toArray();
    const replies = entries.filter((e) => e.kind === 'reply');
    // The outbox drains: every reply entry's message at the stand-in.
    const delivered = () => new Set(wechat.sent.map((m) => `${m.page}|${m.data.thing3?.value}`));
    const owed = replies.map((e) => `pages/case/index?id=${String(e.caseId)}|${String(e.text)}`);
    const deadline = Date.now() + 20_000;
    while (owed.some((k) => !delivered().has(k)) && Date.now() < deadline) await sleep(250);
    const missing = owed.filter((k) => !delivered().has(k));

    const gaps: string[] = [];
    for (const id of caseIds) {
      const seqs = entries.filter((e) => String(e.caseId) === id).map((e) => e.seq as number).sort((a, b) => a - b);
      if (seqs.some((s, i) => s !== i + 1)) gaps.push(`${id}: ${seqs.join(',')}`);
      const doc = await conn.collection('cases').findOne({ _id: new mongoose.Types.ObjectId(id) });
      if (doc!.seq !== seqs.length) gaps.push(`${id}: case at ${doc!.seq}, ${seqs.length} entries`);
    }
    const texts = new Set(replies.map((e) => `${String(e.caseId)}|${String(e.text)}`));
    const lost = acknowledged.filter((a) => !texts.has(`${a.caseId}|${a.text}`));
    print(
      `R13 API process: ${n} replies sent, ${acknowledged.length} acknowledged, ${replies.length} in timelines; ` +
        `${wechat.sent.length} messages at the stand-in, ${missing.length} reply entries without one; ${gaps.length} timeline gaps`,
    );
    expect(lost).toEqual([]);
    expect(gaps).toEqual([]);
    expect(missing).toEqual([]);
  }, 90_000);
});
