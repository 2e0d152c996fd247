// Starts the embedded database on a free loopback port and stops it on exit.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { buildEmbeddedDb } = require('./build');

const START_LIMIT_MS = 20_000;

/**
 * Starts tools/embedded-db and resolves once it answers a MongoDB ping.
 * The child watches its stdin, so it exits if this process dies.
 * @returns {Promise<{ uri: string, pid: number, stop: () => Promise<void> }>}
 */
async function startEmbeddedDb({ dataDir, port = 0, handler = 'sqlite', postgresqlUrl = '' } = {}) {
  const bin = await buildEmbeddedDb();
  fs.mkdirSync(dataDir, { recursive: true });
  const args = ['-data', dataDir, '-port', String(port), '-handler', handler, '-watch-stdin'];
  if (postgresqlUrl) args.push('-postgresql-url', postgresqlUrl);
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));

  const uri = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded database did not start within ${START_LIMIT_MS / 1000} s\n${stderr}`));
    }, START_LIMIT_MS);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /READY (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded database exited during start-up (code ${code}):\n${stderr.trim()}`));
    });
  });
  await pingUntilReady(uri);

  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { uri, pid: child.pid, stop, process: child };
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
