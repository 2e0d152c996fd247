// Builds tools/embedded-db (FerretDB as a library, PostgreSQL storage, the
// index keeper) once; rebuilt when its Go or SQL source, go.mod/go.sum or the
// Go version change.
const path = require('node:path');
const { ROOT, log, run } = require('../lib/proc');
const { buildGoTool } = require('../lib/go-tool');

const SRC = path.join(ROOT, 'tools', 'embedded-db');
const BIN = path.join(SRC, 'bin', 'embedded-db');

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
  return buildGoTool(SRC, {
    name: 'embedded-db',
    sources: /\.(go|sql)$/,
    goVersion: await goVersion(),
    onBuild: () => log('building the embedded database (FerretDB; about a minute the first time) …'),
  });
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
