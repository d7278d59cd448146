import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';

/** The demo tenant the API seeds in demo mode (data/demo/demo.json). */
export interface DemoDefinition {
  client_name: string;
  geography: { name: string; zip_codes: string[] };
  accounts: { role: 'platform' | 'admin' | 'analyst' | 'client'; email: string; password: string }[];
  reports: string[];
}

export const DEMO: DemoDefinition = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'data', 'demo', 'demo.json'), 'utf8'),
) as DemoDefinition;

export function demoAccount(role: DemoDefinition['accounts'][number]['role']): {
  email: string;
  password: string;
} {
  const account = DEMO.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`data/demo/demo.json has no ${role} account`);
  return account;
}

/** Waits until the demo seeding's imports, Census refresh and reports have all finished. */
export async function waitForDemoReady(url: string): Promise<{ token: string; geographyId: string }> {
  const { email, password } = demoAccount('analyst');
  const login = await request(url).post('/api/v1/auth/login').send({ email, password }).expect(200);
  const token = (login.body as { access_token: string }).access_token;
  const auth = { Authorization: `Bearer ${token}` };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const geographies = await request(url).get('/api/v1/geographies').set(auth).expect(200);
    const geography = (geographies.body as { id: string; name: string }[]).find(
      (g) => g.name === DEMO.geography.name,
    );
    const reports = await request(url).get('/api/v1/reports').set(auth).expect(200);
    const statuses = (reports.body as { status: string }[]).map((r) => r.status);
    const runs = await request(url).get('/api/v1/ingestion-runs').set(auth).expect(200);
    const busy = (runs.body as { status: string }[]).some(
      (r) => r.status === 'queued' || r.status === 'running',
    );
    if (
      geography &&
      !busy &&
      statuses.length >= DEMO.reports.length &&
      statuses.every((s) => s === 'success')
    ) {
      return { token, geographyId: geography.id };
    }
    if (statuses.includes('failed')) throw new Error('a demo report failed');
    if (Date.now() > deadline) throw new Error(`the demo did not get ready: reports ${statuses.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Picks an option of the mat-select labelled `label` (inside `within` when several have that label). */
export async function choose(
  page: Page,
  label: string,
  option: string | RegExp,
  within: Page | Locator = page,
): Promise<void> {
  await within.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** A link of the main navigation. */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}
