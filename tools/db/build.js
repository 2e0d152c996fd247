// Builds tools/embedded-db (FerretDB as a library, PostgreSQL storage, the
// index keeper) once; rebuilt when its Go or SQL source, go.mod/go.sum or the
// Go version change.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, log, run } = require('../lib/proc');
const { hashInputs, isFresh, writeStamp } = require('../lib/stamp');

const SRC = path.join(ROOT, 'tools', 'embedded-db');
const BIN = path.join(SRC, 'bin', 'embedded-db');
const STAMP = path.join(SRC, 'bin', '.stamp');

async function goVersion() {
  try {
    return (await run('go', ['version'], { quiet: true })).trim();
  } catch {
    throw new Error(
      'Go (1.26 or newer) is needed to build the embedded database. Install Go, or set MONGODB_URI to use an existing MongoDB.',
    );
  }
}

async function buildEmbeddedDb() {
  const version = await goVersion();
  const sources = fs.readdirSync(SRC).filter((f) => /\.(go|sql)$|^go\.(mod|sum)$/.test(f)).sort();
  const hash = hashInputs(
    sources.map((f) => path.join(SRC, f)),
    [version],
  );
  if (isFresh(STAMP, hash, [BIN])) return BIN;
  log('building the embedded database (FerretDB; about a minute the first time) …');
  const tmp = `${BIN}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(BIN), { recursive: true });
  await run('go', ['build', '-trimpath', '-o', tmp, '.'], { cwd: SRC, quiet: true });
  fs.renameSync(tmp, BIN); // atomic: a parallel build never leaves a half-written binary
  writeStamp(STAMP, hash);
  return BIN;
}

module.exports = { buildEmbeddedDb, EMBEDDED_DB_BIN: BIN };

if (require.main === module) {
  buildEmbeddedDb()
    .then((bin) => log(`embedded database ready: ${path.relative(ROOT, bin)}`))
    .catch((err) => {
      console.error(`[citycare] ${err.message}`);
      process.exit(1);
    });
}
