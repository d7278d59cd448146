import { Role } from '@lbi/contracts';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { TEST_PASSWORD, uniqueName } from '../support/auth-factory';
import { startApiProcess } from '../support/api-process';
import {
  CONSOLE_DIR,
  ConsoleHarness,
  OpenedPage,
  browserTestsRunnable,
  expectAccessible,
  expectPageClean,
  horizontalOverflow,
  openPage,
  screenshot,
  signIn,
  startConsoleHarness,
} from '../support/console-harness';
import { DEMO, choose, demoAccount, navLink, waitForDemoReady } from '../support/demo-data';

(browserTestsRunnable() ? describe : describe.skip)(
  'the console by role, sessions and layout (headless Chromium)',
  () => {
    let harness: ConsoleHarness;
    let opened: OpenedPage;
    let page: Page;
    let demoGeographyId: string;

    beforeAll(async () => {
      harness = await startConsoleHarness();
      demoGeographyId = (await waitForDemoReady(harness.url)).geographyId;
    });
    afterAll(async () => {
      await harness?.stop();
    });
    beforeEach(async () => {
      opened = await openPage(harness);
      page = opened.page;
    });
    afterEach(() => expectPageClean(opened, harness));

    async function signInAs(role: 'platform' | 'admin' | 'analyst' | 'client'): Promise<void> {
      const { email, password } = demoAccount(role);
      await page.goto(`${harness.url}/sign-in`);
      await signIn(page, harness.url, email, password);
    }

    /**
     * A tenant user starts on its only geography, or on the list when there are several (the
     * analyst suite adds one to the demo tenant): either way, open the demo geography.
     */
    async function openDemoGeography(): Promise<void> {
      await page.waitForURL(/\/geographies(\/[0-9a-f-]{36})?$/);
      if (!page.url().endsWith(demoGeographyId)) {
        await page.getByRole('link', { name: DEMO.geography.name, exact: true }).click();
      }
      await page.waitForURL(new RegExp(`/geographies/${demoGeographyId}$`));
      await page.locator('circle.mark').first().waitFor();
    }

    it('shows the client role no write action anywhere, and keeps it out of the write pages', async () => {
      await signInAs('client');
      await openDemoGeography();
      await page.locator('.report-list li').first().waitFor();
      expect(await page.locator('.user-button').innerText()).toContain('Client (read-only)');
      for (const action of ['Refresh Census', 'Edit ZIPs', 'Generate a report', 'Recompute scores']) {
        expect(await page.getByRole('button', { name: action }).count()).toBe(0);
        expect(await page.getByRole('link', { name: action }).count()).toBe(0);
      }
      const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
      expect(nav).not.toContain('Users');
      expect(nav).not.toContain('Tenants');

      await navLink(page, 'Geographies').click();
      await page.getByRole('link', { name: DEMO.geography.name, exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'New geography' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^Edit / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Delete / }).count()).toBe(0);

      await navLink(page, 'Reports').click();
      await page.locator('table tr.mat-mdc-row').first().waitFor();
      expect(await page.getByRole('heading', { name: 'Generate a report' }).count()).toBe(0);
      await page
        .getByRole('link', { name: /^Open the Roofing report/ })
        .first()
        .click();
      await page.locator('circle.mark').first().waitFor();
      expect(await page.getByRole('button', { name: 'CSV' }).count()).toBe(1); // exports are reads
      await expectAccessible(page, 'report-client');

      await navLink(page, 'Channels').click();
      await page.locator('table tr.mat-mdc-row').first().waitFor();
      expect(await page.getByRole('button', { name: 'Add channel' }).count()).toBe(0);
      expect(await page.getByText('Import channels from a CSV').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);

      await navLink(page, 'Data imports').click();
      await page.locator('lbi-runs-table tr.mat-mdc-row').first().waitFor();
      expect(await page.getByRole('heading', { name: 'Import a file' }).count()).toBe(0);
      await screenshot(page, 'client-runs');

      // A write page by its address: sent to the start page.
      await page.goto(`${harness.url}/geographies/new`);
      await page.waitForURL(/\/geographies(\/[0-9a-f-]{36})?$/);
      expect(await page.getByTestId('geography-name').count()).toBe(0);
    });

    it('lets the platform admin pick the tenant it acts in (X-Client-Id) and shows only that tenant’s geographies', async () => {
      const platform = await harness.factory.platformAdmin();
      const other = await harness.factory.createClient(platform, uniqueName('Harbor Agency'));
      const otherAdmin = await harness.factory.userSession(platform, Role.Admin, other.id);
      const onlyOther = uniqueName('Harbor only');
      await request(harness.url)
        .post('/api/v1/geographies')
        .set(otherAdmin.headers)
        .send({ name: onlyOther, zip_codes: ['19380', '19382'] })
        .expect(201);

      await signInAs('platform');
      await page.waitForURL(/\/admin\/tenants$/);
      // The other suites' tenants share this database: find this one by name.
      await page.getByLabel('Filter tenants by name').fill(other.name);
      await page.getByRole('cell', { name: other.name, exact: true }).waitFor();
      expect(await page.locator('.user-button').innerText()).toContain('Platform admin');
      const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
      expect(nav).not.toContain('Geographies'); // nothing tenant-scoped until a tenant is picked
      await expectAccessible(page, 'tenants');
      await screenshot(page, 'tenants');

      // Create a tenant on the page: it shows in the list and the picker at once.
      const created = uniqueName('Summit Agency');
      await page.getByLabel('Tenant name').fill(created);
      await page.getByRole('button', { name: 'Create tenant' }).click();
      await page.getByRole('cell', { name: created, exact: true }).waitFor();

      await choose(page, 'Acting in tenant', DEMO.client_name);
      await page.waitForURL(/\/geographies$/);
      await page.getByRole('link', { name: DEMO.geography.name, exact: true }).waitFor();
      expect(await page.getByRole('link', { name: onlyOther, exact: true }).count()).toBe(0);
      expect(await page.getByRole('combobox', { name: 'Acting in tenant' }).innerText()).toContain(
        DEMO.client_name,
      );

      await choose(page, 'Acting in tenant', other.name);
      await page.getByRole('link', { name: onlyOther, exact: true }).waitFor();
      expect(await page.getByRole('link', { name: DEMO.geography.name, exact: true }).count()).toBe(0);
      expect(await page.locator('table tr.mat-mdc-row').count()).toBe(1);
      // The users page of that tenant only.
      await navLink(page, 'Users').click();
      await page.getByRole('cell', { name: otherAdmin.email, exact: true }).waitFor();
      expect(await page.getByText(demoAccount('analyst').email).count()).toBe(0);
    });

    it('lets a tenant admin create a user, change its role and deactivate it, with the API rules as messages', async () => {
      await signInAs('admin');
      await navLink(page, 'Users').click();
      await page.getByRole('cell', { name: demoAccount('analyst').email, exact: true }).waitFor();
      const email = `new-analyst-${Date.now()}@agency.example`;
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Initial password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Create user' }).click();
      const row = page.getByRole('row', { name: new RegExp(email) });
      await row.waitFor();
      expect(await row.innerText()).toContain('Active');

      // The same email again: the API's 409 on the email field.
      opened.watch.expectFailure(409, /\/api\/v1\/users$/);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Initial password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.locator('mat-error', { hasText: 'A user with this email already exists' }).waitFor();

      await choose(page, `Role of ${email}`, 'Client (read-only)');
      await page.getByText(`${email} is now Client (read-only).`).waitFor();
      await row.getByRole('button', { name: 'Deactivate' }).click();
      await page.getByRole('row', { name: new RegExp(`${email}.*Deactivated`) }).waitFor();
      // Your own account cannot be deactivated or demoted here (the API refuses it too).
      const mine = page.getByRole('row', { name: new RegExp(demoAccount('admin').email) });
      expect(await mine.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
      await expectAccessible(page, 'users');
      await screenshot(page, 'users');
    });

    it('sends a user whose account was deactivated back to sign-in with the reason', async () => {
      const platform = await harness.factory.platformAdmin();
      const clients = await request(harness.url).get('/api/v1/clients').set(platform.headers).expect(200);
      const demoClient = (clients.body as { id: string; name: string }[]).find(
        (c) => c.name === DEMO.client_name,
      );
      const analyst = await harness.factory.userSession(platform, Role.Analyst, demoClient?.id);
      await page.goto(`${harness.url}/sign-in`);
      await signIn(page, harness.url, analyst.email, TEST_PASSWORD);
      await openDemoGeography();

      await request(harness.url)
        .patch(`/api/v1/users/${analyst.user.id}`)
        .set(platform.headers)
        .send({ is_active: false })
        .expect(200);
      opened.watch.expectFailure(401, /\/api\/v1\//);
      await navLink(page, 'Reports').click();
      await page.waitForURL(/\/sign-in\?returnUrl=%2Freports$/);
      await page.getByText('The account behind this token is deactivated or no longer exists').waitFor();
    });

    it('returns a user whose token expired to sign-in with a message, and back to the page afterwards', async () => {
      // A second API (its own process) on the same database whose tokens live three seconds.
      const shortLived = await startApiProcess({ CONSOLE_DIR, JWT_EXPIRES_IN: '3s' });
      opened.watch.expectNetworkFailure(new RegExp(`^${shortLived.url}/`)); // once it is stopped
      try {
        const { email, password } = demoAccount('analyst');
        await page.goto(`${shortLived.url}/sign-in`);
        await signIn(page, shortLived.url, email, password);
        await page.goto(`${shortLived.url}/channels`);
        await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
        opened.watch.expectFailure(401, /\/api\/v1\//); // a request in flight at the moment it expires
        await page.waitForURL(/\/sign-in\?returnUrl=%2Fchannels$/, { timeout: 15_000 });
        await page.getByText('Your session has expired. Sign in again to continue where you were.').waitFor();
        await expectAccessible(page, 'sign-in-expired');
        await screenshot(page, 'sign-in-expired');
        await signIn(page, shortLived.url, email, password);
        await page.waitForURL(/\/channels$/);
        await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
      } finally {
        await shortLived.stop();
      }
    });

    it('says in words why a sign-in failed: wrong credentials, throttling with the wait time, the server down', async () => {
      // An API of its own: two attempts per email a minute, and it can be stopped.
      const strict = await startApiProcess({ CONSOLE_DIR, LOGIN_RATE_LIMIT_PER_EMAIL: '2' });
      opened.watch.expectNetworkFailure(new RegExp(`^${strict.url}/`)); // once it is stopped
      let stopped = false;
      try {
        opened.watch.expectFailure(401, /\/api\/v1\/auth\/login$/);
        opened.watch.expectFailure(429, /\/api\/v1\/auth\/login$/);
        await page.goto(`${strict.url}/sign-in`);
        await page.getByLabel('Email').fill(demoAccount('analyst').email);
        await page.getByLabel('Password').fill('not-the-password');
        const submit = page.getByRole('button', { name: 'Sign in', exact: true });
        await submit.click();
        await page.getByText('The email or password is not right').waitFor();
        await submit.click();
        await page.getByText('The email or password is not right').waitFor();
        await submit.click();
        await page.getByText(/Too many sign-in attempts; wait \d+ seconds and try again/).waitFor();
        await expectAccessible(page, 'sign-in-throttled');
        await screenshot(page, 'sign-in-throttled');
        await strict.stop();
        stopped = true;
        await submit.click();
        await page.getByText('The server cannot be reached').waitFor();
      } finally {
        if (!stopped) await strict.stop();
      }
    });

    it('serves deep links, shows a page-not-found page and the system status, and keeps API 404s out of the console', async () => {
      await signInAs('analyst');
      await page.goto(`${harness.url}/no/such/page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await expectAccessible(page, 'not-found');
      await navLink(page, 'System status').click();
      await page.getByText('Operational').waitFor();
      const rows = await page.locator('tr.mat-mdc-row').allInnerTexts();
      expect(rows.join('\n')).toMatch(/Database[\s\S]*Up/);
      expect(rows.join('\n')).toMatch(/Job queue[\s\S]*Up/);
      await expectAccessible(page, 'status');
      await screenshot(page, 'status');
      opened.watch.expectFailure(404, /no-such-route/);
      const response = await page.goto(`${harness.url}/api/v1/no-such-route`);
      expect(response?.status()).toBe(404);
      expect(await response?.json()).toMatchObject({ status_code: 404 });
    });

    it('fits 1920×1080 and 1280×800 without horizontal scrolling', async () => {
      await opened.context.close();
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 800 },
      ]) {
        opened = await openPage(harness, viewport);
        page = opened.page;
        await signInAs('analyst');
        await openDemoGeography();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await navLink(page, 'Reports').click();
        await page
          .getByRole('link', { name: /^Open the/ })
          .first()
          .click();
        await page.locator('circle.mark').first().waitFor();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        if (viewport.width === 1920) await screenshot(page, 'report-1920');
        if (viewport.width !== 1280) {
          expect(opened.watch.problems()).toEqual([]);
          await opened.context.close();
        }
      }
    });
  },
);
