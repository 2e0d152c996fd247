// A real API process on the embedded database with demo data, for benchmarks.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, findFreePort, waitFor, run } = require('../../tools/lib/proc');
const { startEmbeddedDb } = require('../../tools/db/embedded');
const { API_ENV_DEFAULTS, API_NODE_ARGS } = require('../../tools/lib/api-runtime');

/**
 * @param {{ workers?: number, env?: Record<string, string> }} options
 *   workers: API processes on the one port (server/dist/cluster.js, as `npm run serve -- --workers N`);
 *   env: extra settings for the API (e.g. the S3 store).
 */
async function startBenchStack({ workers = 1, env: extra = {} } = {}) {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-bench-'));
  const db = process.env.MONGODB_URI
    ? null
    : await startEmbeddedDb({ dataDir, postgresUrl: process.env.CITYCARE_PG_URL });
  const env = {
    // As `npm run serve` starts the API (tools/lib/api-runtime.js).
    ...API_ENV_DEFAULTS,
    ...process.env,
    MONGODB_URI: process.env.MONGODB_URI ?? db.uri,
    MONGODB_DB: `bench_${process.pid}`,
    LOG_LEVEL: 'error',
    // Not production: that refuses the WeChat stand-in the benchmarks use.
    NODE_ENV: 'test',
    // Every benchmark client is 127.0.0.1 and sends far past any per-address limit.
    RATE_LIMIT_FACTOR: '0',
    JOBS_INTERVAL_MS: '0',
    // Several processes must sign photo URLs alike (cluster.ts refuses otherwise).
    PHOTO_URL_SECRET: 'bench-photo-url-secret-0123456789abcdef',
    ...extra,
  };
  await run(process.execPath, [path.join(ROOT, 'server', 'dist', 'seed', 'run.js')], { env, quiet: true });
  const port = await findFreePort(18100);
  const entry = workers > 1 ? 'cluster.js' : 'bootstrap.js';
  const api = spawn(process.execPath, [...API_NODE_ARGS, path.join(ROOT, 'server', 'dist', entry)], {
    env: { ...env, PORT: String(port), API_WORKERS: String(workers) },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(`${baseUrl}/api/health`).then((r) => r.ok), 30_000, 'the API');
  return {
    baseUrl,
    env,
    /** the API process (the cluster's primary when workers > 1) */
    pid: api.pid,
    /** the embedded database's process (FerretDB; PostgreSQL runs under it), when the stack started one */
    dbPid: db ? db.pid : null,
    stop: async () => {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
      if (db) await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds used so far by `pid` and every process under it (Linux /proc; live processes only). */
function treeCpuSeconds(pid) {
  const ticks = 100; // USER_HZ on Linux
  const stats = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!tree.has(s.pid) && tree.has(s.ppid)) tree.add(s.pid), (grew = true);
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpu, 0);
}

module.exports = { startBenchStack, treeCpuSeconds };
