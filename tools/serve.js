// `npm run serve`: the API alone, as a service (NODE_ENV=production). Nothing
// of the demo: no embedded database, no WeChat stand-in, no demo login, no
// seed. It refuses to start without the production settings (README
// "Production mode"; server/src/config/production-mode.ts says what and why).
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, log } = require('./lib/proc');
const { ensureNpmPackages } = require('./lib/deps');

async function main() {
  await ensureNpmPackages();
  const { compileTypeScript } = require('./lib/builds');
  await compileTypeScript();
  log('starting the API in production mode (NODE_ENV=production)');
  const api = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'bootstrap.js')], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const stop = (signal) => api.exitCode === null && api.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((err) => {
  console.error(`[citycare] ${err.message}`);
  process.exit(1);
});
