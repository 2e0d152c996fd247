// The WeChat package as `npm run build:weapp` leaves it in dist/weapp: the pages and
// privacy declarations WeChat checks at upload, and the package limits (P5): WeChat allows
// 2 MB per package; we keep the main package within 1 MB and the whole within 4 MB.
import fs from 'node:fs';
import path from 'node:path';

const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp');
const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024;
const TOTAL_BUDGET_BYTES = 4 * 1024 * 1024;
const TAB_PAGES = ['pages/index/index', 'pages/report/index', 'pages/cases/index', 'pages/me/index'];

interface AppJson {
  pages: string[];
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  __usePrivacyCheck__?: boolean;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
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

  const subPages = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));

  test('when built, then the main package holds exactly the four tab pages, home first, as the tab bar', () => {
    expect(app.pages).toEqual(TAB_PAGES);
    expect(app.tabBar?.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/index/index', '首页'],
      ['pages/report/index', '随手拍'],
      ['pages/cases/index', '我的报事'],
      ['pages/me/index', '我的'],
    ]);
  });

  test('when built, then the other pages are in subpackages (station detail among them)', () => {
    expect(subPages).toEqual(expect.arrayContaining(['packages/stations/detail/index', 'packages/cases/detail/index', 'packages/events/booking/index', 'packages/account/sign-in/index']));
    expect(subPages.length).toBeGreaterThanOrEqual(10);
  });

  test('when built, then every page has its js, json, wxml and wxss', () => {
    for (const page of [...TAB_PAGES, ...subPages]) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) {
        expect([page, ext, fs.existsSync(path.join(WEAPP_DIR, `${page}.${ext}`))]).toEqual([page, ext, true]);
      }
    }
  });

  test('when built, then getLocation and chooseLocation are declared with a purpose WeChat shows the resident', () => {
    expect(app.requiredPrivateInfos).toEqual(expect.arrayContaining(['getLocation', 'chooseLocation']));
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/工作站/);
  });

  test('when built, then privacy APIs wait for our own consent popup (__usePrivacyCheck__)', () => {
    expect(app.__usePrivacyCheck__).toBe(true);
    const scripts = filesUnder(WEAPP_DIR).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(scripts).toContain('onNeedPrivacyAuthorization');
    expect(scripts).toContain('agreePrivacyAuthorization');
  });

  test('when built, then the map marker and the tab bar icons are in the package', () => {
    expect(fs.existsSync(path.join(WEAPP_DIR, 'assets/station-marker.png'))).toBe(true);
    const icons = app.tabBar?.list.flatMap((t) => [t.iconPath, t.selectedIconPath]) ?? [];
    expect(icons).toHaveLength(8);
    for (const icon of icons) expect([icon, fs.existsSync(path.join(WEAPP_DIR, icon ?? ''))]).toEqual([icon, true]);
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

  test('when built, then the whole package (main and subpackages) is under 4 MB', () => {
    const total = filesUnder(WEAPP_DIR).reduce((sum, f) => sum + fs.statSync(f).size, 0);
    console.log(`weapp total: ${total} bytes (${(total / 1024).toFixed(1)} KiB), budget ${TOTAL_BUDGET_BYTES}`);
    expect(total).toBeLessThan(TOTAL_BUDGET_BYTES);
  });
});
