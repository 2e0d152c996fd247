// `npm run db:rebuild [-- --counts-only]`: recomputes what is derived from the
// cases (list positions, derived keys, queue and tally counts) in the database
// of MONGODB_URI, or in the embedded database of CITYCARE_DATA_DIR — run it
// while `npm start` is stopped, since it starts that database itself.
const path = require('node:path');
const { ROOT, log, run } = require('../lib/proc');
const { ensureNpmPackages } = require('../lib/deps');

async function main() {
  await ensureNpmPackages();
  const { compileTypeScript } = require('../lib/builds');
  const { startEmbeddedDb, DEFAULT_DATA_DIR } = require('./embedded');
  await compileTypeScript();
  let uri = process.env.MONGODB_URI;
  let db = null;
  if (!uri) {
    db = await startEmbeddedDb({ dataDir: process.env.CITYCARE_DATA_DIR || DEFAULT_DATA_DIR, postgresUrl: process.env.CITYCARE_PG_URL });
    uri = db.uri;
  }
  try {
    const args = [path.join(ROOT, 'server', 'dist', 'tools', 'rebuild.js'), ...process.argv.slice(2)];
    process.stdout.write(await run(process.execPath, args, { env: { ...process.env, MONGODB_URI: uri } }));
  } finally {
    await db?.stop();
  }
}

main().catch((err) => {
  console.error(`[citycare] ${err.message}`);
  process.exit(1);
});
