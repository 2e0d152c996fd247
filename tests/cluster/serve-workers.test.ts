// `npm run serve -- --workers 2` runs server/dist/cluster.js: two API processes on one port; a
// worker that dies is replaced while the other keeps serving; SIGTERM stops them all, exit 0.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { dropDatabase } from '../support/stack';
import { testDbName } from '../support/test-db';

const { ROOT, findFreePort, waitFor } = require('../../tools/lib/proc') as {
  ROOT: string;
  findFreePort(start: number, host?: string): Promise<number>;
  waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void>;
};

const HOST = '127.0.0.1';
let primary: ChildProcess;
let output = '';
let baseUrl: string;

/** pid → how many times a worker with that pid said it was listening. */
const listening = () => [...output.matchAll(/API worker \d+ \(pid (\d+)\) listening/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  const uri = process.env.MONGODB_URI!;
  const dbName = testDbName(__filename);
  await dropDatabase(uri, dbName);
  const port = await findFreePort(17_400, HOST);
  baseUrl = `http://${HOST}:${port}`;
  primary = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'cluster.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      HOST,
      PORT: String(port),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      API_WORKERS: '2',
      PHOTO_URL_SECRET: 'serve-workers-test-photo-secret-0123456789',
      JOBS_INTERVAL_MS: '0',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout!.on('data', (d) => (output += d));
  primary.stderr!.on('data', (d) => (output += d));
  await waitFor(async () => listening().length >= 2, 90_000, `two API workers (output so far:\n${output})`);
}, 120_000);

afterAll(async () => {
  if (primary.exitCode === null && primary.signalCode === null) {
    primary.kill('SIGKILL');
    await new Promise((r) => primary.once('exit', r));
  }
  await dropDatabase(process.env.MONGODB_URI!, testDbName(__filename));
});

const health = () => fetch(`${baseUrl}/api/health`).then((r) => r.status, () => 0);

it('when one of two workers is killed, then the other keeps serving and a new worker takes its place; SIGTERM then stops all with exit 0', async () => {
  const [first, second] = listening();
  expect(first).not.toBe(second);
  expect(await health()).toBe(200);

  process.kill(first, 'SIGKILL');
  await waitFor(async () => listening().length >= 3, 90_000, 'a replacement worker');
  const replacement = listening()[2];
  expect([first, second]).not.toContain(replacement);
  expect(await health()).toBe(200);

  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of [second, replacement]) expect(() => process.kill(pid, 0)).toThrow();
}, 150_000);
