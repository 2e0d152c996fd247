const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const db = globalThis.__CITYCARE_DB__;
  if (!db) return;
  await db.stop();
  fs.rmSync(db.dataDir, { recursive: true, force: true });
};
