// The WeChat package as `npm run build:weapp` leaves it in dist/weapp: the pages and
// privacy declarations WeChat checks at upload, and the 2 MB-per-package limit, for
// which we keep a stricter 1 MB budget on the main package.
import fs from 'node:fs';
import path from 'node:path';

const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp');
const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024;
const PAGES = ['pages/index/index', 'pages/station/index'];

interface AppJson {
  pages: string[];
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
  subPackages?: Array<{ root: string }>;
  subpackages?: Array<{ root: string }>;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function readAppJson(): AppJson {
  const file = path.join(WEAPP_DIR, 'app.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build:weapp\` before this test`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson;
}

describe('weapp build (dist/weapp)', () => {
  const app = readAppJson();
  const subpackageRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) =>
    path.join(WEAPP_DIR, p.root),
  );
  const inSubpackage = (file: string): boolean =>
    subpackageRoots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));

  test('when built, then app.json lists the home and station pages, home first', () => {
    expect(app.pages[0]).toBe('pages/index/index');
    expect(app.pages).toEqual(expect.arrayContaining(PAGES));
  });

  test('when built, then every page has its js, json, wxml and wxss', () => {
    for (const page of PAGES) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) {
        expect(fs.existsSync(path.join(WEAPP_DIR, `${page}.${ext}`))).toBe(true);
      }
    }
  });

  test('when built, then getLocation is declared with a purpose WeChat shows the resident', () => {
    expect(app.requiredPrivateInfos).toContain('getLocation');
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/工作站/);
  });

  test('when built, then the map marker icon is in the package', () => {
    expect(fs.existsSync(path.join(WEAPP_DIR, 'assets/station-marker.png'))).toBe(true);
  });

  test('when built, then the zod schemas from @citycare/shared are tree-shaken away', () => {
    const scripts = filesUnder(WEAPP_DIR).filter((f) => f.endsWith('.js'));
    const withZod = scripts.filter((f) => /ZodError|\$ZodType/.test(fs.readFileSync(f, 'utf8')));
    expect(withZod).toEqual([]);
  });

  test('when built, then the main package is under 1 MB', () => {
    const files = filesUnder(WEAPP_DIR)
      .filter((f) => !inSubpackage(f))
      .map((f) => ({ file: path.relative(WEAPP_DIR, f), bytes: fs.statSync(f).size }))
      .sort((a, b) => b.bytes - a.bytes);
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const lines = files.slice(0, 10).map((f) => `  ${String(f.bytes).padStart(8)}  ${f.file}`);
    console.log(
      `weapp main package: ${total} bytes (${(total / 1024).toFixed(1)} KiB) in ${files.length} files, ` +
        `budget ${MAIN_PACKAGE_BUDGET_BYTES}\nlargest:\n${lines.join('\n')}`,
    );
    expect(total).toBeLessThan(MAIN_PACKAGE_BUDGET_BYTES);
  });
});
