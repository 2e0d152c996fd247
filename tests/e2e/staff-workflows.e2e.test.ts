// The moves that take a case out of one officer's hands, on the H5 build against the real API and
// embedded database: an officer merges 李先生's report into 张阿姨's earlier one through the picker
// of nearby cases, and 李先生's page then says so and leads to the merged case; a lead transfers a
// case to the 平桥村 station, whose officer finds it in their queue while it leaves this one; a
// community secretary raises a problem by 吹哨 and the station's officer finds it in the queue; a
// lead adds a stall zone where they stand, residents find it on the station's page, and the lead
// edits and removes it.
import type { Page } from 'playwright-core';
import type { ApiClient } from './support/api';
import { startDemoStack, type DemoStack } from './support/demo-stack';
import { DemoPhones, fill, tap } from './support/demo-phones';
import { snap } from './support/phone';

jest.setTimeout(180_000);

const FIRST = '小区北门外人行道上堆放了大量建筑垃圾';
const SECOND = '北门外人行道有一堆建筑垃圾没人清理';
const ELSEWHERE = '村口桥头有人长期占道摆摊卖水果';
const WHISTLE = '嘉麟社区菜场门口早高峰流动摊贩聚集，需城管协同整治';

let demo: DemoStack;
let api: ApiClient;
let phones: DemoPhones;

beforeAll(async () => {
  demo = await startDemoStack('staff-workflows');
  api = demo.api;
  phones = new DemoPhones(demo);
}, 180_000);

afterAll(() => demo?.stop());

let reports = 0;

/** A report through the API (the report screen has its own journey test), beside 嘉麟社区. */
async function report(openid: string, description: string, category: string, at = { lat: 32.5372, lng: 120.4597 }): Promise<string> {
  const token = await phones.tokenOf(openid);
  const res = await fetch(`${demo.baseUrl}/api/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': `moves-e2e-${Date.now()}-${++reports}` },
    body: JSON.stringify({ category, description, photos: [], ...at, address: '嘉麟社区北门', publicDescription: true }),
  });
  expect([res.status, res.status === 201 ? '' : await res.text()]).toEqual([201, '']);
  return ((await res.json()) as { case: { id: string } }).case.id;
}

const queueCard = (page: Page, id: string) => page.locator(`[data-testid="queue-card"][data-id="${id}"]`);

async function openQueue(page: Page): Promise<void> {
  await phones.reopen(page, 'packages/staff/queue/index');
  await page.getByTestId('queue-list').waitFor();
}

describe('merge and transfer (H5)', () => {
  const s: { first?: string; second?: string; elsewhere?: string } = {};

  test('when the officer merges a report into the earlier one nearby, then its reporter reads that it was merged and opens the merged case', async () => {
    s.first = await report('demo-resident-1', FIRST, 'clutter');
    s.second = await report('demo-resident-2', SECOND, 'clutter', { lat: 32.5373, lng: 120.4598 });
    const { page, errors } = await phones.signedIn('王晓东');
    await phones.reopen(page, `packages/staff/case/index?id=${s.second}`);
    await page.getByTestId('staff-case').waitFor();
    await tap(page.getByTestId('move-merge'));
    const target = page.getByTestId('merge-target').filter({ hasText: FIRST });
    await target.waitFor();
    await snap(page, 'staff-workflows-1-merge-picker');
    await tap(target);
    await tap(page.getByTestId('move-submit'));
    await page.getByTestId('staff-case-status').filter({ hasText: '重复件' }).waitFor();
    expect(errors).toEqual([]);

    const resident = await phones.signedIn('居民 李先生');
    await phones.reopen(resident.page, `packages/cases/detail/index?id=${s.second}`);
    await resident.page.getByTestId('case-detail-status').filter({ hasText: '重复件' }).waitFor();
    expect(await resident.page.getByTestId('case-detail-merged').textContent()).toContain('两条报事已合并办理');
    await snap(resident.page, 'staff-workflows-2-merged');
    await tap(resident.page.getByTestId('case-detail-merged-link'));
    await resident.page.getByTestId('case-detail-description').filter({ hasText: FIRST }).waitFor();
    // 李先生 follows the merged case: its public view, not 张阿姨's address.
    await resident.page.getByTestId('case-detail-following').waitFor();
    expect(resident.errors).toEqual([]);
  });

  test('when the lead transfers a case to 平桥村, then it leaves this queue and the 平桥村 officer finds it in theirs', async () => {
    s.elsewhere = await report('demo-resident-1', ELSEWHERE, 'street_vending');
    const officer = await phones.signedIn('王晓东');
    await openQueue(officer.page);
    await queueCard(officer.page, s.elsewhere).waitFor();

    const lead = await phones.signedIn('陈志强');
    await phones.reopen(lead.page, `packages/staff/case/index?id=${s.elsewhere}`);
    await lead.page.getByTestId('staff-case').waitFor();
    await tap(lead.page.getByTestId('move-transfer'));
    const station = lead.page.getByTestId('transfer-targets').locator('[data-testid^="transfer-station-"]').filter({ hasText: '平桥' });
    await station.waitFor();
    await tap(station);
    await fill(lead.page.getByTestId('move-reason'), '位置在平桥村辖区，转派平桥村工作站');
    await snap(lead.page, 'staff-workflows-3-transfer');
    await tap(lead.page.getByTestId('move-submit'));
    // The case is now another station's: the lead is taken off it.
    await lead.page.getByTestId('move-sheet').waitFor({ state: 'detached' });

    await openQueue(officer.page);
    await officer.page.getByTestId('queue-list').waitFor();
    expect(await queueCard(officer.page, s.elsewhere).count()).toBe(0);
    const other = await phones.signedIn('周敏');
    await openQueue(other.page);
    await queueCard(other.page, s.elsewhere).waitFor();
    expect(await queueCard(other.page, s.elsewhere).textContent()).toContain(ELSEWHERE);
    expect([...lead.errors, ...other.errors]).toEqual([]);
  });
});

describe('吹哨报到 (H5)', () => {
  test('when the 嘉麟 secretary raises a problem, then it is listed as theirs and the station officer finds it in the queue as 吹哨', async () => {
    const { page, errors } = await phones.signedIn('嘉麟社区 刘书记');
    await tap(page.getByTestId('workbench-whistle'));
    await page.getByTestId('whistle-form').waitFor();
    await page.getByTestId('whistle-address').getByText('已定位').waitFor();
    await tap(page.getByTestId('whistle-category-street_vending'));
    await fill(page.getByTestId('whistle-description'), WHISTLE);
    await fill(page.getByTestId('whistle-address'), '嘉麟菜场东门');
    await tap(page.getByTestId('whistle-submit'));
    await page.getByTestId('whistle-message').filter({ hasText: '已交给工作站' }).waitFor();
    await page.getByTestId('whistle-list').getByText(WHISTLE).waitFor();
    await snap(page, 'staff-workflows-4-whistle');
    expect(errors).toEqual([]);

    const officer = await phones.signedIn('王晓东');
    await openQueue(officer.page);
    const card = officer.page.getByTestId('queue-card').filter({ hasText: WHISTLE });
    await card.waitFor();
    expect(await card.textContent()).toContain('吹哨');
  });
});

describe('临时摊位区 (H5)', () => {
  const ZONE = '嘉麟夜市临时摊位区';
  const stationPage = async (page: Page) => {
    const nearest = (await (await fetch(`${demo.baseUrl}/api/stations/nearest?lat=32.5372&lng=120.4597&limit=1`)).json()) as { items: Array<{ id: string }> };
    await phones.reopen(page, `packages/stations/detail/index?id=${nearest.items[0].id}`);
    await page.getByTestId('station-detail').waitFor();
  };

  test('when the lead adds a zone where they stand, then residents see it on the station page; edited, it changes; removed after confirming, it is gone', async () => {
    const lead = await phones.signedIn('陈志强');
    await phones.reopen(lead.page, 'pages/me/index');
    await tap(lead.page.getByTestId('workbench-staffZones'));
    await lead.page.getByTestId('staff-zones').waitFor();
    await tap(lead.page.getByTestId('zone-new'));
    await fill(lead.page.getByTestId('zone-name'), ZONE);
    await fill(lead.page.getByTestId('zone-address'), '嘉麟社区文化广场东侧');
    await tap(lead.page.getByTestId('zone-here'));
    await lead.page.waitForFunction(() => (document.querySelector('[data-testid="zone-lat"] input') as HTMLInputElement | null)?.value !== '');
    await fill(lead.page.getByTestId('zone-hours'), '每日 17:00–22:00');
    await fill(lead.page.getByTestId('zone-stalls'), '24');
    await fill(lead.page.getByTestId('zone-rules'), '收摊后清理垃圾，不占用消防通道');
    await tap(lead.page.getByTestId('zone-save'));
    const row = lead.page.getByTestId('zone-row').filter({ hasText: ZONE });
    await row.waitFor();
    expect(await row.textContent()).toContain('24 个摊位');
    await snap(lead.page, 'staff-workflows-5-zones');

    const resident = await phones.signedIn('居民 张阿姨');
    await stationPage(resident.page);
    await resident.page.getByTestId('zone-card').filter({ hasText: ZONE }).waitFor();

    await tap(row.getByTestId('zone-edit'));
    await fill(lead.page.getByTestId('zone-stalls'), '30');
    await tap(lead.page.getByTestId('zone-save'));
    await lead.page.getByTestId('zone-row').filter({ hasText: '30 个摊位' }).waitFor();

    await tap(lead.page.getByTestId('zone-row').filter({ hasText: ZONE }).getByTestId('zone-remove'));
    await tap(lead.page.getByText('确定', { exact: true }));
    await lead.page.getByTestId('zone-row').filter({ hasText: ZONE }).waitFor({ state: 'detached' });
    await stationPage(resident.page);
    expect(await resident.page.getByTestId('zone-card').filter({ hasText: ZONE }).count()).toBe(0);
    expect([...lead.errors, ...resident.errors]).toEqual([]);
  });
});
