// Starts the embedded database (tools/embedded-db: FerretDB over PostgreSQL)
// on a free loopback port and stops it on exit. PostgreSQL is the embedded one
// (data in <dataDir>/pg), or an existing server when a URL is given.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { buildEmbeddedDb } = require('./build');
const { postgresBinDir } = require('./postgres-binaries');

// The first start runs initdb (about 1.5 s here); leave room for slow disks.
const START_LIMIT_MS = 60_000;
// FerretDB first, then a PostgreSQL fast shutdown with a checkpoint.
const STOP_LIMIT_MS = 20_000;
// Starts tried when the free port found was taken before it was bound.
const PORT_ATTEMPTS = 3;

/**
 * Starts tools/embedded-db and resolves once it answers a MongoDB ping.
 * The child watches its stdin, so it exits if this process dies, and the
 * kernel stops its PostgreSQL if it dies.
 * @param {{ dataDir: string, port?: number, postgresUrl?: string, postgresOptions?: Record<string, string|number> }} options
 *   port: for the MongoDB wire protocol, 0 (default) for a free one;
 *   postgresUrl: an existing PostgreSQL instead of the embedded one;
 *   postgresOptions: extra server settings for the embedded one (tests use them).
 * @returns {Promise<{ uri: string, postgresUrl: string, pid: number, stop: () => Promise<void>, process: import('node:child_process').ChildProcess }>}
 */
async function startEmbeddedDb(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      // A free port is picked, then bound: another process can take it in between
      // (seen when two test runs shared the machine). Only a port we did not choose is retried.
      if (options.port || attempt >= PORT_ATTEMPTS || !/address already in use/.test(err.message)) throw err;
      await new Promise((r) => setTimeout(r, 1000)); // its PostgreSQL, orphaned, stops meanwhile
    }
  }
}

async function startOnce({ dataDir, port = 0, postgresUrl = '', postgresOptions = {} } = {}) {
  const bin = await buildEmbeddedDb();
  fs.mkdirSync(dataDir, { recursive: true });
  const args = ['-data', dataDir, '-port', String(port), '-watch-stdin'];
  if (postgresUrl) {
    args.push('-postgresql-url', postgresUrl);
  } else {
    args.push('-postgres-bin', postgresBinDir());
    for (const [name, value] of Object.entries(postgresOptions)) args.push('-postgres-option', `${name}=${value}`);
  }
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-6000)));

  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded database did not start within ${START_LIMIT_MS / 1000} s\n${stderr}`));
    }, START_LIMIT_MS);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /READY (\S+) (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ uri: match[1], postgresUrl: match[2] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded database exited during start-up (code ${code}):\n${stderr.trim()}`));
    });
  });
  await pingUntilReady(ready.uri);

  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { ...ready, pid: child.pid, stop, process: child, output: () => stderr };
}

async function pingUntilReady(uri) {
  const { MongoClient } = require('mongodb');
  const deadline = Date.now() + START_LIMIT_MS;
  let lastError;
  while (Date.now() < deadline) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`the embedded database does not answer ping: ${lastError?.message}`);
}

module.exports = { startEmbeddedDb, DEFAULT_DATA_DIR: path.resolve(__dirname, '..', '..', '.data', 'embedded-db') };
