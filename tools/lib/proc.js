// Small process helpers for the project scripts. Node built-ins only: these
// run before `npm install` on a fresh clone.
const { spawn } = require('node:child_process');
const net = require('node:net');

const ROOT = require('node:path').resolve(__dirname, '..', '..');

function log(message) {
  process.stdout.write(`[citycare] ${message}\n`);
}

/** Runs a command to completion; rejects with its exit code. */
function run(cmd, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', (err) => reject(new Error(`cannot run ${cmd}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`), { code }));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The first free port at or after `start`. */
async function findFreePort(start, host = '127.0.0.1') {
  for (let port = start; port < start + 100; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`no free port between ${start} and ${start + 99}`);
}

/** Polls `check` until it returns true or `ms` pass. */
async function waitFor(check, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not become ready within ${Math.round(ms / 1000)} s`);
}

module.exports = { ROOT, log, run, isPortFree, findFreePort, waitFor };
