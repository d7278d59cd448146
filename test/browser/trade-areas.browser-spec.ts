import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanPayload, TradeAreaPreviewResponse } from '@lbi/contracts';
import type { Page } from 'playwright-core';
import request from 'supertest';
import {
  ConsoleHarness,
  OpenedPage,
  browserTestsRunnable,
  expectAccessible,
  expectPageClean,
  openPage,
  screenshot,
  signIn,
  startConsoleHarness,
} from '../support/console-harness';
import { choose, demoAccount, navLink, waitForDemoReady } from '../support/demo-data';

// Trade areas and scans in the console: a ring previewed before it is saved, a county set with the
// API's refusal on its field, a Pennsylvania scan with every ranked ZCTA on the map, its CSV, and a
// geography of its top ZIPs. Every console error or failed API call fails the test (PageWatch).

const RING = { zip_code: '19087', radius_miles: 10 };
const COUNTY = '42091';
const SCAN_TOP = 25;

(browserTestsRunnable() ? describe : describe.skip)(
  'trade areas and scans in the console (headless Chromium)',
  () => {
    let harness: ConsoleHarness;
    let opened: OpenedPage;
    let page: Page;
    let workDir: string;
    let token = '';

    beforeAll(async () => {
      harness = await startConsoleHarness();
      ({ token } = await waitForDemoReady(harness.url));
      workDir = mkdtempSync(join(tmpdir(), 'lbi-browser-scans-'));
    });
    afterAll(async () => {
      await harness?.stop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      opened = await openPage(harness);
      page = opened.page;
    });
    afterEach(() => expectPageClean(opened, harness));

    const api = (path: string) =>
      request(harness.url)
        .get(path)
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);

    async function signInAs(role: 'analyst' | 'client'): Promise<void> {
      const { email, password } = demoAccount(role);
      await page.goto(`${harness.url}/sign-in`);
      await signIn(page, harness.url, email, password);
    }

    it('creates a ring geography from its live preview (count, list and map), after showing the API refusal of a centre ZIP on its field', async () => {
      const expected = (
        await api(`/api/v1/trade-areas/preview?zip_code=${RING.zip_code}&radius_miles=${RING.radius_miles}`)
      ).body as TradeAreaPreviewResponse;
      expect(expected.zctas.length).toBeGreaterThan(3);

      await signInAs('analyst');
      await page.goto(`${harness.url}/geographies/new`);
      await page.getByText('Ring around a ZIP', { exact: true }).click();
      await page.getByTestId('geography-name').fill('Wayne ten-mile ring');

      // A well-formed ZIP the crosswalk does not know: the preview's 400, on the ZIP field.
      opened.watch.expectFailure(400, /\/api\/v1\/trade-areas\/preview\?/);
      await page.getByTestId('ring-zip').fill('00000');
      await page.getByTestId('ring-radius').fill(String(RING.radius_miles));
      await page.locator('mat-error', { hasText: "The centre ZIP: '00000' is not a ZIP code" }).waitFor();

      await page.getByTestId('ring-zip').fill(RING.zip_code);
      const count = page.getByTestId('preview-count');
      await count.waitFor();
      expect(await count.innerText()).toContain(
        `${expected.zip_codes.length} ZIP codes in ${expected.zctas.length} Census ZCTAs`,
      );
      await page.locator('path.counties').waitFor();
      expect(await page.locator('circle.mark').count()).toBe(expected.zctas.length);
      expect(await page.locator('lbi-trade-area-preview tbody tr').count()).toBe(expected.zctas.length);
      // Nearest first: the centre's own ZCTA heads the list at 0 miles.
      expect(await page.locator('lbi-trade-area-preview tbody tr').first().innerText()).toMatch(
        /19087\s+19087\s+0\.0/,
      );
      // A mark picked on the map highlights its row in the list.
      const far = expected.zctas[expected.zctas.length - 1].zcta;
      await page.locator(`circle.mark[data-zcta="${far}"]`).dispatchEvent('click');
      await page.locator(`lbi-trade-area-preview tr.selected[data-zcta="${far}"]`).waitFor();
      await expectAccessible(page, 'ring-form');
      await screenshot(page, 'ring-form');

      await page.getByRole('button', { name: 'Create geography' }).click();
      await page.waitForURL(/\/geographies\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Wayne ten-mile ring' }).waitFor();
      expect(await page.getByTestId('trade-area').innerText()).toContain(
        `Ring of ${RING.radius_miles} miles around ZIP ${RING.zip_code}`,
      );
      expect(await page.locator('.page-intro').first().innerText()).toContain(
        `${expected.zip_codes.length} ZIP codes`,
      );
    });

    it('creates a county geography: a malformed FIPS code refused in the browser, an unknown one with the API message on the field', async () => {
      await signInAs('analyst');
      await page.goto(`${harness.url}/geographies/new`);
      await page.getByText('Counties', { exact: true }).click();
      await page.getByTestId('geography-name').fill('Montgomery County');
      const input = page.getByTestId('county-input');
      await input.fill('4209');
      await input.press('Enter');
      await page.getByTestId('county-error').getByText('"4209" is not a county FIPS code').waitFor();
      expect(opened.watch.apiRequests.filter((r) => r.includes('/trade-areas/'))).toEqual([]);

      opened.watch.expectFailure(400, /\/api\/v1\/trade-areas\/preview\?counties=99999$/);
      await input.fill('99999');
      await input.press('Enter');
      await page
        .getByTestId('county-error')
        .getByText("County 1: '99999' is not a county FIPS code of the Census ZCTA-county relationship file")
        .waitFor();
      await expectAccessible(page, 'county-form');

      await page.getByRole('button', { name: 'Remove county 99999' }).click();
      await input.fill(COUNTY);
      await input.press('Enter');
      const expected = (await api(`/api/v1/trade-areas/preview?counties=${COUNTY}`))
        .body as TradeAreaPreviewResponse;
      await page.getByTestId('preview-count').getByText(`${expected.zip_codes.length} ZIP codes`).waitFor();
      expect(await page.locator('circle.mark').count()).toBe(expected.zctas.length);
      await page.getByRole('button', { name: 'Create geography' }).click();
      await page.waitForURL(/\/geographies\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId('trade-area').innerText()).toContain(`County ${COUNTY} (FIPS)`);
    });

    it('runs a Pennsylvania scan from the scans page: coverage, every ranked ZCTA on the map, the top ZIPs with reasons, the CSV, and a geography of its top ZIPs', async () => {
      await signInAs('analyst');
      await navLink(page, 'Scans').click();
      await page.waitForURL(/\/scans$/);
      await page.getByRole('heading', { level: 2, name: 'New scan' }).waitFor();
      await page.locator('table tr.mat-mdc-row').first().waitFor(); // the demo's own scan
      await expectAccessible(page, 'scans-new');
      await choose(page, 'Category', 'Roofing');
      await choose(page, 'Scope', 'Pennsylvania');
      await page.getByTestId('scan-limit').fill(String(SCAN_TOP));
      await page.getByRole('button', { name: 'Start scan' }).click();
      await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/, { timeout: 180_000 });
      const scanId = page.url().split('/').pop() as string;
      const { payload } = (await api(`/api/v1/scans/${scanId}`)).body as { payload: ScanPayload };

      await page.getByRole('heading', { level: 1, name: 'Roofing scan · Pennsylvania' }).waitFor();
      const scope = await page.getByTestId('scan-scope').innerText();
      expect(scope.replace(/,/g, '')).toContain(
        `${payload.scan.zctas_ranked} of ${payload.scan.zctas_total} ZCTAs in Pennsylvania`,
      );
      expect(scope).toContain(
        `ACS ${Number(payload.scan.acs_vintage) - 4}–${payload.scan.acs_vintage} 5-year`,
      );
      // The fake Census API serves medians for the Philadelphia suburbs only: the scan names what it lacked.
      expect(payload.scan.missing_inputs.length).toBeGreaterThan(0);
      expect(scope).toContain('Inputs no ZIP area had');
      await page.locator('path.counties').waitFor();
      expect(await page.locator('circle.mark').count()).toBe(payload.map.points.length);
      expect(payload.map.points.length).toBeGreaterThan(1000);
      expect(await page.locator('.top-table tbody tr[data-zip]').count()).toBe(SCAN_TOP);
      expect(await page.locator('.top-table tbody tr[data-zip]').first().getAttribute('data-zip')).toBe(
        payload.top_zips[0].zip_code,
      );
      expect(await page.locator('.top-table').innerText()).toMatch(/Ranks 1 of [\d,]+/);
      if (payload.competition) {
        await page.getByRole('heading', { level: 2, name: 'Who else sells there' }).waitFor();
      }
      await expectAccessible(page, 'scan');
      // The top of the page (coverage and the map): the full page is mostly the long table of reasons.
      await screenshot(page, 'scan', { fullPage: false });

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'CSV' }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(
        /^lbi-roofing-pennsylvania-every-zcta-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const path = join(workDir, file.suggestedFilename());
      await file.saveAs(path);
      const lines = readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '');
      expect(lines[0]).toMatch(/^rank,zip_code,zcta,score,/);
      expect(lines[1].split(',')[1]).toBe(payload.top_zips[0].zip_code);

      await page.getByTestId('scan-geography-name').fill('Pennsylvania roofing top 10');
      await page.getByTestId('scan-geography-top').fill('10');
      await page.getByRole('button', { name: 'Create the geography' }).click();
      await page.waitForURL(/\/geographies\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Pennsylvania roofing top 10' }).waitFor();
      expect(await page.getByTestId('trade-area').innerText()).toContain('Top 10 ZIPs of a scan');
      expect(await page.locator('.page-intro').first().innerText()).toContain('10 ZIP codes');
      await page.getByRole('link', { name: 'Open the scan' }).click();
      await page.waitForURL(new RegExp(`/scans/${scanId}$`));
    });

    it('shows the client role the scans read-only: the list and a scan, no form to start one', async () => {
      await signInAs('client');
      await navLink(page, 'Scans').click();
      await page.waitForURL(/\/scans$/);
      await page.getByRole('heading', { level: 1, name: 'Scans' }).waitFor();
      await page.locator('table tr.mat-mdc-row').first().waitFor();
      expect(await page.getByRole('heading', { name: 'New scan' }).count()).toBe(0);
      await expectAccessible(page, 'scans');
      await page
        .getByRole('link', { name: /^Open the Roofing scan of Pennsylvania/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Roofing scan · Pennsylvania' }).waitFor();
      expect(
        await page.getByRole('heading', { name: 'Create a geography from these top ZIPs' }).count(),
      ).toBe(0);
    });
  },
);
