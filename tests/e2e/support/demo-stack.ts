// The world the journey tests run in: the API with the demo login and demo data, the local WeChat
// stand-in (content check, login codes) as in `npm start`, a headless Chromium, and a folder for
// the photos a test makes. One call to start it, one to stop it all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startWechatStandin } from '../../../server/src/modules/wechat/standin';
import { startStack } from '../../support/stack';
import { ApiClient } from './api';
import { assertH5Built, H5_DIR, launchBrowser } from './phone';

export interface DemoStack {
  baseUrl: string;
  api: ApiClient;
  browser: Browser;
  /** Every phone (browser context) the test opens, closed by stop(). */
  contexts: BrowserContext[];
  photoDir: string;
  stop(): Promise<void>;
}

export async function startDemoStack(name: string): Promise<DemoStack> {
  assertH5Built();
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), `citycare-e2e-${name}-`));
  const wechat = await startWechatStandin();
  const stack = await startStack({
    staticDir: H5_DIR,
    env: { DEV_LOGIN: '1', WECHAT_API_BASE: wechat.url, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret },
  });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: stack.baseUrl,
    api: new ApiClient(stack.baseUrl),
    browser,
    contexts,
    photoDir,
    async stop() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
      await browser.close();
      await stack.stop();
      await wechat.stop();
      fs.rmSync(photoDir, { recursive: true, force: true });
    },
  };
}
