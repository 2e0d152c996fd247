// A real API process on the embedded database with demo data, for benchmarks.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, findFreePort, waitFor, run } = require('../../tools/lib/proc');
const { startEmbeddedDb } = require('../../tools/db/embedded');

async function startBenchStack() {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-bench-'));
  const db = process.env.MONGODB_URI
    ? null
    : await startEmbeddedDb({ dataDir, postgresUrl: process.env.CITYCARE_PG_URL });
  const env = {
    ...process.env,
    MONGODB_URI: process.env.MONGODB_URI ?? db.uri,
    MONGODB_DB: `bench_${process.pid}`,
    LOG_LEVEL: 'error',
    // Not production: that refuses the WeChat stand-in the benchmarks use.
    NODE_ENV: 'test',
    // Every benchmark client is 127.0.0.1 and sends far past any per-address limit.
    RATE_LIMIT_FACTOR: '0',
    JOBS_INTERVAL_MS: '0',
  };
  await run(process.execPath, [path.join(ROOT, 'server', 'dist', 'seed', 'run.js')], { env, quiet: true });
  const port = await findFreePort(18100);
  const api = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'bootstrap.js')], {
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(`${baseUrl}/api/health`).then((r) => r.ok), 30_000, 'the API');
  return {
    baseUrl,
    env,
    stop: async () => {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
      if (db) await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { startBenchStack };
