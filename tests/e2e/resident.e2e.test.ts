// The resident journey on the H5 build against the real API and embedded database, as far as
// today's server goes: demo sign-in, nearest station, a report with two photos the test makes,
// 我的报事, an open-day booking with its QR code and its cancellation, a notice, 长辈模式.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWechatStandin, type WechatStandin } from '../../server/src/modules/wechat/standin';
import { startStack } from '../support/stack';
import { assertH5Built, H5_DIR, JIALIN, launchBrowser, openPhone, snap } from './support/phone';

jest.setTimeout(240_000);

const DAY = 24 * 3600_000;
const PHOTO_BUDGET_BYTES = 400 * 1024;

let stack: Awaited<ReturnType<typeof startStack>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let photoDir: string;
let wechat: WechatStandin;

async function api<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${stack.baseUrl}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const demoToken = async (openid: string) => (await api<{ token: string }>('POST', '/api/auth/dev', { openid })).token;

/** Noise is what makes a phone photo heavy: 3000×2000 of it is several MB as a PNG. */
async function makePhoto(name: string, seed: number): Promise<string> {
  const width = 3000;
  const height = 2000;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (x >> 16) & 0xff;
  }
  const file = path.join(photoDir, name);
  await sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toFile(file);
  return file;
}

beforeAll(async () => {
  assertH5Built();
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-e2e-photos-'));
  // The local WeChat stand-in answers the content check (msg_sec_check) and login codes, as in `npm start`.
  wechat = await startWechatStandin();
  stack = await startStack({
    staticDir: H5_DIR,
    env: { DEV_LOGIN: '1', WECHAT_API_BASE: wechat.url, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret },
  });
  browser = await launchBrowser();

  // The station's lead schedules an open day; the 嘉麟 secretary posts a notice.
  const lead = await demoToken('demo-lead-1');
  const event = await api<{ id: string }>('POST', '/api/staff/events', { title: '城管开放日：走进工作站', kind: 'open_day', description: '参观工作站，与队员面对面交流', place: '工作站一楼' }, lead);
  const start = Date.now() + 3 * DAY;
  await api('POST', `/api/staff/events/${event.id}/sessions`, {
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3600_000).toISOString(),
    cancelCutoffAt: new Date(start - DAY).toISOString(),
    capacity: 20,
  }, lead);
  const secretary = await demoToken('demo-secretary-1');
  await api('POST', '/api/notices', { title: '关于规范小区停车的通知', body: '请各位居民将车辆停放在划线车位内，不要占用消防通道。' }, secretary);
}, 180_000);

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await stack?.stop();
  await wechat?.stop();
  if (photoDir) fs.rmSync(photoDir, { recursive: true, force: true });
});

async function fontSizePx(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
}

describe('resident journey (H5)', () => {
  test('when a resident signs in, reports, books, reads and turns on 长辈模式, then each step shows what they did', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: true });
    const uploads: Array<{ bytes: number | null; width: number; height: number }> = [];
    page.on('requestfinished', async (req) => {
      if (!req.url().endsWith('/api/media') || req.method() !== 'POST') return;
      const body = (await (await req.response())?.json()) as { width: number; height: number };
      uploads.push({ bytes: req.postDataBuffer()?.length ?? null, width: body.width, height: body.height });
    });

    // 1. Demo sign-in from 我的.
    await page.goto(`${stack.baseUrl}/#/pages/me/index`);
    await page.getByTestId('me-sign-in').click();
    await page.getByTestId('demo-user').filter({ hasText: '居民 张阿姨' }).click();
    await page.getByTestId('me-name').filter({ hasText: '居民 张阿姨' }).waitFor();

    // 2. The nearest station on 首页.
    await page.goto(`${stack.baseUrl}/#/pages/index/index`);
    expect(await page.getByTestId('nearest-name').textContent()).toBe(JIALIN);
    await snap(page, 'journey-1-home');

    // 3. 随手拍 with two generated photos.
    await page.goto(`${stack.baseUrl}/#/pages/report/index`);
    await page.getByTestId('category-street_vending').click();
    expect(await page.getByTestId('category-promise').textContent()).toContain('2 小时内受理');
    const description = '小区门口人行道上有流动摊贩占道经营，行人只能走机动车道';
    await page.getByTestId('report-description').locator('textarea').fill(description);
    expect(await page.getByTestId('report-description-counter').textContent()).toBe(`${description.length}/500`);
    const files = [await makePhoto('a.png', 1), await makePhoto('b.png', 2)];
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('photo-add').click()]);
    await chooser.setFiles(files);
    await page.locator('[data-testid="photo-item"][data-status="uploaded"]').nth(1).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('photo-item').count()).toBe(2);
    await page.getByTestId('report-place-status').filter({ hasText: '已定位' }).waitFor();
    await page.getByTestId('report-address').locator('input').fill('嘉麟社区北门人行道');
    await snap(page, 'journey-2-report');
    await page.getByTestId('report-review').click();
    await page.getByTestId('report-summary').waitFor();
    await snap(page, 'journey-3-summary');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-sent').waitFor();

    // P7: what the client sent was resized on the device.
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) {
      expect(Math.max(upload.width, upload.height)).toBeLessThanOrEqual(1600);
      if (upload.bytes !== null) expect(upload.bytes).toBeLessThanOrEqual(PHOTO_BUDGET_BYTES + 1024);
    }

    // 4. 我的报事 lists it.
    await page.goto(`${stack.baseUrl}/#/pages/cases/index`);
    const card = page.getByTestId('case-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('小区门口人行道上有流动摊贩');
    expect(await card.getByTestId('case-status').textContent()).toBe('已提交');
    await snap(page, 'journey-4-my-cases');
    await card.click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('photo-placeholder').textContent()).toContain('2 张照片');
    expect(await page.getByTestId('timeline-entry').count()).toBeGreaterThan(0);

    // 5. Book an open-day seat for two, see the QR code, cancel.
    await page.goto(`${stack.baseUrl}/#/packages/events/list/index`);
    await page.getByTestId('event-card').first().click();
    await page.getByTestId('session-book').first().click();
    await page.getByTestId('party-plus').click();
    expect(await page.getByTestId('party-size').textContent()).toBe('2');
    await page.getByTestId('book-confirm').click();
    const qr = page.getByTestId('booking-qr');
    await qr.waitFor();
    expect(Number(await qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(await page.getByTestId('booking-page-status').textContent()).toBe('已预约');
    await snap(page, 'journey-5-booking-qr');
    await page.getByTestId('booking-cancel').click();
    await page.getByTestId('booking-cancel-confirm').click();
    await page.getByTestId('booking-page-status').filter({ hasText: '已取消' }).waitFor();
    expect(await page.getByTestId('booking-qr').count()).toBe(0);

    // 6. Read the notice: unread first, read after opening it.
    await page.goto(`${stack.baseUrl}/#/packages/notices/list/index`);
    const row = page.getByTestId('notice-list').getByTestId('notice-row').filter({ hasText: '关于规范小区停车的通知' });
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('1');
    await row.click();
    await page.getByTestId('notice-detail-title').filter({ hasText: '关于规范小区停车的通知' }).waitFor();
    expect(await page.getByTestId('notice-detail-body').textContent()).toContain('消防通道');
    await snap(page, 'journey-6-notice');
    await page.goBack();
    await page.getByTestId('notice-list').locator('[data-testid="notice-row"][data-unread="0"]').filter({ hasText: '关于规范小区停车的通知' }).waitFor();

    // 7. 长辈模式: the text gets measurably larger, everywhere at once.
    await page.goto(`${stack.baseUrl}/#/pages/me/index`);
    const before = await fontSizePx(page, 'me-name');
    await page.getByTestId('elder-mode').click();
    await page.locator('[data-testid="me-page"][data-elder="1"]').waitFor();
    const after = await fontSizePx(page, 'me-name');
    expect(after).toBeGreaterThan(before * 1.1);
    await snap(page, 'journey-7-elder-me');
    await page.goto(`${stack.baseUrl}/#/pages/index/index`);
    await page.locator('[data-testid="home-page"][data-elder="1"]').waitFor();
    await snap(page, 'journey-8-elder-home');

    expect(errors).toEqual([]);
  });
});
