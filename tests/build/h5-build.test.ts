// P6: the JavaScript the H5 build's index.html loads before the first page shows, gzipped,
// stays within 250 KB. Page chunks loaded later are not counted (they are printed).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const H5_DIR = path.resolve(__dirname, '../../dist/h5');
const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

describe('H5 build (dist/h5)', () => {
  const indexHtml = path.join(H5_DIR, 'index.html');
  if (!fs.existsSync(indexHtml)) throw new Error(`${indexHtml} is missing: run \`npm run build:h5\` before this test`);
  const html = fs.readFileSync(indexHtml, 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => path.join(H5_DIR, m[1]));

  test('when built, then index.html loads its scripts from the build', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(fs.existsSync(file)).toBe(true);
  });

  test('when a browser opens the H5 build, then the first-load JavaScript is at most 250 KB gzipped', () => {
    const sizes = scripts.map((file) => ({ file: path.relative(H5_DIR, file), gzip: gzipSize(file) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const later = fs.readdirSync(path.join(H5_DIR, 'js')).filter((f) => f.endsWith('.js')).map((f) => path.join(H5_DIR, 'js', f));
    const lazyTotal = later.filter((f) => !scripts.includes(f)).reduce((sum, f) => sum + gzipSize(f), 0);
    console.log(
      `H5 first-load JS (gzip): ${total} bytes (${(total / 1024).toFixed(1)} KiB), budget ${FIRST_LOAD_BUDGET_BYTES}\n` +
        sizes.map((s) => `  ${String(s.gzip).padStart(8)}  ${s.file}`).join('\n') +
        `\nlazily loaded page chunks (gzip): ${(lazyTotal / 1024).toFixed(1)} KiB`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
