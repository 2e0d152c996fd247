// Starts one embedded database for the whole jest run (unless MONGODB_URI is
// set): FerretDB over a PostgreSQL of its own in a temp folder, or over
// CITYCARE_PG_URL. Each test file then uses its own database name inside it.
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { startEmbeddedDb } = require('../../tools/db/embedded');

// Test data is thrown away: no need to survive a power cut.
const TEST_POSTGRES_OPTIONS = { fsync: 'off', full_page_writes: 'off' };

module.exports = async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-test-db-'));
  let db;
  try {
    db = await startEmbeddedDb({
      dataDir,
      postgresUrl: process.env.CITYCARE_PG_URL,
      postgresOptions: TEST_POSTGRES_OPTIONS,
    });
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true }); // no teardown follows a failed setup
    throw err;
  }
  process.env.MONGODB_URI = db.uri;
  globalThis.__CITYCARE_DB__ = { stop: db.stop, dataDir };
};
