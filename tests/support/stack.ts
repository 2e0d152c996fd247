import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { testDbName } from './test-db';

// tools/lib/proc.js is plain CommonJS (it runs before `npm install`), so it has
// no types; these are the parts used here.
interface ProcHelpers {
  ROOT: string;
  findFreePort(start: number, host?: string): Promise<number>;
  waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void>;
  run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string>;
}
const { ROOT, findFreePort, waitFor, run } = require('../../tools/lib/proc') as ProcHelpers;

const HOST = '127.0.0.1';
const FIRST_PORT = 17_100; // away from the dev server's 7001
const READY_LIMIT_MS = 30_000;
const STOP_LIMIT_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

export interface Stack {
  /** http://127.0.0.1:<port>: the H5 build at /, the API at /api */
  baseUrl: string;
  /** Stops the API process and drops the test database. */
  stop(): Promise<void>;
}

/**
 * Runs the whole app as a resident's browser sees it: the built API process
 * (server/dist) serving `staticDir`, on a free port, against a database of the
 * calling test file's own in the embedded database, seeded with the demo data.
 */
export async function startStack(opts: { staticDir: string; testFile?: string; env?: NodeJS.ProcessEnv }): Promise<Stack> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is unset: run this under jest (tests/support/global-setup.js starts the database)');
  const testFile = opts.testFile ?? expect.getState().testPath;
  if (!testFile) throw new Error('startStack needs the test file path: pass testFile or call it from a test or hook');
  const dbName = testDbName(testFile);

  await dropDatabase(uri, dbName);
  const dbEnv = { ...process.env, MONGODB_URI: uri, MONGODB_DB: dbName };
  await run(process.execPath, [path.join(ROOT, 'server', 'dist', 'seed', 'run.js')], { env: dbEnv, quiet: true });

  const port = await findFreePort(FIRST_PORT, HOST);
  const baseUrl = `http://${HOST}:${port}`;
  const api = spawnApi({
    ...dbEnv,
    PORT: String(port),
    HOST,
    STATIC_DIR: opts.staticDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...opts.env,
  });
  try {
    await waitUntilHealthy(api, baseUrl);
  } catch (err) {
    await api.stop();
    await dropDatabase(uri, dbName);
    throw err;
  }

  return {
    baseUrl,
    stop: async () => {
      await api.stop();
      await dropDatabase(uri, dbName);
    },
  };
}

export interface ApiProcess {
  child: ChildProcess;
  /** the last few KB of what the process wrote, for error messages */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built API process (server/dist/bootstrap.js) with exactly `env` (plus PATH), answering
 * GET /api/health at `baseUrl` when this resolves: for tests that kill and restart it.
 */
export async function startApiProcess(env: NodeJS.ProcessEnv, baseUrl: string): Promise<ApiProcess> {
  const api = spawnApi({ PATH: process.env.PATH, ...env });
  try {
    await waitUntilHealthy(api, baseUrl);
  } catch (err) {
    await api.stop();
    throw err;
  }
  return api;
}

/** Starts one API process (server/dist/bootstrap.js) with exactly `env`. */
export function spawnApi(env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'bootstrap.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(killer);
  };
  return { child, output: () => output.trim(), stop };
}

/** Resolves once GET /api/health answers 200; rejects with the output if the process dies first. */
export async function waitUntilHealthy(api: ApiProcess, baseUrl: string): Promise<void> {
  const { child } = api;
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));

  // Ends the wait early when the process is gone, so a crash reports at once.
  await waitFor(
    async () => hasExited() || spawnError !== undefined || (await isHealthy(baseUrl)),
    READY_LIMIT_MS,
    `the API at ${baseUrl}`,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; its output:\n${api.output()}`);
  });
  if (spawnError) throw new Error(`cannot start the API: ${spawnError.message}`);
  if (hasExited()) {
    const how = child.signalCode ?? `code ${child.exitCode}`;
    throw new Error(`the API exited (${how}) before it was ready:\n${api.output()}`);
  }
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
  await response.arrayBuffer(); // release the connection
  return response.status === 200;
}

export async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
