// The resident journey on the H5 build against the real API and embedded database, step by
// step (each test continues where the last one stopped): 张阿姨 signs in, finds the nearest
// station and reports a problem with two photos the test makes; a neighbour starting a second
// report at the same spot sees 附近已有人反映 and follows instead (我也遇到); an officer (through
// the API) accepts, replies with a photo and resolves with an after-photo; 张阿姨 sees the reply
// and the before/after photos, rates 2 and sees the case reopened, adds 补充说明; she books an
// open-day seat, reads a notice, turns on 长辈模式, exports her data and deletes her account.
import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { CaseDetail, MyDataExport, StaffCaseView } from '@citycare/shared';
import { type ApiClient, cameraJpeg, cameraJpegFile, heavyPhoto, metadataLeft } from './support/api';
import { startDemoStack, type DemoStack } from './support/demo-stack';
import { JIALIN, openPhone, snap, tapMiddle } from './support/phone';

jest.setTimeout(180_000);

const DAY = 24 * 3600_000;
const PHOTO_BUDGET_BYTES = 400 * 1024;
const DESCRIPTION = '小区门口人行道上有流动摊贩占道经营，行人只能走机动车道';
const REPLY = '已到现场劝离摊贩，并张贴了提示';

let demo: DemoStack;
let api: ApiClient;
let browser: Browser;
let contexts: BrowserContext[];
let photoDir: string;

/** The journey's state, carried from step to step. */
const journey: {
  page?: Page;
  errors: string[];
  /** The session token 张阿姨's page sends (to check it is dead after she deletes her account). */
  token?: string;
  uploads: Array<{ bytes: number | null; width: number; height: number }>;
  caseId?: string;
  neighbour?: { page: Page; errors: string[] };
} = { errors: [], uploads: [] };

beforeAll(async () => {
  demo = await startDemoStack('photos');
  ({ api, browser, photoDir, contexts } = demo);

  // The station's lead schedules an open day; the 嘉麟 secretary posts a notice.
  const lead = await api.demoToken('demo-lead-1');
  const event = await api.call<{ id: string }>('POST', '/api/staff/events', { title: '城管开放日：走进工作站', kind: 'open_day', description: '参观工作站，与队员面对面交流', place: '工作站一楼' }, lead);
  const start = Date.now() + 3 * DAY;
  await api.call('POST', `/api/staff/events/${event.id}/sessions`, {
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3600_000).toISOString(),
    cancelCutoffAt: new Date(start - DAY).toISOString(),
    capacity: 20,
  }, lead);
  const secretary = await api.demoToken('demo-secretary-1');
  await api.call('POST', '/api/notices', { title: '关于规范小区停车的通知', body: '请各位居民将车辆停放在划线车位内，不要占用消防通道。' }, secretary);
}, 180_000);

afterAll(() => demo?.stop());

const go = (page: Page, route: string) => page.goto(`${demo.baseUrl}/#/${route}`);

async function fontSizePx(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
}

/** Waits until every <img> under `photos` has loaded from its signed URL; answers how many. */
async function loadedImages(photos: Locator): Promise<number> {
  const count = await photos.count();
  for (let i = 0; i < count; i++) {
    const img = photos.nth(i).locator('img');
    await img.scrollIntoViewIfNeeded();
    await img.evaluate(
      (el) =>
        new Promise<void>((resolve, reject) => {
          const image = el as unknown as { complete: boolean; naturalWidth: number; addEventListener(e: string, f: () => void): void };
          const check = () => (image.complete && image.naturalWidth > 0 ? resolve() : undefined);
          image.addEventListener('load', check);
          image.addEventListener('error', () => reject(new Error('image failed to load')));
          check();
          setTimeout(() => reject(new Error('image did not load in 10 s')), 10_000);
        }),
    );
  }
  return count;
}

function resident(): { page: Page; errors: string[] } {
  if (!journey.page) throw new Error('an earlier step of the journey failed');
  return { page: journey.page, errors: journey.errors };
}

async function officerView(officer: string): Promise<CaseDetail<StaffCaseView>> {
  return api.call<CaseDetail<StaffCaseView>>('GET', `/api/staff/cases/${journey.caseId}`, undefined, officer);
}

describe('resident journey (H5)', () => {
  test('when 张阿姨 signs in, then 首页 shows her nearest station', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: true });
    journey.page = page;
    journey.errors = errors;
    page.on('request', (req) => {
      const auth = req.headers().authorization;
      if (auth?.startsWith('Bearer ')) journey.token = auth.slice('Bearer '.length);
    });
    page.on('requestfinished', async (req) => {
      if (!req.url().endsWith('/api/media') || req.method() !== 'POST') return;
      const body = (await (await req.response())?.json()) as { width: number; height: number };
      journey.uploads.push({ bytes: req.postDataBuffer()?.length ?? null, width: body.width, height: body.height });
    });

    await go(page, 'pages/me/index');
    await page.getByTestId('me-sign-in').click();
    await page.getByTestId('demo-user').filter({ hasText: '居民 张阿姨' }).click();
    await page.getByTestId('me-name').filter({ hasText: '居民 张阿姨' }).waitFor();

    await go(page, 'pages/index/index');
    expect(await page.getByTestId('nearest-name').textContent()).toBe(JIALIN);
    await snap(page, 'journey-1-home');
  });

  test('when she reports with two photos, then they are resized on the phone and stored without EXIF', async () => {
    const { page } = resident();
    await go(page, 'pages/report/index');
    await page.getByTestId('category-street_vending').click();
    expect(await page.getByTestId('category-promise').textContent()).toContain('2 小时内受理');
    await page.getByTestId('report-description').locator('textarea').fill(DESCRIPTION);
    expect(await page.getByTestId('report-description-counter').textContent()).toBe(`${DESCRIPTION.length}/500`);
    // A heavy photo the phone must shrink, and a camera JPEG with GPS in its EXIF it sends as it is.
    const jpeg = await cameraJpeg({ r: 200, g: 90, b: 40 });
    expect(await metadataLeft(jpeg)).toContain('exif');
    const files = [await heavyPhoto(photoDir, 'a.png', 1), await cameraJpegFile(photoDir, 'b.jpg', { r: 200, g: 90, b: 40 })];
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('photo-add').click()]);
    await chooser.setFiles(files);
    await page.locator('[data-testid="photo-item"][data-status="uploaded"]').nth(1).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('photo-item').count()).toBe(2);
    await page.getByTestId('report-place-status').filter({ hasText: '已定位' }).waitFor();
    await page.getByTestId('report-address').locator('input').fill('嘉麟社区北门人行道');
    await page.getByTestId('report-public-description').click();
    await snap(page, 'journey-2-report');
    expect(await page.getByTestId('nearby-cases').count()).toBe(0); // nobody reported it yet
    await page.getByTestId('report-review').click();
    await page.getByTestId('report-summary').waitFor();
    await snap(page, 'journey-3-summary');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-sent').waitFor();

    // P7: what the client sent was resized on the device.
    expect(journey.uploads).toHaveLength(2);
    for (const upload of journey.uploads) {
      expect(Math.max(upload.width, upload.height)).toBeLessThanOrEqual(1600);
      if (upload.bytes !== null) expect(upload.bytes).toBeLessThanOrEqual(PHOTO_BUDGET_BYTES + 1024);
    }

    // 我的报事 › 我报的 lists it, with its first photo.
    await go(page, 'pages/cases/index');
    const card = page.getByTestId('my-cases-mine').getByTestId('case-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('小区门口人行道上有流动摊贩');
    expect(await card.getByTestId('case-status').textContent()).toBe('已提交');
    expect(await loadedImages(card.getByTestId('case-card-photo'))).toBe(1);
    await card.click();
    await page.getByTestId('case-detail').waitFor();
    journey.caseId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? undefined;
    expect(journey.caseId).toMatch(/^[0-9a-f]{24}$/);
    expect(await loadedImages(page.getByTestId('case-photo'))).toBe(2);

    // The stored copies (through the signed URLs the API gives) carry no EXIF, XMP or ICC.
    const officer = await api.demoToken('demo-officer-1');
    const stored = (await officerView(officer)).case.photos;
    expect(stored).toHaveLength(2);
    for (const photo of stored) {
      expect(await metadataLeft(await api.photo(photo.url))).toEqual([]);
      expect(await metadataLeft(await api.photo(photo.thumbUrl))).toEqual([]);
    }
  });

  test('when a neighbour starts a second report at the same spot, then 附近已有人反映 offers 我也遇到 and she follows instead', async () => {
    const neighbour = await openPhone(browser, contexts, { located: true });
    journey.neighbour = neighbour;
    const { page } = neighbour;
    await go(page, 'packages/account/sign-in/index?back=report');
    await page.getByTestId('sign-in-new').click();
    await page.getByTestId('report-page').waitFor();
    await go(page, 'pages/report/index');
    await page.getByTestId('category-street_vending').click();
    await page.getByTestId('report-place-status').filter({ hasText: '已定位' }).waitFor();
    const nearby = page.getByTestId('nearby-case');
    await nearby.first().waitFor();
    expect(await nearby.count()).toBe(1);
    expect(await nearby.textContent()).toContain(DESCRIPTION); // 张阿姨 let neighbours read it
    expect(await nearby.textContent()).toContain('1 人反映');
    await page.getByTestId('nearby-cases').scrollIntoViewIfNeeded();
    await snap(page, 'journey-4-nearby');
    await nearby.getByTestId('nearby-follow').click();
    await page.getByTestId('report-followed').waitFor();

    // 我的报事 › 我关注的: the public view — her description, no photos, no address.
    await go(page, 'pages/cases/index');
    await page.getByTestId('my-cases-tab-following').click();
    const card = page.getByTestId('my-cases-following').getByTestId('case-card');
    await card.waitFor();
    expect(await card.getByTestId('case-following').textContent()).toBe('我也遇到');
    expect(await card.getByTestId('case-card-photo').count()).toBe(0);
    await snap(page, 'journey-5-following');
    await card.click();
    await page.getByTestId('case-detail-following').waitFor();
    expect(await page.getByTestId('case-detail-description').textContent()).toBe(DESCRIPTION);
    expect(await page.getByTestId('case-photo').count()).toBe(0);

    // 我的 › 我的社区, suggested from the nearest station.
    await go(page, 'pages/me/index');
    expect(await page.getByTestId('me-community').textContent()).toBe('未选择');
    await page.getByTestId('menu-community').click();
    const suggestion = page.getByTestId('community-suggestion');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('嘉麟社区');
    expect(await suggestion.textContent()).toContain(`离您最近的工作站：${JIALIN}`);
    await snap(page, 'journey-6-community');
    await suggestion.click();
    await page.getByTestId('me-community').filter({ hasText: '嘉麟社区' }).waitFor();
  });

  test('when a browser gives no location, then the resident reports by choosing the community, and the case goes to its station', async () => {
    const { page, errors } = await openPhone(browser, contexts, { located: false });
    await go(page, 'packages/account/sign-in/index?back=report');
    await page.getByTestId('sign-in-new').click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('category-street_vending').click();
    await page.getByTestId('report-description').locator('textarea').fill('村口路边有人摆摊卖菜，占了半条路');
    await page.getByTestId('report-place-failure').filter({ hasText: '按社区选择位置' }).waitFor();
    await page.getByTestId('report-address').locator('input').fill('平桥村村委会西侧路口');
    await tapMiddle(page, page.getByTestId('report-choose-community'));
    await page.getByTestId('community-place-search').locator('input').fill('平桥');
    const option = page.getByTestId('community-place-option');
    await option.first().waitFor();
    expect(await option.count()).toBe(1);
    await snap(page, 'report-community-place');
    await tapMiddle(page, option.first());
    expect(await page.getByTestId('report-place-status').textContent()).toBe('平桥村（工作站位置）');
    await snap(page, 'report-community-placed');
    await page.getByTestId('report-review').click();
    await page.getByTestId('report-summary').waitFor();
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-sent').waitFor();

    await go(page, 'pages/cases/index');
    const card = page.getByTestId('my-cases-mine').getByTestId('case-card').first();
    await card.waitFor();
    await card.click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-detail').textContent()).toContain('海安市城管局平桥村工作站');
    expect(await page.getByTestId('case-detail').textContent()).toContain('平桥村村委会西侧路口');
    expect(errors).toEqual([]);
  });

  test('when the officer accepts, replies with a photo and resolves with an after-photo, then both residents see the reply', async () => {
    const officer = await api.demoToken('demo-officer-1');
    const id = journey.caseId as string;
    await api.call('POST', `/api/staff/cases/${id}/moves`, { move: 'accept' }, officer);
    const replyPhoto = await api.upload(officer, await cameraJpeg({ r: 40, g: 120, b: 200 }), 'reply.jpg');
    await api.call('POST', `/api/staff/cases/${id}/replies`, { text: REPLY, photos: [replyPhoto.id] }, officer);
    await api.call('POST', `/api/staff/cases/${id}/moves`, { move: 'start' }, officer);
    const afterPhoto = await api.upload(officer, await cameraJpeg({ r: 60, g: 170, b: 90 }), 'after.jpg');
    await api.call('POST', `/api/staff/cases/${id}/moves`, { move: 'resolve', note: '摊贩已清离，人行道恢复通行', outcome: 'fixed', photos: [afterPhoto.id] }, officer);
    // The officer's camera EXIF went no further than the upload.
    expect(await metadataLeft(await api.photo(afterPhoto.url))).toEqual([]);

    // The neighbour sees the reply in the public timeline, without its photo.
    const { page } = journey.neighbour as { page: Page };
    await go(page, `packages/cases/detail/index?id=${id}`);
    const reply = page.locator('[data-testid="timeline-entry"][data-kind="reply"]');
    await reply.waitFor();
    expect(await reply.textContent()).toContain(REPLY);
    expect(await page.getByTestId('timeline-photo').count()).toBe(0);
    expect(await page.getByTestId('case-detail-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('rating-form').count()).toBe(0);
  });

  test('when 张阿姨 opens her case, then she sees the reply with its photo and the before/after photos side by side', async () => {
    const { page } = resident();
    await go(page, `packages/cases/detail/index?id=${journey.caseId}`);
    await page.getByTestId('case-detail-status').filter({ hasText: '已办结' }).waitFor();
    const reply = page.locator('[data-testid="timeline-entry"][data-kind="reply"]');
    expect(await reply.textContent()).toContain(REPLY);
    expect(await loadedImages(reply.getByTestId('timeline-photo'))).toBe(1);
    const beforeAfter = page.getByTestId('before-after');
    expect(await loadedImages(beforeAfter.getByTestId('before-photo'))).toBe(1);
    expect(await loadedImages(beforeAfter.getByTestId('after-photo'))).toBe(1);
    const [before, after] = await Promise.all([beforeAfter.getByTestId('before').boundingBox(), beforeAfter.getByTestId('after').boundingBox()]);
    expect(Math.abs((before?.y ?? 0) - (after?.y ?? -1))).toBeLessThan(2); // side by side
    expect((after?.x ?? 0) - (before?.x ?? 0)).toBeGreaterThan((before?.width ?? 0) - 1);
    await beforeAfter.scrollIntoViewIfNeeded();
    await snap(page, 'journey-7-before-after');
  });

  test('when she rates it 2 stars, then she was told beforehand and the case is reopened (重办)', async () => {
    const { page } = resident();
    expect(await page.getByTestId('rating-notice').textContent()).toContain('≤2 星将重新办理');
    await page.getByTestId('star-2').click();
    await page.getByTestId('rating-reopen-warning').waitFor();
    await page.getByTestId('rating-comment').locator('textarea').fill('晚上摊贩又回来了');
    await page.getByTestId('rating-form').scrollIntoViewIfNeeded();
    await snap(page, 'journey-8-rating');
    await tapMiddle(page, page.getByTestId('rating-submit'));
    await page.getByTestId('case-detail-status').filter({ hasText: '处置中' }).waitFor();
    expect(await page.locator('[data-testid="timeline-entry"][data-move="reopen"]').count()).toBe(1);
    expect(await page.locator('[data-testid="timeline-entry"][data-kind="rating"]').textContent()).toContain('2 星');
    expect(await page.getByTestId('case-detail-rating').textContent()).toContain('2 星');
    expect(await page.getByTestId('rating-form').count()).toBe(0);
  });

  test('when she adds 补充说明 with a photo to the reopened case, then it shows in her timeline', async () => {
    const { page } = resident();
    await page.getByTestId('supplement-open').click();
    await page.getByTestId('supplement-text').locator('textarea').fill('每天晚上七点后摊贩又出现');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('supplement-form').getByTestId('photo-add').click()]);
    await chooser.setFiles([await cameraJpegFile(photoDir, 'c.jpg', { r: 120, g: 60, b: 160 })]);
    await page.getByTestId('supplement-form').locator('[data-testid="photo-item"][data-status="uploaded"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('supplement-submit').click();
    await page.getByTestId('supplement-message').filter({ hasText: '已补充' }).waitFor();
    const entry = page.locator('[data-testid="timeline-entry"][data-kind="supplement"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('每天晚上七点后摊贩又出现');
    expect(await loadedImages(entry.getByTestId('timeline-photo'))).toBe(1);
  });

  test('when she books an open-day seat for two, then she sees the QR code, and can cancel', async () => {
    const { page } = resident();
    await go(page, 'packages/events/list/index');
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
    await snap(page, 'journey-9-booking-qr');
    // The booking page has pull-to-refresh (a waiting resident's place in line): taps go by position there (phone.ts).
    await tapMiddle(page, page.getByTestId('booking-cancel'));
    await tapMiddle(page, page.getByTestId('booking-cancel-confirm'));
    await page.getByTestId('booking-page-status').filter({ hasText: '已取消' }).waitFor();
    expect(await page.getByTestId('booking-qr').count()).toBe(0);
  });

  test('when she reads the notice, then it is unread first and read after opening it', async () => {
    const { page } = resident();
    await go(page, 'packages/notices/list/index');
    const row = page.getByTestId('notice-list').getByTestId('notice-row').filter({ hasText: '关于规范小区停车的通知' });
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('1');
    await row.click();
    await page.getByTestId('notice-detail-title').filter({ hasText: '关于规范小区停车的通知' }).waitFor();
    expect(await page.getByTestId('notice-detail-body').textContent()).toContain('消防通道');
    await page.goBack();
    await page.getByTestId('notice-list').locator('[data-testid="notice-row"][data-unread="0"]').filter({ hasText: '关于规范小区停车的通知' }).waitFor();
  });

  test('when she turns on 长辈模式, then the text is measurably larger, everywhere at once', async () => {
    const { page } = resident();
    await go(page, 'pages/me/index');
    const before = await fontSizePx(page, 'me-name');
    await page.getByTestId('elder-mode').click();
    await page.locator('[data-testid="me-page"][data-elder="1"]').waitFor();
    const after = await fontSizePx(page, 'me-name');
    expect(after).toBeGreaterThan(before * 1.1);
    await go(page, 'pages/index/index');
    await page.locator('[data-testid="home-page"][data-elder="1"]').waitFor();
    await snap(page, 'journey-10-elder-home');
    await go(page, 'pages/me/index');
    await page.getByTestId('elder-mode').click(); // back to the normal size for the last steps
    await page.locator('[data-testid="me-page"][data-elder="0"]').waitFor();
  });

  test('when she exports her data, then a JSON file with everything held about her downloads', async () => {
    const { page } = resident();
    await go(page, 'pages/me/index');
    await page.getByTestId('menu-my-data').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-data').click()]);
    expect(download.suggestedFilename()).toMatch(/^citycare-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8')) as MyDataExport;
    expect(data.user.name).toBe('居民 张阿姨');
    expect(data.cases.map((c) => c.id)).toEqual([journey.caseId]);
    expect(data.bookings).toHaveLength(1);
    expect(data.ratings).toEqual([expect.objectContaining({ caseId: journey.caseId, score: 2, comment: '晚上摊贩又回来了' })]);
    expect(data.photos).toHaveLength(3); // two reported, one in 补充说明
    expect(data.noticeReads).toHaveLength(1);
    await page.getByTestId('export-done').waitFor();
    await snap(page, 'journey-11-my-data');
  });

  test('when she deletes her account, then she is told what happens, asked once more, signed out, and her token is dead', async () => {
    const { page, errors } = resident();
    const token = journey.token as string;
    expect(await api.meStatus(token)).toBe(200);
    await page.getByTestId('delete-account').click();
    const sheet = page.getByTestId('delete-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('无法恢复');
    await snap(page, 'journey-12-delete');
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('account-deleted').waitFor();
    expect(await api.meStatus(token)).toBe(401);
    await go(page, 'pages/me/index');
    await page.getByTestId('me-name').filter({ hasText: '未登录' }).waitFor();

    expect(errors).toEqual([]);
    expect(journey.neighbour?.errors).toEqual([]);
  });
});
