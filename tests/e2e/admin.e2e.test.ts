// The bureau's console on the H5 build, in a desktop-sized browser against the real API and
// embedded database: the admin adds a station and puts an officer on its wall, finds people by
// phone digits and name and appoints one officer of it (who signs in and finds that station's
// queue empty, on the page and through the API), imports a 12345 CSV
// with one bad row and sees it reported (and downloads it), and looks at categories and city
// figures; a resident who types an admin page's path gets a polite refusal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AdminStationList, CasePage, MeResponse, StaffCaseView, StationDetail } from '@citycare/shared';
import { startWechatStandin, type WechatStandin } from '../../server/src/modules/wechat/standin';
import { startStack } from '../support/stack';
import { ApiClient, cameraJpegFile } from './support/api';
import { assertH5Built, H5_DIR, launchBrowser, openPhone, snap } from './support/phone';

jest.setTimeout(180_000);

const STATION = '海安市城管局高新区工作站';
const NEWCOMER_OPENID = `e2e-newcomer-${process.pid}`;
const NEWCOMER_PHONE = '13955557321';
/** A demo resident the admin makes an officer of the new station. */
const OFFICER = '居民 李先生';

let stack: Awaited<ReturnType<typeof startStack>>;
let api: ApiClient;
let browser: Browser;
let wechat: WechatStandin;
let fileDir: string;
const contexts: BrowserContext[] = [];
const console_: { page?: Page; errors: string[]; adminToken?: string; stationId?: string } = { errors: [] };

beforeAll(async () => {
  assertH5Built();
  fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-e2e-admin-'));
  wechat = await startWechatStandin();
  stack = await startStack({
    staticDir: H5_DIR,
    env: { DEV_LOGIN: '1', WECHAT_API_BASE: wechat.url, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret },
  });
  api = new ApiClient(stack.baseUrl);
  browser = await launchBrowser();
  console_.adminToken = await api.demoToken('demo-admin');
}, 180_000);

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await stack?.stop();
  await wechat?.stop();
  if (fileDir) fs.rmSync(fileDir, { recursive: true, force: true });
});

const go = (page: Page, route: string) => page.goto(`${stack.baseUrl}/#/${route}`);

/** A desktop-sized page, as the bureau's staff use the console. */
async function openDesktop(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

function adminPage(): Page {
  if (!console_.page) throw new Error('an earlier step failed');
  return console_.page;
}

/** A new resident as WeChat's login makes one, with a name and a bound phone; their token. */
async function newResident(openid: string, name: string, phone: string): Promise<string> {
  const { token } = await api.call<{ token: string }>('POST', '/api/auth/wechat', { code: `dev:${openid}` });
  await api.call('PATCH', '/api/me', { name }, token);
  await api.call('POST', '/api/me/phone', { code: wechat.control.issuePhoneCode(phone) }, token);
  return token;
}

describe('admin console (H5, desktop)', () => {
  test('when the admin signs in, then 我的 offers 管理后台 and it opens the stations page', async () => {
    const { page, errors } = await openDesktop();
    console_.page = page;
    console_.errors = errors;
    await go(page, 'pages/me/index');
    await page.getByTestId('me-sign-in').click();
    await page.getByTestId('demo-user').filter({ hasText: '城管局 管理员' }).click();
    await page.getByTestId('menu-admin').click();
    await page.getByTestId('station-table').waitFor();
    expect(await page.getByTestId('station-row').count()).toBe(12);
  });

  test('when the admin adds a station with its coordinates and puts an officer on its wall, then residents see both', async () => {
    const page = adminPage();
    const fill = (testId: string, value: string) => page.getByTestId(testId).locator('input').fill(value);
    await fill('station-name', STATION);
    await fill('station-community', '高新社区');
    await fill('station-address', '海安市高新区长江路 8 号');
    await fill('station-lat', '32.5581');
    await fill('station-lng', '120.4193');
    await fill('station-phone', '0513-88812345');
    await page.getByTestId('station-save').click();
    await page.getByTestId('station-form-done').filter({ hasText: STATION }).waitFor();
    await page.getByTestId('station-row-name').filter({ hasText: STATION }).waitFor();

    const stations = await api.call<AdminStationList>('GET', '/api/admin/stations', undefined, console_.adminToken);
    const made = stations.items.find((s) => s.name === STATION)!;
    expect(made).toMatchObject({ community: '高新社区', lat: 32.5581, lng: 120.4193, active: true });
    console_.stationId = made.id;

    await page.getByTestId('station-row').filter({ hasText: STATION }).getByTestId('station-roster').click();
    await page.getByTestId('roster-add').click();
    await page.getByTestId('roster-name').locator('input').fill('吴海涛');
    await page.getByTestId('roster-duties').locator('input').fill('巡查责任片区，受理居民诉求');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('roster-photo').click()]);
    await chooser.setFiles(await cameraJpegFile(fileDir, 'officer.jpg', { r: 60, g: 110, b: 170 }));
    await page.getByTestId('roster-photo').locator('img').waitFor();
    await page.getByTestId('roster-save').click();
    await page.getByTestId('roster-done').waitFor();
    await snap(page, 'admin-1-stations');

    const detail = await api.call<StationDetail>('GET', `/api/stations/${made.id}`);
    expect(detail.officers).toEqual([{ name: '吴海涛', role: '城管队员', duties: ['巡查责任片区', '受理居民诉求'], photoUrl: expect.stringMatching(/^\/api\/media\/[0-9a-f]{24}\?exp=/) }]);
    // Residents load the photo from its signed URL, with no token.
    expect((await api.photo(detail.officers[0].photoUrl!)).length).toBeGreaterThan(500);
  });

  test('when the admin finds people and appoints one officer of that station, then the officer sees its empty queue', async () => {
    const page = adminPage();
    // A WeChat user with a bound phone is found by its last 4 digits, the phone masked.
    await newResident(NEWCOMER_OPENID, '新居民 小吴', NEWCOMER_PHONE);
    await page.getByTestId('admin-nav-adminPeople').click();
    await page.getByTestId('people-q').locator('input').fill(NEWCOMER_PHONE.slice(-4));
    await page.getByTestId('people-search').click();
    const found = page.getByTestId('people-row').filter({ hasText: '新居民 小吴' });
    await found.waitFor();
    expect(await found.textContent()).toContain('139****7321');
    expect(await found.textContent()).not.toContain(NEWCOMER_PHONE);

    // The demo's 居民 李先生, found by name, becomes an officer of the new station.
    await page.getByTestId('people-q').locator('input').fill(OFFICER);
    await page.getByTestId('people-search').click();
    await page.getByTestId('people-row').filter({ hasText: OFFICER }).waitFor();
    expect(await page.getByTestId('people-row').count()).toBe(1);
    await page.getByTestId('appoint-role-officer').click();
    await page.getByTestId(`appoint-station-${console_.stationId}`).click();
    await page.getByTestId('appoint-save').click();
    await page.getByTestId('appoint-done').filter({ hasText: '城管队员' }).waitFor();
    expect(await page.getByTestId('people-role').first().textContent()).toBe('城管队员');
    // The station's people: now him.
    await page.getByTestId(`people-station-${console_.stationId}`).click();
    await page.getByTestId('people-row').filter({ hasText: OFFICER }).waitFor();
    expect(await page.getByTestId('people-row').count()).toBe(1);
    await snap(page, 'admin-2-people');

    const token = await api.demoToken('demo-resident-2');
    const me = await api.call<MeResponse>('GET', '/api/me', undefined, token);
    expect(me).toMatchObject({ role: 'officer', stationId: console_.stationId, community: '高新社区' });
    expect(await api.call<CasePage<StaffCaseView>>('GET', '/api/staff/cases', undefined, token)).toEqual({ items: [], next: null });

    // On his phone: 演示登录 as him, and the station's queue is empty.
    const phone = await openPhone(browser, contexts, { located: false });
    await go(phone.page, 'pages/me/index');
    await phone.page.getByTestId('me-sign-in').click();
    await phone.page.getByTestId('demo-user').filter({ hasText: OFFICER }).click();
    await phone.page.getByTestId('me-name').filter({ hasText: OFFICER }).waitFor();
    await go(phone.page, 'packages/staff/queue/index');
    await phone.page.getByTestId('staff-queue').waitFor();
    await phone.page.getByTestId('status-empty').filter({ hasText: '暂无案件' }).waitFor();
    expect(await phone.page.getByTestId('queue-list').count()).toBe(0);
    expect(phone.errors).toEqual([]);
  });

  test('when the admin imports a 12345 CSV with one bad row, then the page reports it with its reason and offers it for download', async () => {
    const page = adminPage();
    const csv = [
      'hotlineId,category,text,address,lat,lng',
      `E2E-${process.pid}-1,clutter,楼道里堆满纸箱,嘉麟社区 3 幢,32.5372,120.4597`,
      `E2E-${process.pid}-2,no_such_category,路灯不亮,平桥村,32.5551,120.4872`,
      `E2E-${process.pid}-3,street_vending,早上有摊贩占道,城南花苑二期北门,32.5176,120.4538`,
    ].join('\r\n');
    const file = path.join(fileDir, 'hotline.csv');
    fs.writeFileSync(file, `${csv}\r\n`);
    await page.getByTestId('admin-nav-adminHotline').click();
    await page.getByTestId('hotline-file').setInputFiles(file);
    await page.getByTestId('hotline-chosen').waitFor();
    await page.getByTestId('hotline-upload').click();
    await page.getByTestId('hotline-report').waitFor();
    expect(await page.getByTestId('hotline-summary').textContent()).toBe('已导入 2 条，重复 0 条，未导入 1 条');
    const bad = page.getByTestId('hotline-row-rejected');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toContain(`E2E-${process.pid}-2`);
    expect((await bad.getByTestId('hotline-reason').textContent())?.length).toBeGreaterThan(2);
    await snap(page, 'admin-3-hotline');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hotline-download-rejected').click()]);
    const saved = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(saved).toHaveLength(2);
    expect(saved[0]).toBe('hotlineId,category,text,address,lat,lng,reason');
    expect(saved[1].startsWith(`E2E-${process.pid}-2,no_such_category,`)).toBe(true);
  });

  test('when the admin opens categories and city figures, then the hotline cases count by station and category', async () => {
    const page = adminPage();
    // 嘉麟's officer handles the imported clutter case, so the figures have something closed.
    const officer = await api.demoToken('demo-officer-1');
    const queue = await api.call<CasePage<StaffCaseView>>('GET', '/api/staff/cases', undefined, officer);
    const clutter = queue.items.find((c) => c.category === 'clutter')!;
    for (const body of [{ move: 'accept' }, { move: 'start' }, { move: 'resolve', note: '已清理楼道纸箱', outcome: 'fixed' }]) {
      await api.call('POST', `/api/staff/cases/${clutter.id}/moves`, body, officer);
    }

    await page.getByTestId('admin-nav-adminCategories').click();
    await page.getByTestId('category-row').first().waitFor();
    expect(await page.getByTestId('category-row').count()).toBe(10);
    await snap(page, 'admin-4-categories');

    await page.getByTestId('admin-nav-adminFigures').click();
    await page.getByTestId('figures-row').first().waitFor();
    expect(await page.getByTestId('figures-label').allTextContents()).toContain(STATION);
    await page.getByTestId('figures-by-category').click();
    const clutterRow = page.getByTestId('figures-row').filter({ hasText: '乱堆乱放/环境卫生' });
    await clutterRow.waitFor();
    expect(await clutterRow.textContent()).toContain('100.0%'); // closed: 1 of 1
    expect(await page.getByTestId('chart-closureRate').getByTestId('bar-value').allTextContents()).toEqual(expect.arrayContaining(['100.0%', '0.0%']));
    await snap(page, 'admin-5-figures');
    expect(console_.errors).toEqual([]);
  });

  test('when a resident types an admin page path, then a polite refusal, not the console', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: false });
    await go(page, 'pages/me/index');
    await page.getByTestId('me-sign-in').click();
    await page.getByTestId('demo-user').filter({ hasText: '居民 张阿姨' }).click();
    await page.getByTestId('me-name').filter({ hasText: '居民 张阿姨' }).waitFor();
    expect(await page.getByTestId('menu-admin').count()).toBe(0);
    await go(page, 'packages/admin/stations/index');
    await page.getByTestId('role-refused').waitFor();
    expect(await page.getByTestId('station-table').count()).toBe(0);
    await snap(page, 'admin-6-refused');
    expect(errors).toEqual([]);
  });
});
