// Builds one of our small Go programs (tools/embedded-db, tools/s3-server)
// into <dir>/bin/<name> once, and again only when its sources, go.mod/go.sum
// or the Go version change (a content stamp beside the binary).
const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');
const { hashInputs, isFresh, writeStamp } = require('./stamp');

/**
 * @param {string} dir the Go module's folder
 * @param {{ name: string, sources?: RegExp, goVersion: string, onBuild?: () => void }} options
 *   sources: which files of `dir` the build depends on (besides go.mod/go.sum);
 *   onBuild: called before a build actually runs (to say it may take a while).
 * @returns {Promise<string>} the binary's path
 */
async function buildGoTool(dir, { name, sources = /\.go$/, goVersion, onBuild = () => {} }) {
  const bin = path.join(dir, 'bin', name);
  const stamp = path.join(dir, 'bin', '.stamp');
  const inputs = fs.readdirSync(dir).filter((f) => sources.test(f) || /^go\.(mod|sum)$/.test(f)).sort();
  const hash = hashInputs(inputs.map((f) => path.join(dir, f)), [goVersion]);
  if (isFresh(stamp, hash, [bin])) return bin;
  onBuild();
  const tmp = `${bin}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  await run('go', ['build', '-trimpath', '-o', tmp, '.'], { cwd: dir, quiet: true });
  fs.renameSync(tmp, bin); // atomic: a parallel build never leaves a half-written binary
  writeStamp(stamp, hash);
  return bin;
}

module.exports = { buildGoTool };
