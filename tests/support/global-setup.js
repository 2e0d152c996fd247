// Starts one embedded database for the whole jest run (unless MONGODB_URI is
// set); each test file then uses its own database name inside it.
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { startEmbeddedDb } = require('../../tools/db/embedded');

module.exports = async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-test-db-'));
  const db = await startEmbeddedDb({ dataDir });
  process.env.MONGODB_URI = db.uri;
  globalThis.__CITYCARE_DB__ = { stop: db.stop, dataDir };
};
