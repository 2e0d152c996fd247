// The staff workspaces on the H5 build against the real API and embedded database, each signed in
// through the demo login in a phone of its own: an officer works 张阿姨's case from 已提交 to
// 已办结 with an after-photo while her page shows each step; a lead creates an open-day session,
// a resident books it and the lead checks them in by their code; a secretary publishes a notice
// that a resident of 嘉麟社区 reads and a resident of 平桥村 never sees. A resident who types a
// staff page's path is refused politely.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { BookingView, EventList } from '@citycare/shared';
import { type ApiClient, cameraJpeg, cameraJpegFile } from './support/api';
import { startDemoStack, type DemoStack } from './support/demo-stack';
import { DemoPhones, fill, tap } from './support/demo-phones';
import { snap } from './support/phone';

jest.setTimeout(180_000);

const DESCRIPTION = '楼道口堆满纸箱和旧家具，挡住了消防通道';
const REPLY = '已联系物业，今天下午清理';
const NOTE = '物业经理电话已记下，明早回访';
const NOTICE = '关于本周六开展楼道清理的通知';

let demo: DemoStack;
let api: ApiClient;
let photoDir: string;

beforeAll(async () => {
  demo = await startDemoStack('staff');
  ({ api, photoDir } = demo);
  phones = new DemoPhones(demo);
}, 180_000);

afterAll(() => demo?.stop());

let phones: DemoPhones;
const go = (page: Page, route: string) => phones.go(page, route);
const reopen = (page: Page, route: string) => phones.reopen(page, route);
const signedIn = (name: string) => phones.signedIn(name);
const tokenOf = (openid: string) => phones.tokenOf(openid);

describe('officer works a case (H5)', () => {
  const s: { caseId?: string; resident?: Page; officer?: Page; errors: string[] } = { errors: [] };
  const residentCase = () => `packages/cases/detail/index?id=${s.caseId}`;
  const residentStatus = async (text: string) => {
    const page = s.resident as Page;
    await reopen(page, residentCase());
    await page.getByTestId('case-detail-status').filter({ hasText: text }).waitFor();
  };

  test('when a resident opens 我的 or types a staff page path, then there is no 工作台 and the page refuses politely', async () => {
    const { page, errors } = await signedIn('居民 张阿姨');
    s.resident = page;
    s.errors = errors;
    expect(await page.getByTestId('workbench').count()).toBe(0);
    await go(page, 'packages/staff/queue/index');
    await page.getByTestId('role-refused').waitFor();
    expect(await page.getByTestId('role-refused').textContent()).toContain('此页面仅供工作人员使用');
    expect(await page.getByTestId('queue-list').count()).toBe(0);
    await snap(page, 'staff-0-refused');

    // 张阿姨 reports (through the API: the report screen has its own journey test).
    const token = await tokenOf('demo-resident-1');
    const before = await api.upload(token, await cameraJpeg({ r: 150, g: 110, b: 70 }), 'before.jpg');
    const created = await fetch(`${demo.baseUrl}/api/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': `staff-e2e-${Date.now()}` },
      body: JSON.stringify({ category: 'clutter', description: DESCRIPTION, photos: [before.id], lat: 32.5372, lng: 120.4597, address: '嘉麟社区 3 幢 2 单元' }),
    });
    expect(created.status).toBe(201);
    s.caseId = ((await created.json()) as { case: { id: string } }).case.id;
    await residentStatus('已提交');
  });

  test('when the officer opens the queue, then the new case is under 待受理 with its countdown, and its page offers exactly 受理, 不予受理 and 合并', async () => {
    const { page, errors } = await signedIn('王晓东');
    s.officer = page;
    await tap(page.getByTestId('workbench-staffQueue'));
    const card = page.locator(`[data-testid="queue-card"][data-id="${s.caseId}"]`);
    await card.waitFor();
    expect(await page.getByTestId('queue-tab-new').textContent()).toMatch(/待受理 \d+/);
    expect(await card.getByTestId('queue-card-countdown').textContent()).toMatch(/^受理剩 \d/);
    await snap(page, 'staff-1-queue');
    await tap(card);
    await page.getByTestId('staff-case').waitFor();
    expect(await page.getByTestId('staff-case-description').textContent()).toBe(DESCRIPTION);
    // The reporter with a masked phone (张阿姨 bound none in the demo data, or it is masked).
    expect(await page.getByTestId('staff-case-reporter').textContent()).toContain('居民 张阿姨');
    const moves = await page.getByTestId('staff-case-actions').locator('[data-testid^="move-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(moves).toEqual(['move-accept', 'move-reject', 'move-merge']);
    expect(errors).toEqual([]);
  });

  test('when the officer accepts, then the resident sees 已受理', async () => {
    const page = s.officer as Page;
    await tap(page.getByTestId('move-accept'));
    await tap(page.getByTestId('move-submit'));
    await page.getByTestId('staff-case-status').filter({ hasText: '已受理' }).waitFor();
    await residentStatus('已受理');
  });

  test('when the officer replies and adds an internal note, then the resident sees the reply and not the note', async () => {
    const page = s.officer as Page;
    await fill(page.getByTestId('reply-text'), REPLY);
    await tap(page.getByTestId('reply-submit'));
    await page.getByTestId('reply-message').filter({ hasText: '已回复' }).waitFor();
    await tap(page.getByTestId('reply-kind-note'));
    await fill(page.getByTestId('reply-text'), NOTE);
    await tap(page.getByTestId('reply-submit'));
    await page.getByTestId('reply-message').filter({ hasText: '内部备注' }).waitFor();
    const note = page.locator('[data-testid="timeline-entry"][data-kind="note"]');
    await note.waitFor();
    expect(await note.textContent()).toContain(NOTE);

    const resident = s.resident as Page;
    await reopen(resident, residentCase());
    const reply = resident.locator('[data-testid="timeline-entry"][data-kind="reply"]');
    await reply.waitFor();
    expect(await reply.textContent()).toContain(REPLY);
    expect(await resident.locator('[data-testid="timeline-entry"][data-kind="note"]').count()).toBe(0);
    expect(await resident.getByTestId('case-timeline').textContent()).not.toContain(NOTE);
  });

  test('when the officer starts, then the resident sees 处置中; resolve asks for note and outcome first', async () => {
    const page = s.officer as Page;
    await tap(page.getByTestId('move-start'));
    await tap(page.getByTestId('move-submit'));
    await page.getByTestId('staff-case-status').filter({ hasText: '处置中' }).waitFor();
    expect(await page.getByTestId('staff-case-countdown').textContent()).toMatch(/^办结剩 /);
    await residentStatus('处置中');

    await tap(page.getByTestId('move-resolve'));
    await tap(page.getByTestId('move-submit'));
    expect(await page.getByTestId('move-message').textContent()).toBe('请填写办结说明');
  });

  test('when the officer resolves with a note, an outcome and an after-photo, then the resident sees 已办结 and 处理前 / 处理后', async () => {
    const page = s.officer as Page;
    const sheet = page.getByTestId('move-sheet');
    await fill(sheet.getByTestId('move-note'), '纸箱和旧家具已清走，消防通道畅通');
    await tap(sheet.getByTestId('move-outcome-fixed'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(sheet.getByTestId('photo-add'))]);
    await chooser.setFiles([await cameraJpegFile(photoDir, 'after.jpg', { r: 60, g: 170, b: 90 })]);
    await sheet.locator('[data-testid="photo-item"][data-status="uploaded"]').waitFor({ timeout: 60_000 });
    await snap(page, 'staff-2-resolve');
    await tap(sheet.getByTestId('move-submit'));
    await page.getByTestId('staff-case-status').filter({ hasText: '已办结' }).waitFor();
    expect(await page.getByTestId('staff-case-no-moves').count()).toBe(1); // an officer may not reopen
    await page.getByTestId('before-after').waitFor();
    await snap(page, 'staff-3-case');

    const resident = s.resident as Page;
    await residentStatus('已办结');
    const compare = resident.getByTestId('before-after');
    await compare.getByTestId('after-photo').waitFor();
    expect(await compare.getByTestId('before-photo').count()).toBe(1);
    expect(await resident.locator('[data-testid="timeline-entry"][data-move="resolve"]').textContent()).toContain('纸箱和旧家具已清走');
    expect(s.errors).toEqual([]);
  });

  test('when the officer logs a patrol and 发现问题, then saving the log raises a patrol case linked from today\'s log', async () => {
    const page = s.officer as Page;
    await go(page, 'packages/staff/patrol/index');
    await fill(page.getByTestId('patrol-area'), '中大街、星湖001 周边');
    await fill(page.getByTestId('patrol-notes'), '沿街商户门前整洁，一处占道');
    await tap(page.getByTestId('patrol-find'));
    const sheet = page.getByTestId('problem-sheet');
    await tap(sheet.getByTestId('problem-category-street_vending'));
    await fill(sheet.getByTestId('problem-description'), '水果摊占用人行道约三米');
    await fill(sheet.getByTestId('problem-address'), '中大街 18 号门前');
    await sheet.getByTestId('problem-address').filter({ hasText: '已定位' }).waitFor();
    await tap(sheet.getByTestId('problem-add'));
    expect(await page.getByTestId('patrol-problem').textContent()).toContain('中大街 18 号门前');
    await tap(page.getByTestId('patrol-save'));
    expect(await page.getByTestId('patrol-message').filter({ hasText: '已保存' }).textContent()).toBe('已保存，1 个问题已立案');
    const item = page.getByTestId('patrol-item').filter({ hasText: '中大街、星湖001 周边' });
    await item.waitFor();
    await tap(item.getByTestId('patrol-case'));
    await page.getByTestId('staff-case-description').filter({ hasText: '水果摊占用人行道约三米' }).waitFor();
    expect(await page.getByTestId('staff-case').textContent()).toContain('巡查发现');
    expect(s.errors).toEqual([]);
  });
});

describe('lead runs an open day (H5)', () => {
  const s: { lead?: Page; code?: string; bookingId?: string; resident?: string } = {};

  test('when the lead creates an open day and a session, then residents can see and book it', async () => {
    const { page, errors } = await signedIn('陈志强');
    s.lead = page;
    await tap(page.getByTestId('workbench-staffEvents'));
    await tap(page.getByTestId('event-new'));
    await fill(page.getByTestId('event-title'), '城管开放日：垃圾分类体验');
    await fill(page.getByTestId('event-description'), '现场了解垃圾分类，与队员面对面');
    await fill(page.getByTestId('event-place'), '工作站二楼会议室');
    await tap(page.getByTestId('event-save'));
    const event = page.getByTestId('staff-event').filter({ hasText: '城管开放日：垃圾分类体验' });
    await event.waitFor();
    await tap(event.getByTestId('session-new'));
    await fill(page.getByTestId('session-capacity'), '10');
    await tap(page.getByTestId('session-save'));
    await event.getByTestId('staff-session').waitFor();
    expect(await event.getByTestId('staff-session').textContent()).toContain('已约 0/10');
    await snap(page, 'staff-4-events');
    expect(errors).toEqual([]);

    // 李先生 books two seats (the booking screen has its own journey test).
    s.resident = await tokenOf('demo-resident-2');
    const upcoming = await api.call<EventList>('GET', '/api/events');
    const session = upcoming.items.find((e) => e.title === '城管开放日：垃圾分类体验')?.sessions[0];
    expect(session?.capacity).toBe(10);
    const booking = await api.call<BookingView>('POST', '/api/bookings', { sessionId: session?.id, partySize: 2 }, s.resident);
    expect(booking.status).toBe('confirmed');
    s.code = booking.code;
    s.bookingId = booking.id;
  });

  test('when the lead types the booking code, then the resident is checked in and the attendance shows it', async () => {
    const page = s.lead as Page;
    await page.reload();
    const event = page.getByTestId('staff-event').filter({ hasText: '城管开放日：垃圾分类体验' });
    await tap(event.getByTestId('staff-session').filter({ hasText: '已约 2/10' }));
    const row = page.locator(`[data-testid="attendance-row"][data-code="${s.code}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-checked-in')).toBe('0');
    expect(await page.getByTestId('attendance-totals').textContent()).toContain('已签到 0/2 人');

    // Typed as a resident reads it out: lower case, with a space.
    const code = s.code as string;
    await fill(page.getByTestId('checkin-code'), `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
    await tap(page.getByTestId('checkin-submit'));
    expect(await page.getByTestId('checkin-message').filter({ hasText: '已签到' }).textContent()).toContain('2 人');
    await page.locator(`[data-testid="attendance-row"][data-code="${code}"][data-checked-in="1"]`).waitFor();
    expect(await page.getByTestId('attendance-totals').textContent()).toContain('已签到 2/2 人');
    await snap(page, 'staff-5-checkin');

    // A second scan of the same code is no second check-in.
    await fill(page.getByTestId('checkin-code'), code);
    await tap(page.getByTestId('checkin-submit'));
    await page.getByTestId('checkin-message').waitFor();
    expect(await page.getByTestId('attendance-totals').textContent()).toContain('已签到 2/2 人');

    // The attendance export is the CSV of the list, with the check-in.
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page.getByTestId('attendance-export'))]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain(code);

    const booking = await api.call<BookingView>('GET', `/api/bookings/${s.bookingId}`, undefined, s.resident);
    expect(booking.checkedInAt).not.toBeNull();
  });

  test('when the lead lowers the seats below those booked, then they read why; raising them shows the new number', async () => {
    const page = s.lead as Page;
    await tap(page.getByTestId('capacity-edit'));
    await fill(page.getByTestId('capacity-input'), '1');
    await tap(page.getByTestId('capacity-save'));
    expect(await page.getByTestId('capacity-message').textContent()).toBe('已有 2 人预约，名额不能少于 2');
    await fill(page.getByTestId('capacity-input'), '12');
    await tap(page.getByTestId('capacity-save'));
    await page.getByTestId('session-capacity-line').filter({ hasText: '名额 12 人' }).waitFor();
    expect(await page.getByTestId('capacity-sheet').count()).toBe(0);
  });

  test('when an officer of the station opens 开放日签到, then they reach the session list to check residents in, and nothing to manage', async () => {
    const { page, errors } = await signedIn('王晓东');
    await go(page, 'pages/me/index');
    await tap(page.getByTestId('workbench-staffEvents'));
    const event = page.getByTestId('staff-event').filter({ hasText: '城管开放日：垃圾分类体验' });
    await event.waitFor();
    expect(await page.getByTestId('event-new').count()).toBe(0);
    expect(await event.getByTestId('session-new').count()).toBe(0);
    expect(await event.getByTestId('event-edit').count()).toBe(0);
    await tap(event.getByTestId('staff-session'));
    await page.locator(`[data-testid="attendance-row"][data-code="${s.code}"][data-checked-in="1"]`).waitFor();
    await page.getByTestId('checkin-code').waitFor();
    expect(await page.getByText('取消这个场次').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('secretary publishes a notice (H5)', () => {
  test('when the 嘉麟 secretary previews and publishes, then a 嘉麟 resident reads it, the read is counted, and a 平桥村 resident never sees it', async () => {
    const { page, errors } = await signedIn('嘉麟社区 刘书记');
    await tap(page.getByTestId('workbench-managedNotices'));
    await fill(page.getByTestId('notice-title'), NOTICE);
    await fill(page.getByTestId('notice-body'), '本周六上午九点起清理各楼道堆放物，请提前整理。');
    await tap(page.getByTestId('notice-preview'));
    expect(await page.getByTestId('notice-preview-title').textContent()).toBe(NOTICE);
    await snap(page, 'staff-6-notice-preview');
    await tap(page.getByTestId('notice-preview-publish'));
    const published = page.getByTestId('managed-notice').filter({ hasText: NOTICE });
    await published.waitFor();
    expect(await published.getByTestId('managed-notice-reads').textContent()).toContain('0 人已读');

    const neighbour = await signedIn('居民 张阿姨');
    await go(neighbour.page, 'packages/notices/list/index');
    const row = neighbour.page.getByTestId('notice-row').filter({ hasText: NOTICE });
    await row.waitFor();
    await tap(row);
    expect(await neighbour.page.getByTestId('notice-detail-title').textContent()).toBe(NOTICE);

    const elsewhere = await signedIn('居民 李先生');
    await go(elsewhere.page, 'packages/notices/list/index');
    // Their list has loaded: its notices, or nothing to show.
    await elsewhere.page.locator('[data-testid="notice-list"], [data-testid="status-empty"]').first().waitFor();
    expect(await elsewhere.page.getByTestId('notice-row').filter({ hasText: NOTICE }).count()).toBe(0);
    const theirs = await api.call<{ items: Array<{ title: string }> }>('GET', '/api/notices', undefined, await tokenOf('demo-resident-2'));
    expect(theirs.items.map((n) => n.title)).not.toContain(NOTICE);

    await page.reload();
    await page.getByTestId('managed-notice').filter({ hasText: NOTICE }).getByTestId('managed-notice-reads').filter({ hasText: '1 人已读' }).waitFor();
    await snap(page, 'staff-7-notices');
    expect(errors).toEqual([]);
  });

  test('when the secretary corrects the notice, then residents read the new title and its read count stays', async () => {
    const { page, errors } = await signedIn('嘉麟社区 刘书记');
    const corrected = `${NOTICE}（时间改为周日）`;
    await tap(page.getByTestId('managed-notice').filter({ hasText: NOTICE }).getByTestId('managed-notice-edit'));
    await fill(page.getByTestId('notice-edit-title'), corrected);
    await tap(page.getByTestId('notice-edit-save'));
    const edited = page.getByTestId('managed-notice').filter({ hasText: corrected });
    await edited.waitFor();
    expect(await edited.getByTestId('managed-notice-reads').textContent()).toContain('1 人已读');
    const theirs = await api.call<{ items: Array<{ title: string }> }>('GET', '/api/notices', undefined, await tokenOf('demo-resident-1'));
    expect(theirs.items.map((n) => n.title)).toContain(corrected);
    expect(errors).toEqual([]);
  });
});

describe('figures (H5)', () => {
  test('when the lead opens 本站数据, then the numbers and the 三率 chart show for this week and month', async () => {
    const { page, errors } = await signedIn('陈志强');
    await go(page, 'pages/me/index');
    await tap(page.getByTestId('workbench-figures'));
    await page.getByTestId('figures-numbers').waitFor();
    expect(await page.getByTestId('figure-closure').textContent()).toMatch(/%|—/);
    await page.getByTestId('chart-rates').locator('canvas').first().waitFor();
    await snap(page, 'staff-8-figures');
    await tap(page.getByTestId('figures-period-month'));
    await page.getByTestId('figures-numbers').waitFor();
    expect(errors).toEqual([]);
  });
});
