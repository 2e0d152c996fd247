// `npm test`: every test. Installs what is missing (npm packages, Debian's
// Chromium for the browser tests), builds the embedded
// database, type-checks everything, builds both clients, then runs jest
// (shared + client unit tests, server API tests on the embedded database and,
// for photos in object storage, on a local S3 server (tools/s3-server),
// the weapp build check and the browser test). Extra arguments go to jest.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, log, run } = require('./lib/proc');
const { ensureChromium, ensureNpmPackages } = require('./lib/deps');

const RESULTS = path.join(ROOT, '.cache', 'jest-results.json');
// Each test app writes what its log scan (R10, tests/support/log-capture.ts) saw here.
const LOG_SCANS = path.join(ROOT, '.cache', 'log-scan');

async function main() {
  await ensureNpmPackages();
  const { buildEmbeddedDb } = require('./db/build');
  const { compileTypeScript, buildClient } = require('./lib/builds');
  if (!process.env.MONGODB_URI) await buildEmbeddedDb();
  // The S3 tests' server (tools/s3-server), built once and cached like the database.
  await require('./lib/s3-server').buildS3Server();
  await compileTypeScript({ all: true });
  await buildClient('h5');
  await buildClient('weapp');
  await ensureChromium();
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.rmSync(LOG_SCANS, { recursive: true, force: true });
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  let failed = false;
  try {
    await run(process.execPath, [jest, '--ci', '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)]);
  } catch {
    failed = true;
  }
  printLogScan();
  printSummary();
  if (failed) process.exit(1);
}

/** R10: how much the server logged during the run and how much of it leaked (a leak also fails its test file). */
function printLogScan() {
  if (!fs.existsSync(LOG_SCANS)) return;
  const scans = fs.readdirSync(LOG_SCANS).map((f) => JSON.parse(fs.readFileSync(path.join(LOG_SCANS, f), 'utf8')));
  const sum = (key) => scans.reduce((n, s) => n + s[key], 0);
  console.log(`\nR10 log scan: ${sum('lines')} server log lines from ${scans.length} test apps, checked for phones, tokens and ${sum('secretsChecked')} known openids/phones/session keys: ${sum('findings')} unmasked`);
}

/** The plain closing line CI reads: "N passed, N failed". */
function printSummary() {
  if (!fs.existsSync(RESULTS)) return;
  const r = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

main().catch((err) => {
  console.error(`[citycare] ${err.message}`);
  process.exit(1);
});
