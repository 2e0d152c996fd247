// A resident opens the H5 build in Chromium against the real API and demo data: the nearest
// station on 首页, the 工作站 list with distances and search, the fallback without location,
// and a station's page.
import type { Browser, BrowserContext } from 'playwright-core';
import { startStack } from '../support/stack';
import { assertH5Built, H5_DIR, JIALIN, launchBrowser, openPhone, snap } from './support/phone';

jest.setTimeout(60_000);

let stack: Awaited<ReturnType<typeof startStack>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertH5Built();
  stack = await startStack({ staticDir: H5_DIR });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

describe('首页 and 工作站 (H5)', () => {
  test('when the resident shares a location near 嘉麟, then 首页 shows 嘉麟 as the nearest station, in 米, with its officers', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: true });
    await page.goto(stack.baseUrl);

    const nearest = page.getByTestId('nearest-station');
    await nearest.waitFor();
    expect(await nearest.getByTestId('nearest-name').textContent()).toBe(JIALIN);
    const distance = (await nearest.getByTestId('nearest-distance').textContent()) ?? '';
    expect(distance).toMatch(/^\d+ 米$/);
    expect(parseInt(distance, 10)).toBeGreaterThanOrEqual(250);
    expect(parseInt(distance, 10)).toBeLessThanOrEqual(350);
    await page.getByTestId('nearest-officers').filter({ hasText: '在岗队员：' }).waitFor();
    expect(await nearest.getByTestId('nearest-call').textContent()).toBe('一键拨打');
    expect(await nearest.getByTestId('nearest-navigate').textContent()).toBe('导航前往');
    await snap(page, 'home-located');
    expect(errors).toEqual([]);
  });

  test('when the resident opens 工作站, then the stations are listed nearest first and the search narrows them', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: true });
    await page.goto(stack.baseUrl);
    await page.getByTestId('more-stations').click();

    const cards = page.getByTestId('stations-page').getByTestId('station-card');
    await cards.first().waitFor();
    expect(await cards.first().getByTestId('station-name').textContent()).toBe(JIALIN);
    const distances = (await page.getByTestId('station-distance').allTextContents()).map((d) => parseFloat(d) * (d.includes('公里') ? 1000 : 1));
    expect(distances.length).toBeGreaterThan(1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    await page.getByTestId('station-search').locator('input').fill('嘉麟');
    await cards.nth(1).waitFor({ state: 'detached' });
    expect(await cards.count()).toBe(1);
    await snap(page, 'stations');
    expect(errors).toEqual([]);
  });

  test('when location permission is denied, then 首页 explains it and 工作站 lists every station without distances', async () => {
    const all = (await (await fetch(`${stack.baseUrl}/api/stations`)).json()) as { items: unknown[] };
    const { page, errors } = await openPhone(browser, contexts, { located: false });
    await page.goto(stack.baseUrl);

    const notice = page.getByTestId('location-fallback');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('未获得定位权限');
    await page.getByTestId('all-stations').click();
    const cards = page.getByTestId('stations-page').getByTestId('station-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(all.items.length);
    expect(await page.getByTestId('station-distance').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('when the resident taps a station, then its page shows the officers, 一键拨打 and 导航前往', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: true });
    await page.goto(`${stack.baseUrl}/#/packages/stations/list/index`);
    await page.getByTestId('station-card').first().click();

    const detail = page.getByTestId('station-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('station-title').textContent()).toBe(JIALIN);
    await detail.getByTestId('officer-card').first().waitFor();
    expect((await detail.getByTestId('officer-name').first().textContent())?.length).toBeGreaterThan(0);
    expect(await detail.getByTestId('call-button').textContent()).toBe('一键拨打');
    expect(await detail.getByTestId('navigate-button').textContent()).toBe('导航前往');
    // Its last 30 days, from the public record (no case reported here yet).
    await detail.getByTestId('station-record-summary').waitFor();
    expect(await detail.getByTestId('station-record-summary').textContent()).toBe('暂无报事');
    expect(await detail.getByTestId('station-record-tile').count()).toBe(0);
    await snap(page, 'station');
    expect(errors).toEqual([]);
  });

  test('when the station id is unknown, then the page says 工作站不存在', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: false });
    await page.goto(`${stack.baseUrl}/#/packages/stations/detail/index?id=ffffffffffffffffffffffff`);
    const notFound = page.getByTestId('station-not-found');
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('工作站不存在');
    expect(errors).toEqual([]);
  });
});
