// `npm start`: runs the whole product on the embedded defaults.
// Installs what is missing, builds and starts the embedded database (FerretDB
// over an embedded PostgreSQL, unless MONGODB_URI is set), seeds demo data
// into an empty database, starts the API serving the H5 build, builds the
// weapp, prints where to look. Ctrl-C stops all.
// It is the demo, never a service: `npm run serve` (tools/serve.js) runs the API
// alone in production mode, which refuses the stand-in and the demo login.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, log, findFreePort, waitFor } = require('./lib/proc');
const { ensureNpmPackages } = require('./lib/deps');
const { API_ENV_DEFAULTS, API_NODE_ARGS } = require('./lib/api-runtime');

const children = [];
let stopping = false;

async function main() {
  demoBanner();
  await ensureNpmPackages();
  const { compileTypeScript, buildClient } = require('./lib/builds');
  const { startEmbeddedDb, DEFAULT_DATA_DIR } = require('./db/embedded');

  let mongoUri = process.env.MONGODB_URI;
  if (mongoUri) {
    log(`using the database at MONGODB_URI`);
  } else {
    const dataDir = process.env.CITYCARE_DATA_DIR || DEFAULT_DATA_DIR;
    const postgresUrl = process.env.CITYCARE_PG_URL;
    const db = await startEmbeddedDb({ dataDir, postgresUrl });
    children.push({ name: 'database', stop: db.stop });
    db.process.on('exit', (code) => unlessStopping(`the embedded database stopped unexpectedly (code ${code})`));
    mongoUri = db.uri;
    const storage = postgresUrl
      ? 'the PostgreSQL at CITYCARE_PG_URL'
      : `an embedded PostgreSQL with its data in ${path.relative(ROOT, path.join(dataDir, 'pg'))}`;
    log(`embedded database (FerretDB) at ${mongoUri}, over ${storage}`);
  }

  await compileTypeScript();
  const port = await findFreePort(Number(process.env.PORT) || 7001);
  const host = process.env.HOST || '127.0.0.1';
  const apiUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const env = { ...process.env, MONGODB_URI: mongoUri, PORT: String(port), HOST: host, STATIC_DIR: path.join(ROOT, 'dist', 'h5') };
  Object.assign(env, await wechatEnv());

  await runNode('seed', [path.join(ROOT, 'server', 'dist', 'seed', 'run.js')], env);
  await buildClient('h5');
  startApi(env);
  await waitFor(() => fetch(`${apiUrl}/api/health`).then((r) => r.ok), 30_000, 'the API');
  await buildClient('weapp', { CITYCARE_API_BASE_URL: apiUrl });

  log('');
  log('CityCare is running (Ctrl-C stops everything):');
  log(`  H5 preview (browser):  ${apiUrl}/`);
  log(`  API:                   ${apiUrl}/api   health: ${apiUrl}/api/health`);
  log(`  OpenAPI document:      ${apiUrl}/api/openapi.json`);
  log(`  WeChat DevTools:       import the folder ${ROOT} (project.config.json → dist/weapp);`);
  log('                         tick 不校验合法域名 in 详情 → 本地设置 to reach the local API.');
  log('  Demo data:             12 海安 stations and demo users of every role, flagged 演示数据.');
  log(`  Demo login:            curl -X POST ${apiUrl}/api/auth/dev -H 'Content-Type: application/json' -d '{"openid":"demo-officer-1"}'`);
  demoBanner();
}

/** Said at the start and at the end, so nobody takes the demo for a service. */
function demoBanner() {
  const rule = '='.repeat(78);
  log(rule);
  log('DEMO (演示) — not a service. Demo data; and without WECHAT_APPID, the WeChat stand-in (its');
  log('dev:<openid> codes) and the demo login (/api/auth/dev) let anyone sign in as anyone, admin included.');
  log('Keep it on this machine (HOST=127.0.0.1). To deploy, run the API alone in production mode:');
  log('`npm run serve` with WECHAT_APPID, WECHAT_SECRET, SESSION_SECRET, MONGODB_URI (README "Production mode").');
  log(rule);
}

/**
 * Without a real AppID the API talks to the local WeChat stand-in (the same
 * one the tests use), and the demo-user login is on for the H5 preview.
 */
async function wechatEnv() {
  if (process.env.WECHAT_APPID && process.env.WECHAT_SECRET) {
    log('WeChat: using the real AppID from WECHAT_APPID');
    return {};
  }
  const { startWechatStandin } = require(path.join(ROOT, 'server', 'dist', 'modules', 'wechat', 'standin', 'index.js'));
  const standin = await startWechatStandin();
  children.push({ name: 'WeChat stand-in', stop: () => standin.stop() });
  log(`WeChat: no WECHAT_APPID set, using the local stand-in at ${standin.url}; demo login (DEV_LOGIN=1) is on`);
  return {
    WECHAT_API_BASE: standin.url,
    WECHAT_APPID: standin.appid,
    WECHAT_SECRET: standin.secret,
    DEV_LOGIN: process.env.DEV_LOGIN ?? '1',
  };
}

function runNode(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code})`))));
  });
}

function startApi(env) {
  const child = spawn(process.execPath, [...API_NODE_ARGS, path.join(ROOT, 'server', 'dist', 'bootstrap.js')], { env: { ...API_ENV_DEFAULTS, ...env }, stdio: 'inherit' });
  children.push({
    name: 'API',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  });
  child.on('exit', (code) => unlessStopping(`the API stopped unexpectedly (code ${code})`));
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) {
    await child.stop().catch(() => undefined);
  }
  process.exit(exitCode);
}

// Ctrl-C in a terminal signals every process of the group at once, so a child
// may exit a moment before our own SIGINT handler runs: wait before blaming it.
function unlessStopping(message) {
  setTimeout(() => !stopping && fail(new Error(message)), 300);
}

function fail(err) {
  console.error(`[citycare] ${err.message}`);
  stopAll(1);
}

process.on('SIGINT', () => {
  log('stopping …');
  stopAll(0);
});
process.on('SIGTERM', () => stopAll(0));
main().catch(fail);
