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

/**
 * Debian's Chromium (and CJK fonts for screenshots) for the browser tests:
 * installed with apt-get when it is missing and we may (root); otherwise a
 * clear message. CHROMIUM_PATH points at another build.
 */
async function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return chromium;
  const apt = '/usr/bin/apt-get';
  if (!process.env.CHROMIUM_PATH && fs.existsSync(apt) && process.getuid?.() === 0) {
    log("installing Debian's chromium for the browser tests (apt-get) …");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run(apt, ['update', '-qq'], { env, quiet: true });
    await run(apt, ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { env, quiet: true });
    if (fs.existsSync(chromium)) return chromium;
  }
  throw new Error(`the browser tests need Chromium at ${chromium}: install Debian's package (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
}

module.exports = { ensureNpmPackages, ensureChromium };
