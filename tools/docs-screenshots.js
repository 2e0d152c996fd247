// Copies the README's screenshots from the last browser test run (test-results/e2e/) to
// docs/screenshots/, as palette PNGs small enough for the repository (≤ 150 KB each).
// Run after `npm test`: node tools/docs-screenshots.js
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const ROOT = path.resolve(__dirname, '..');
const FROM = path.join(ROOT, 'test-results', 'e2e');
const TO = path.join(ROOT, 'docs', 'screenshots');
const LIMIT_BYTES = 150 * 1024;
/** The shots the README shows, in its order. */
const CHOSEN = [
  'journey-1-home', 'journey-4-nearby', 'journey-7-before-after', 'journey-9-booking-qr', 'journey-10-elder-home', 'journey-12-delete',
  // tests/e2e/staff.e2e.test.ts
  'staff-1-queue', 'staff-2-resolve', 'staff-5-checkin', 'staff-6-notice-preview', 'staff-8-figures',
  // The admin console (desktop-sized, tests/e2e/admin.e2e.test.ts).
  'admin-1-stations', 'admin-2-people', 'admin-3-hotline', 'admin-5-figures',
];

async function main() {
  fs.mkdirSync(TO, { recursive: true });
  for (const old of fs.readdirSync(TO)) if (old.endsWith('.png') && !CHOSEN.includes(old.slice(0, -4))) fs.rmSync(path.join(TO, old));
  for (const name of CHOSEN) {
    const source = path.join(FROM, `${name}.png`);
    if (!fs.existsSync(source)) throw new Error(`${source} is missing: run npm test first`);
    const target = path.join(TO, `${name}.png`);
    // Phone shots are 375 CSS px at 2×, console shots 1366 at 1×; quantised to a palette: flat colour and text stay sharp.
    await sharp(source).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toFile(target);
    const bytes = fs.statSync(target).size;
    console.log(`${path.relative(ROOT, target)}: ${(bytes / 1024).toFixed(1)} KiB`);
    if (bytes > LIMIT_BYTES) throw new Error(`${name}.png is ${bytes} bytes, over ${LIMIT_BYTES}`);
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
