// A resident opens the H5 build in Chromium against the real API and demo data:
// nearest station first, the fallback list without location, and a station's page.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStack } from '../support/stack';

jest.setTimeout(60_000);

const H5_DIR = path.resolve(__dirname, '../../dist/h5');
const SHOTS_DIR = path.resolve(__dirname, '../../test-results/e2e');
const JIALIN = '海安市城管局嘉麟社区工作站'; // seeded at GCJ-02 32.5368, 120.4592

// The browser reports WGS-84 and the H5 client converts to GCJ-02 (client/services/coords.ts).
// This WGS-84 point is GCJ-02 (32.539498, 120.4592): 300 m due north of 嘉麟, whose nearest
// other demo station is over 1 km away. Computed with gcj02ToWgs84 from that file.
const NEAR_JIALIN_WGS84 = { latitude: 32.541394, longitude: 120.454509 };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let stack: Awaited<ReturnType<typeof startStack>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` before this test`);
  }
  stack = await startStack({ staticDir: H5_DIR });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** A phone-sized page; any uncaught script error fails the test that caused it. */
async function openPhone(options: { located: boolean }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...(options.located ? { geolocation: NEAR_JIALIN_WGS84, permissions: ['geolocation'] } : { permissions: [] }),
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

describe('home page (H5)', () => {
  test('when the resident shares a location near 嘉麟, then 嘉麟 is the first card with its distance in 米', async () => {
    const { page, errors } = await openPhone({ located: true });
    await page.goto(stack.baseUrl);

    const first = page.getByTestId('station-card').first();
    await first.waitFor();
    expect(await first.getByTestId('station-name').textContent()).toBe(JIALIN);
    const distance = (await first.getByTestId('station-distance').textContent()) ?? '';
    expect(distance).toMatch(/^\d+ 米$/);
    expect(parseInt(distance, 10)).toBeGreaterThanOrEqual(250);
    expect(parseInt(distance, 10)).toBeLessThanOrEqual(350);
    expect(await first.getByTestId('demo-tag').isVisible()).toBe(true);
    expect(await page.getByTestId('station-card').count()).toBeGreaterThan(1);
    await snap(page, 'home-located');
    expect(errors).toEqual([]);
  });

  test('when location permission is denied, then the fallback explanation and every station appear', async () => {
    const all = (await (await fetch(`${stack.baseUrl}/api/stations`)).json()) as { items: unknown[] };
    const { page, errors } = await openPhone({ located: false });
    await page.goto(stack.baseUrl);

    const notice = page.getByTestId('location-fallback');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('未获得定位权限，已显示全部工作站');
    await page.getByTestId('station-card').first().waitFor();
    expect(await page.getByTestId('station-card').count()).toBe(all.items.length);
    expect(await page.getByTestId('station-distance').count()).toBe(0);
    await snap(page, 'home-denied');
    expect(errors).toEqual([]);
  });
});

describe('station page (H5)', () => {
  test('when the resident taps the first card, then the station page shows its officers and 一键拨打', async () => {
    const { page, errors } = await openPhone({ located: true });
    await page.goto(stack.baseUrl);
    await page.getByTestId('station-card').first().click();

    const detail = page.getByTestId('station-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('station-title').textContent()).toBe(JIALIN);
    await detail.getByTestId('officer-card').first().waitFor();
    expect(await detail.getByTestId('officer-card').count()).toBeGreaterThan(0);
    expect((await detail.getByTestId('officer-name').first().textContent())?.length).toBeGreaterThan(0);
    const call = detail.getByTestId('call-button');
    expect(await call.isVisible()).toBe(true);
    expect(await call.textContent()).toBe('一键拨打');
    expect(await detail.getByTestId('navigate-button').textContent()).toBe('导航前往');
    await page.waitForTimeout(600); // let the page slide-in finish before the screenshot
    await snap(page, 'station');
    expect(errors).toEqual([]);
  });

  test('when the station id is unknown, then the page says 工作站不存在', async () => {
    const { page, errors } = await openPhone({ located: false });
    await page.goto(`${stack.baseUrl}/#/pages/station/index?id=ffffffffffffffffffffffff`);

    const notFound = page.getByTestId('station-not-found');
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('工作站不存在');
    expect(errors).toEqual([]);
  });
});
