// `npm run serve`: the API alone, as a service (NODE_ENV=production). Nothing
// of the demo: no embedded database, no WeChat stand-in, no demo login, no
// seed. It refuses to start without the production settings (README
// "Production mode"; server/src/config/production-mode.ts says what and why).
// `npm run serve -- --workers 4` (or API_WORKERS=4) runs four API processes on
// one port (server/src/cluster.ts, node:cluster); the default is one.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, log } = require('./lib/proc');
const { ensureNpmPackages } = require('./lib/deps');
const { API_ENV_DEFAULTS, API_NODE_ARGS } = require('./lib/api-runtime');

async function main() {
  await ensureNpmPackages();
  const { compileTypeScript } = require('./lib/builds');
  await compileTypeScript();
  const workers = workerCount(process.argv.slice(2), process.env.API_WORKERS);
  log(`starting the API in production mode (NODE_ENV=production), ${workers} process${workers === 1 ? '' : 'es'}`);
  const api = spawn(process.execPath, [...API_NODE_ARGS, path.join(ROOT, 'server', 'dist', 'cluster.js')], {
    env: { ...API_ENV_DEFAULTS, ...process.env, NODE_ENV: 'production', API_WORKERS: String(workers) },
    stdio: 'inherit',
  });
  const stop = (signal) => api.exitCode === null && api.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** `--workers N` / `--workers=N`, else API_WORKERS, else 1 (cluster.js checks the range). */
function workerCount(args, fromEnv) {
  let value = fromEnv || '1';
  args.forEach((arg, i) => {
    if (arg === '--workers') value = args[i + 1] ?? '';
    else if (arg.startsWith('--workers=')) value = arg.slice('--workers='.length);
  });
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--workers / API_WORKERS must be a whole number, got "${value}"`);
  return n;
}

main().catch((err) => {
  console.error(`[citycare] ${err.message}`);
  process.exit(1);
});
