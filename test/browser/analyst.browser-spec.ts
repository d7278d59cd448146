import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lbi/contracts';
import { startDemoProcess } from '../support/api-process';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import {
  CONSOLE_DIR,
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
import { DEMO, choose, demoAccount, navLink, waitForDemoReady } from '../support/demo-data';

const FIXTURES = join(__dirname, '..', 'fixtures');
const NEW_GEOGRAPHY = 'Browser test suburbs';
/** Typed as an analyst would paste from a spreadsheet: a duplicate, a dropped leading zero, a PO-box ZIP. */
const PASTED_ZIPS = '19002, 19003\n19087\t19034 1900 19002 19016';
/** The ZCTAs those ZIPs resolve to (19016 is a PO-box ZIP inside ZCTA 19013). */
const NEW_GEOGRAPHY_ZCTAS = 5;

(browserTestsRunnable() ? describe : describe.skip)('the console as an analyst (headless Chromium)', () => {
  let harness: ConsoleHarness;
  let opened: OpenedPage;
  let page: Page;
  let workDir: string;
  let newGeographyId = '';

  beforeAll(async () => {
    harness = await startConsoleHarness();
    await waitForDemoReady(harness.url);
    workDir = mkdtempSync(join(tmpdir(), 'lbi-browser-'));
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

  async function signInAsAnalyst(): Promise<void> {
    const { email, password } = demoAccount('analyst');
    await page.goto(`${harness.url}/sign-in`);
    await signIn(page, harness.url, email, password);
  }

  it('lists the demo accounts on sign-in; the analyst signs in by keyboard and lands on the demo geography with its reports and the map', async () => {
    // `npm run demo` as a newcomer runs it: demo mode on an embedded database of its own.
    const demo = await startDemoProcess(join(workDir, 'demo'), {
      CONSOLE_DIR,
      CENSUS_API_BASE_URL: harness.fakeCensus.baseUrl,
    });
    opened.watch.expectNetworkFailure(new RegExp(`^${demo.url}/`)); // once it is stopped
    try {
      await waitForDemoReady(demo.url);
      await firstMinutes(demo.url);
    } finally {
      await demo.stop();
    }
    // Outside demo mode the sign-in page lists no accounts.
    await page.goto(`${harness.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Demo accounts' }).count()).toBe(0);
  });

  async function firstMinutes(url: string): Promise<void> {
    await page.goto(`${url}/`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2F$/);
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    const demoList = await page.locator('.demo-list').innerText();
    for (const account of DEMO.accounts) expect(demoList).toContain(account.email);
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');

    // Keyboard only: the email field, Tab to the password, Enter submits.
    const { email, password } = demoAccount('analyst');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/geographies\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: DEMO.geography.name }).waitFor();
    expect(await page.locator('.page-intro').first().innerText()).toContain(
      `${DEMO.geography.zip_codes.length} ZIP codes`,
    );
    // The map: one mark per ZCTA, drawn over county and state outlines.
    await page.locator('path.counties').waitFor();
    expect(await page.locator('circle.mark').count()).toBe(DEMO.geography.zip_codes.length);
    // The three demo reports, ready.
    const reports = page.locator('.report-list li');
    await reports.nth(DEMO.reports.length - 1).waitFor();
    expect(await reports.count()).toBe(DEMO.reports.length);
    expect(await page.locator('.report-list').innerText()).toMatch(/Roofing report[\s\S]*Succeeded/);
    // Scores of the default category, as bars and as a table.
    await page.locator('lbi-bar-chart li').first().waitFor();
    expect(await page.locator('tr.mat-mdc-row[data-zip]').count()).toBe(10);
    // The signed-in user and role are on show.
    expect(await page.locator('.user-button').innerText()).toContain(email);
    expect(await page.locator('.user-button').innerText()).toContain('Analyst');
    await expectAccessible(page, 'geography-detail');
    await screenshot(page, 'geography-detail');

    // A mark reached by keyboard opens its ZIP's row in the table.
    const mark = page.locator('circle.mark').last();
    const zcta = await mark.getAttribute('data-zcta');
    await mark.focus();
    await page.locator('.tooltip').waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`tr.row--selected[data-zip="${zcta}"]`).waitFor();
  }

  it('creates a geography from a pasted ZIP list: refused entries with the API reason, duplicates merged, PO-box ZIP mapped; then refreshes its Census figures live', async () => {
    await signInAsAnalyst();
    await navLink(page, 'Geographies').click();
    await page.waitForURL(/\/geographies$/);
    await page.getByRole('link', { name: DEMO.geography.name, exact: true }).waitFor();
    await page.locator('lbi-freshness-chip').first().waitFor();
    await expectAccessible(page, 'geographies');
    await screenshot(page, 'geographies');

    await page.getByRole('link', { name: 'New geography' }).click();
    await page.getByTestId('geography-name').fill(NEW_GEOGRAPHY);
    await page.getByTestId('zip-input').focus();
    await page.getByTestId('zip-input').evaluate((input, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, PASTED_ZIPS);
    await page.getByText('Refused ZIP codes (1)').waitFor();
    await page.waitForFunction(() => !document.querySelector('.zip-chip--checking'));
    expect(await page.getByTestId('zip-summary').innerText()).toBe(
      '5 ZIPs · 1 mapped to another ZCTA · 1 refused',
    );
    expect(await page.locator('.refused').innerText()).toMatch(
      /1900.*has 4 digits; ZIP codes have 5.*01900\?/,
    );
    expect(await page.locator('.note[role="status"]').innerText()).toContain('1 duplicate merged (19002)');
    expect(await page.locator('tr[data-zip="19016"]').innerText()).toMatch(
      /Mapped\s+from a PO-box ZIP to ZCTA 19013/,
    );
    expect(await page.locator('tr[data-zip="19002"]').innerText()).toMatch(/Matched\s+ZCTA 19002/);
    await expectAccessible(page, 'geography-form');
    await screenshot(page, 'geography-form');

    // The refused entry blocks saving until it is removed.
    await page.getByRole('button', { name: 'Create geography' }).click();
    await page.getByText('fix or remove the refused ones').waitFor();
    await page.getByRole('button', { name: 'Remove refused' }).click();
    await page.getByRole('button', { name: 'Create geography' }).click();
    await page.waitForURL(/\/geographies\/[0-9a-f-]{36}$/);
    newGeographyId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name: NEW_GEOGRAPHY }).waitFor();
    expect(await page.locator('.page-intro').first().innerText()).toContain(
      `5 ZIP codes in ${NEW_GEOGRAPHY_ZCTAS} Census ZCTAs`,
    );
    await page.locator('path.counties').waitFor();
    expect(await page.locator('circle.mark').count()).toBe(NEW_GEOGRAPHY_ZCTAS);
    const censusCard = page.locator('.freshness-card', { hasText: 'Census (ACS)' });
    expect(await censusCard.innerText()).toContain('Never');

    // Refresh Census: the run's status updates live until it succeeds (the fake Census API answers).
    await page.getByRole('button', { name: 'Refresh Census' }).click();
    const run = page.getByTestId('census-run');
    await runSucceeded(run);
    expect(Number((await run.getByTestId('records-upserted').innerText()).replace(/,/g, ''))).toBeGreaterThan(
      0,
    );
    await censusCard.getByText('Fresh', { exact: true }).waitFor();

    // Scores did not exist yet: compute them from the page.
    await page.getByText('No Roofing scores yet').waitFor();
    await page.getByRole('button', { name: 'Compute Roofing scores' }).click();
    await page
      .locator('lbi-bar-chart li')
      .nth(NEW_GEOGRAPHY_ZCTAS - 1)
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('tr.mat-mdc-row[data-zip]').count()).toBe(5);
  });

  it('generates a report with progress, shows every section with one map mark per ZCTA, and downloads the CSV and the PDF', async () => {
    expect(newGeographyId).not.toBe('');
    await signInAsAnalyst();
    await navLink(page, 'Reports').click();
    await page.waitForURL(/\/reports$/);
    await page.locator('table tr.mat-mdc-row').first().waitFor();
    await expectAccessible(page, 'reports');
    await screenshot(page, 'reports');

    const generate = page.locator('section[aria-labelledby="generate-title"]');
    await choose(page, 'Geography', NEW_GEOGRAPHY, generate);
    await choose(page, 'Category', 'Roofing', generate);
    await page.getByRole('button', { name: 'Generate report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: `Roofing report · ${NEW_GEOGRAPHY}` }).waitFor();
    await page.locator('path.counties').waitFor();
    expect(await page.locator('circle.mark').count()).toBe(NEW_GEOGRAPHY_ZCTAS);
    for (const section of [
      'Where the buyers are',
      'Who they are',
      'When to market',
      'Which channels reach them',
      'Data freshness',
      'Caveats and sources',
    ]) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    expect(await page.locator('.top-table tbody tr[data-zip]').count()).toBe(5);
    expect(await page.locator('.top-table').innerText()).toMatch(/Ranks 1 of 5 ZIP/);
    expect(await page.locator('lbi-report-buyer-profile').innerText()).toMatch(
      /Households\s+[\d,]+\s+± [\d,]+/,
    );
    expect(await page.locator('lbi-report-timing').innerText()).toMatch(/Market from/);
    await page.getByRole('button', { name: 'Inputs' }).first().click();
    await page.locator('.inputs caption').first().waitFor();
    await expectAccessible(page, 'report');
    await screenshot(page, 'report');

    const csv = await download(page, 'CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const csvText = readFileSync(csv.path, 'utf8');
    expect(csvText.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^rank,zip_code,zcta,score,households,/);
    expect(csvText.split(/\r?\n/).filter((line) => line.trim() !== '').length).toBe(6);
    const pdf = await download(page, 'PDF brief');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  /** Waits for the run shown in `run` to end, and says why when it failed. */
  async function runSucceeded(run: Locator, timeout = 60_000): Promise<void> {
    await run.locator('[data-status="success"], [data-status="failed"]').first().waitFor({ timeout });
    const failed = await run.locator('[data-status="failed"]').count();
    expect(failed === 0 ? 'succeeded' : await run.innerText()).toBe('succeeded');
  }

  async function download(target: Page, button: string): Promise<{ name: string; path: string }> {
    const [file] = await Promise.all([
      target.waitForEvent('download'),
      target.getByRole('button', { name: button }).click(),
    ]);
    const path = join(workDir, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
  }

  it('imports a channels CSV: checked in the browser, uploaded with progress, the run followed to success', async () => {
    await signInAsAnalyst();
    await page.goto(`${harness.url}/channels`);
    await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
    await page.getByText('Import channels from a CSV').click();
    await choose(page, 'Geography', NEW_GEOGRAPHY, page.locator('lbi-csv-import'));
    await page.locator('input[type="file"]').setInputFiles(join(FIXTURES, 'channels.csv'));
    await page.getByText('Ready to import').waitFor();
    expect(await page.locator('lbi-csv-import').innerText()).toContain('4 rows checked in your browser');
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const run = page.getByTestId('import-run');
    await runSucceeded(run);
    expect(await run.getByTestId('records-upserted').innerText()).toBe('4');
    await page
      .getByRole('row', { name: new RegExp(`Greater Wayne Business Chamber.*${NEW_GEOGRAPHY}`) })
      .waitFor();
    await expectAccessible(page, 'channels');
    await screenshot(page, 'channels');
  });

  it('adds, edits and deletes a channel in dialogs, with the API validation message on its field', async () => {
    await signInAsAnalyst();
    await page.goto(`${harness.url}/channels`);
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Geography', NEW_GEOGRAPHY, dialog);
    await choose(page, 'Type', 'Library', dialog);
    await dialog.getByLabel('Name').fill('Sandy Run Community Library');
    await choose(page, 'ZIP code', /^19034/, dialog);
    await dialog.getByTestId('channel-website').fill('not a web address');
    // The API refuses the website (400) and then the duplicate name (409): each message on its field.
    opened.watch.expectFailure(400, /\/api\/v1\/channels$/);
    opened.watch.expectFailure(409, /\/api\/v1\/channels$/);
    await dialog.getByRole('button', { name: 'Add channel' }).click();
    await dialog.locator('mat-error', { hasText: 'website must be an http(s) URL' }).waitFor();
    await expectAccessible(page, 'channel-dialog');
    await screenshot(page, 'channel-dialog', { fullPage: false });
    await dialog.getByTestId('channel-website').fill('https://example.org/sandy-run');
    await dialog.getByRole('button', { name: 'Add channel' }).click();
    await dialog.locator('mat-error', { hasText: 'already exists' }).waitFor();
    await dialog.getByLabel('Name').fill('Sandy Run Library Annex');
    await dialog.getByRole('button', { name: 'Add channel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByLabel('Search name, city or notes').fill('Sandy Run');
    const row = page.getByRole('row', { name: /Sandy Run Library Annex/ });
    await row.waitFor();

    await row.getByRole('button', { name: 'Edit Sandy Run Library Annex' }).click();
    await page.getByRole('dialog').getByLabel('Estimated reach').fill('2500');
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Sandy Run Library Annex.*2,500/ }).waitFor();

    await page.getByRole('button', { name: 'Delete Sandy Run Library Annex' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete channel' }).click();
    await page.getByRole('row', { name: /Sandy Run Library Annex/ }).waitFor({ state: 'detached' });
  });

  it('refuses a CSV with an email column in the browser: the column is named and no upload request is made', async () => {
    await signInAsAnalyst();
    await page.goto(`${harness.url}/ingestion`);
    await choose(page, 'Type of data', /^Channels/, page.locator('lbi-csv-import'));
    const file = join(workDir, 'contacts.csv');
    writeFileSync(file, 'channel_type,name,email\nhoa,Oak Hill HOA,board@oakhill.example\n');
    await page.locator('input[type="file"]').setInputFiles(file);
    const refused = page.getByTestId('precheck-refused');
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain('nothing was uploaded');
    expect(text).toContain('"email"');
    expect(text).toContain('personal data is not accepted');
    expect(text).not.toContain('board@oakhill.example');
    expect(opened.watch.apiRequests.filter((r) => r.startsWith('POST /api/v1/uploads'))).toEqual([]);
    await expectAccessible(page, 'ingestion');
    await screenshot(page, 'ingestion-refused');
  });

  it("uploads a multi-megabyte CSV through the console's upload path; the upload belongs to the uploader's tenant", async () => {
    await signInAsAnalyst();
    await page.goto(`${harness.url}/ingestion`);
    await choose(page, 'Geography', NEW_GEOGRAPHY, page.locator('lbi-csv-import'));
    await choose(page, 'Type of data', /^Property/, page.locator('lbi-csv-import'));
    const file = join(workDir, 'property-large.csv');
    // Block groups in a county each ZIP reaches (the import checks them against the ZCTA's counties).
    const zips: [string, string][] = [
      ['19002', '42091'],
      ['19003', '42091'],
      ['19087', '42029'],
      ['19034', '42091'],
      ['19016', '42045'],
    ];
    const lines = [
      'zip_code,property_type,ownership_type,lot_size_sqft,year_built,estimated_income_band,block_group',
    ];
    for (let i = 0; lines.length <= 80_000; i++) {
      lines.push(
        `${zips[i % zips.length][0]},single_family_detached,${i % 3 === 0 ? 'renter_occupied' : 'owner_occupied'},${4000 + (i % 900) * 10},${1930 + (i % 90)},100k_150k,${zips[i % zips.length][1]}${String(200100 + (i % 8)).padStart(6, '0')}${1 + (i % 3)}`,
      );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const bytes = readFileSync(file).length;
    expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Ready to import').waitFor({ timeout: 60_000 });
    expect(await page.locator('lbi-csv-import').innerText()).toContain('80,000 rows checked in your browser');
    const uploaded = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/uploads') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const answer = await uploaded;
    expect(answer.status()).toBe(201);
    const upload = (await answer.json()) as { file_ref: string; size_bytes: number };
    expect(upload.size_bytes).toBe(bytes);
    const run = page.getByTestId('import-run');
    await runSucceeded(run, 90_000);
    expect(await run.getByTestId('rows-processed').innerText()).toBe('80,000');
    await page.locator('lbi-runs-table tr.mat-mdc-row').first().waitFor();
    await screenshot(page, 'ingestion');

    // The file is the uploader's tenant's: another tenant cannot import it (404, as for a missing one).
    const platform = await harness.factory.platformAdmin();
    const other = await harness.factory.createClient(platform);
    const otherAdmin = await harness.factory.userSession(platform, Role.Admin, other.id);
    const geography = await request(harness.url)
      .post('/api/v1/geographies')
      .set(otherAdmin.headers)
      .send({ name: 'Other tenant area', zip_codes: ['19002'] })
      .expect(201);
    const foreign = await request(harness.url)
      .post('/api/v1/import/property')
      .query({ geography_id: geography.body.id, file_ref: upload.file_ref })
      .set(otherAdmin.headers);
    expect(foreign.status).toBe(404);
    const { token } = await waitForDemoReady(harness.url);
    const runs = await request(harness.url)
      .get('/api/v1/ingestion-runs')
      .query({ geography_id: newGeographyId, source_type: 'csv_property' })
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    const demoTenant = (runs.body as { client_id: string; status: string }[])[0];
    expect(demoTenant.status).toBe('success');
    const me = await request(harness.url)
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(demoTenant.client_id).toBe(me.body.client_id);
  });
});
