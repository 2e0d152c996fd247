// A phone-sized headless Chromium against the stack, shared by the e2e tests.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const H5_DIR = path.resolve(__dirname, '../../../dist/h5');
export const SHOTS_DIR = path.resolve(__dirname, '../../../test-results/e2e');
export const JIALIN = '海安市城管局嘉麟社区工作站'; // seeded at GCJ-02 32.5368, 120.4592

// The browser reports WGS-84 and the H5 client converts to GCJ-02 (gcoord via @citycare/shared).
// This WGS-84 point is GCJ-02 (32.539498, 120.4592): 300 m due north of 嘉麟, whose nearest
// other demo station is over 1 km away.
export const NEAR_JIALIN_WGS84 = { latitude: 32.541394, longitude: 120.454509 };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function assertH5Built(): void {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` before this test`);
  }
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  // `npm test` installs it first (tools/lib/deps.js); a direct `npx jest` on a fresh machine says so at once.
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: run \`node -e "require('./tools/lib/deps').ensureChromium()"\` (or \`npm test\`), or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A phone-sized page; uncaught script errors are collected for the test to check. */
export async function openPhone(browser: Browser, contexts: BrowserContext[], options: { located: boolean }): Promise<{ page: Page; errors: string[] }> {
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

export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.waitForTimeout(400); // let a page slide-in finish
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/**
 * Taps the middle of `target` with the mouse. Playwright's hit-target check reports Taro's H5
 * pull-to-refresh wrapper as covering buttons on pages with pull-to-refresh although the browser
 * hits the button there (document.elementsFromPoint lists the button first), so such taps go by
 * position.
 */
export async function tapMiddle(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await settledBox(page, target);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Where `target` is once it stops moving: a tap by position during a page's slide-in (or while
 * the content above it is still laying out) would land on whatever passes under that point.
 */
async function settledBox(page: Page, target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await target.boundingBox();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const now = await target.boundingBox();
    if (last && now && now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height) return now;
    last = now;
  }
  if (!last) throw new Error('nothing to tap: the element is not shown');
  return last;
}
