// Phones of demo users on a demo stack: each signed in once through 我的 › 登录 › 演示登录 (the
// login limit allows three sign-ins per person in five minutes), plus API tokens for what a test
// arranges without a screen, and the taps and typing the journeys use.
import type { Locator, Page } from 'playwright-core';
import type { DemoStack } from './demo-stack';
import { openPhone, tapMiddle } from './phone';

export class DemoPhones {
  private readonly phones = new Map<string, { page: Page; errors: string[] }>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly demo: DemoStack) {}

  go(page: Page, route: string) {
    return page.goto(`${this.demo.baseUrl}/#/${route}`);
  }

  /** Opens `route` afresh (a reload, so the page reads the server again). */
  async reopen(page: Page, route: string): Promise<void> {
    await this.go(page, route);
    await page.reload();
  }

  /** A phone (located near 嘉麟) signed in as the demo user called `name`, once per test run. */
  async signedIn(name: string): Promise<{ page: Page; errors: string[] }> {
    const known = this.phones.get(name);
    if (known) return known;
    const phone = await openPhone(this.demo.browser, this.demo.contexts, { located: true });
    await this.go(phone.page, 'pages/me/index');
    await tap(phone.page.getByTestId('me-sign-in'));
    await tap(phone.page.getByTestId('demo-user').filter({ hasText: name }));
    await phone.page.getByTestId('me-name').filter({ hasText: name }).waitFor();
    this.phones.set(name, phone);
    return phone;
  }

  /** An API token of a demo user, for what the tests do without a screen; one login each. */
  async tokenOf(openid: string): Promise<string> {
    if (!this.tokens.has(openid)) this.tokens.set(openid, await this.demo.api.demoToken(openid));
    return this.tokens.get(openid) as string;
  }
}

/** Taps by position: Taro's H5 pull-to-refresh wrapper otherwise "intercepts" taps (phone.ts). */
export const tap = (target: Locator) => tapMiddle(target.page(), target);

/** Types into a form field (its input or textarea). */
export async function fill(field: Locator, text: string): Promise<void> {
  await field.locator('input, textarea').first().fill(text);
}
