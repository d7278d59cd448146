import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/chromium';
import { startTestApi } from '../support/start-test-api';

const CONSOLE_DIR = join(__dirname, '..', '..', 'dist', 'console', 'browser');
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results');

const runnable = chromiumAvailable() && existsSync(join(CONSOLE_DIR, 'index.html'));
if (!runnable) {
  process.stdout.write(
    'console e2e skipped: needs /usr/bin/chromium (apt-get install chromium) and a built console (npm run build:console)\n',
  );
}

(runnable ? describe : describe.skip)('console in headless Chromium', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('is served by the API at / and shows the live system status', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failedRequests: string[] = [];
    page.on('requestfailed', (failed) => {
      // A request the page itself cancelled (navigation, a superseded refresh) is not a failure, and
      // API answers are asserted through what the page shows; here only the console's own files count.
      const reason = failed.failure()?.errorText ?? 'unknown';
      if (reason !== 'net::ERR_ABORTED' && !failed.url().includes('/api/'))
        failedRequests.push(`${failed.url()}: ${reason}`);
    });
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/status$/);
    await page.getByText('Operational').waitFor();
    await expectText(page.locator('h1'), 'System status');
    const rows = await page.locator('tr.mat-mdc-row').allInnerTexts();
    expect(rows.join('\n')).toMatch(/Database[\s\S]*Up/);
    expect(rows.join('\n')).toMatch(/Job queue[\s\S]*Up/);
    await page.getByText('API version 0.1.0').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-status.png') });
    expect(failedRequests).toEqual([]);
  });

  it('serves deep links and says so when a page does not exist', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${api.url}/no/such/page`);
    expect(response?.status()).toBe(200);
    await page.getByText('Page not found').waitFor();
  });

  it('keeps API 404s out of the console', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${api.url}/api/v1/no-such-route`);
    expect(response?.status()).toBe(404);
    expect(await response?.json()).toMatchObject({ status_code: 404 });
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  expect((await locator.first().innerText()).trim()).toBe(text);
}
