import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Bull from 'bull';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoSeeder } from '@lbi/features';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AuthFactory } from './auth-factory';
import { chromiumAvailable, launchChromium } from './chromium';
import { FakeCensusServer, startFakeCensusServer } from './fake-census/fake-census-server';
import { startTestApi } from './start-test-api';
import { testConfig, testRedisUrl } from './test-env';

const ROOT = join(__dirname, '..', '..');
export const CONSOLE_DIR = join(ROOT, 'dist', 'console', 'browser');
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots');
const RESULTS_DIR = join(ROOT, 'test-results');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Whether this machine can run the browser tests (Debian chromium and a built console). */
export function browserTestsRunnable(): boolean {
  const ok = chromiumAvailable() && existsSync(join(CONSOLE_DIR, 'index.html'));
  if (!ok) {
    process.stdout.write(
      'browser tests skipped: they need /usr/bin/chromium (apt-get install chromium) and a built console (npm run build:console)\n',
    );
  }
  return ok;
}

export interface ConsoleHarness {
  /** The API serving the built console, e.g. http://localhost:40123 */
  readonly url: string;
  readonly api: Awaited<ReturnType<typeof startTestApi>>;
  readonly fakeCensus: FakeCensusServer;
  readonly factory: AuthFactory;
  readonly browser: Browser;
  /** `bull` when REDIS_URL is set (a worker runs the jobs), `inline` on the embedded default. */
  readonly driver: 'bull' | 'inline';
  stop(): Promise<void>;
}

/**
 * The real stack for the browser tests: the fake Census API, the API serving the built console, a
 * Bull worker when REDIS_URL is set, and headless Chromium. The demo tenant is seeded through the
 * demo seeder (the real upload, import, Census and report paths): demo mode itself runs only on an
 * embedded database of its own (see startDemoProcess).
 */
export async function startConsoleHarness(
  overrides: Record<string, string | undefined> = {},
): Promise<ConsoleHarness> {
  const fakeCensus = await startFakeCensusServer();
  const redisUrl = testRedisUrl();
  const queuePrefix = `lbi-browser-${randomUUID().slice(0, 8)}`;
  const env = {
    CONSOLE_DIR,
    CENSUS_API_BASE_URL: fakeCensus.baseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix } : {}),
    ...overrides,
  };
  let worker: INestApplicationContext | undefined;
  if (redisUrl) {
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config: testConfig(env), retryBackoffMs: 10 }),
      { logger: false },
    );
    await worker.init();
  }
  const api = await startTestApi(env);
  await api.app.get(DemoSeeder).seed();
  const browser = await launchChromium();
  return {
    url: api.url,
    api,
    fakeCensus,
    factory: new AuthFactory(api),
    browser,
    driver: redisUrl ? 'bull' : 'inline',
    stop: async () => {
      await browser.close();
      await api.stop();
      await worker?.close();
      if (redisUrl) {
        const bull = new Bull('lbi', redisUrl, { prefix: queuePrefix });
        await bull.obliterate({ force: true });
        await bull.close();
      }
      await fakeCensus.close();
    },
  };
}

/**
 * Everything that went wrong on a page: console errors, uncaught exceptions, failed requests and
 * API answers of 400 or more, except those a test declares it expects.
 */
export class PageWatch {
  private readonly found: string[] = [];
  private readonly expected: { status: number; url: RegExp; seen: number }[] = [];
  private readonly expectedNetwork: RegExp[] = [];
  /** Every API request the page made, as `METHOD path`. */
  readonly apiRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      // A failed resource is also a failed response below, judged there (expected or not).
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.found.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.found.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) this.apiRequests.push(`${request.method()} ${url.pathname}`);
    });
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'unknown';
      // The page cancelling its own request (navigation, a superseded poll) is not a failure.
      if (reason === 'net::ERR_ABORTED' || this.expectedNetwork.some((url) => url.test(request.url())))
        return;
      this.found.push(`request failed: ${request.url()} (${reason})`);
    });
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const url = response.url();
      const allowed = this.expected.find((e) => e.status === response.status() && e.url.test(url));
      if (allowed) allowed.seen += 1;
      else this.found.push(`HTTP ${response.status()} ${response.request().method()} ${url}`);
    });
  }

  /** A failing answer the test provokes on purpose (a validation error, an expired token). */
  expectFailure(status: number, url: RegExp): void {
    this.expected.push({ status, url, seen: 0 });
  }

  /** A request the test makes fail on purpose (the server stopped). */
  expectNetworkFailure(url: RegExp): void {
    this.expectedNetwork.push(url);
  }

  problems(): string[] {
    return [...this.found];
  }
}

/** The API's error log lines (level 50+), to explain a 500 a page met. */
export function apiErrors(logs: readonly string[]): string[] {
  return logs
    .filter((line) => /"level":(50|60)/.test(line))
    .map((line) => {
      const entry = JSON.parse(line) as { req?: { path?: string }; err?: { message?: string } };
      return `${entry.req?.path ?? ''}: ${entry.err?.message ?? line.slice(0, 300)}`;
    });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly watch: PageWatch;
}

export async function openPage(
  harness: ConsoleHarness,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const context = await harness.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page, watch: new PageWatch(page) };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
  /** axe's explanation for the first node (e.g. the contrast ratio found). */
  summary: string;
}

type AxeSummary = Record<string, { serious_or_critical: number; moderate_or_minor: number; rules: string[] }>;
const AXE_SUMMARY = join(RESULTS_DIR, 'axe-summary.json');

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so a strict Content Security
 * Policy does not block it) and records the result per page; returns the serious and critical findings.
 */
export async function axeViolations(page: Page, name: string): Promise<AxeFinding[]> {
  // The page at rest: no pointer hovering the last button clicked (a state layer a test leaves
  // behind), and a just-opened snack bar past the moment Material hides it while it announces it.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string; html: string }[];
      }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      summary: `${v.nodes[0]?.failureSummary ?? ''} ${v.nodes[0]?.html.slice(0, 300) ?? ''}`,
    }));
  });
  const severe = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  // One file for every suite of the run (each Jest file has its own module registry).
  const axeSummary: AxeSummary = existsSync(AXE_SUMMARY)
    ? (JSON.parse(readFileSync(AXE_SUMMARY, 'utf8')) as AxeSummary)
    : {};
  axeSummary[name] = {
    serious_or_critical: severe.length,
    moderate_or_minor: findings.length - severe.length,
    rules: findings.map((f) => `${f.id} (${f.impact})`),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(AXE_SUMMARY, `${JSON.stringify(axeSummary, null, 2)}\n`);
  return severe;
}

/** A screenshot for the README (docs/screenshots/<name>.png): the full page unless told otherwise. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  // Let transitions (ripples, progress bars) settle so the picture shows the page, not a frame of it.
  await page.waitForTimeout(300);
  // From the top: a sticky toolbar would otherwise be drawn where the page happened to be scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}

/** No horizontal scroll bar: the page fits its viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** No problem on the page (see PageWatch); a server error comes with the API's own account of it. */
export async function expectPageClean(opened: OpenedPage, harness: ConsoleHarness): Promise<void> {
  const problems = opened.watch.problems();
  await opened.context.close();
  const serverErrors = problems.some((p) => / 5\d\d /.test(p)) ? apiErrors(harness.api.logs) : [];
  expect({ problems, serverErrors }).toEqual({ problems: [], serverErrors: [] });
}

/** No serious or critical axe finding, and no horizontal scrolling. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page, name)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}
