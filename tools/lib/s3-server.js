// The S3-compatible server the tests and benchmarks start (tools/s3-server:
// gofakes3 in a small Go main of ours): built once like the embedded database,
// rebuilt when its Go source, go.mod/go.sum or the Go version change, then
// started on a free loopback port. Why not SeaweedFS:
// docs/decisions/0011-photo-object-storage.md.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, run } = require('./proc');
const { buildGoTool } = require('./go-tool');

const SRC = path.join(ROOT, 'tools', 's3-server');
const BIN = path.join(SRC, 'bin', 's3-server');
const START_LIMIT_MS = 15_000;

async function buildS3Server() {
  return buildGoTool(SRC, { name: 's3-server', goVersion: (await run('go', ['version'], { quiet: true })).trim() });
}

/**
 * Starts the S3 server (objects in memory) with `buckets` created; resolves
 * with its endpoint URL. It exits when this process dies (it watches stdin).
 * @param {{ buckets?: string[] }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function startS3Server({ buckets = ['citycare-media'] } = {}) {
  const bin = await buildS3Server();
  const child = spawn(bin, ['-port', '0', '-bucket', buckets.join(','), '-watch-stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the S3 server did not start within ${START_LIMIT_MS / 1000} s\n${stderr}`));
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
      reject(new Error(`the S3 server exited during start-up (code ${code}):\n${stderr.trim()}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

module.exports = { buildS3Server, startS3Server, S3_SERVER_BIN: BIN };
