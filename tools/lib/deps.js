// Installs npm packages when node_modules is missing or older than the lock.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, log, run } = require('./proc');
const { hashInputs, isFresh, writeStamp } = require('./stamp');

async function ensureNpmPackages() {
  const lock = path.join(ROOT, 'package-lock.json');
  const stamp = path.join(ROOT, 'node_modules', '.citycare-installed');
  const hash = hashInputs([lock, path.join(ROOT, 'package.json'), path.join(ROOT, 'server', 'package.json'), path.join(ROOT, 'shared', 'package.json')]);
  if (isFresh(stamp, hash)) return;
  // Not `npm ci`: @tarojs/binding lists platform packages that were never
  // published, which `npm ci` reports as missing from the lock.
  log('installing npm packages (npm install) …');
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  writeStamp(stamp, hash);
}

module.exports = { ensureNpmPackages };
