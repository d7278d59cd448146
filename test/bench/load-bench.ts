// `npm run bench:load`: authenticated tenant reads under load against the built API on PostgreSQL +
// Redis, each route beside the ceiling of the same server in the same run (a static file of the
// console), with the API's memory sampled throughout. See docs/BENCHMARKS.md.
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { createFreshDatabase, dropDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const PHILLY_ZIPS = [
  '19002',
  '19003',
  '19004',
  '19006',
  '19010',
  '19012',
  '19025',
  '19027',
  '19031',
  '19034',
];

export interface LoadTarget {
  name: string;
  /** Paths per tenant (A, B): each connection alternates between the two. */
  paths: [string, string];
  headers: [Record<string, string>, Record<string, string>];
  tenantRead: boolean;
}

export interface RouteResult {
  route: string;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
  ratio_to_static: number | null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function startProcess(script: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, script)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function waitFor<T>(what: string, poll: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await poll();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function cannon(url: string, target: LoadTarget, connections: number, durationS: number) {
  return autocannon({
    url,
    connections,
    duration: durationS,
    requests: [0, 1].map((i) => ({ method: 'GET', path: target.paths[i], headers: target.headers[i] })),
  });
}

export async function runLoadBenchmark(options: { durationS: number; connections: number }) {
  const serverUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!serverUrl || !redisUrl) {
    throw new Error('bench:load runs on PostgreSQL + Redis: set DATABASE_URL and REDIS_URL');
  }
  const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const databaseUrl = await createFreshDatabase(serverUrl, 'lbi_bench_load');
  const fake = await startFakeCensusServer();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const admin = {
    email: `bench-${randomUUID().slice(0, 8)}@agency.example`,
    password: 'bench-admin-passphrase',
  };
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `lbi-bench-${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'bench-secret-of-sufficient-length-0123456789',
    PORT: String(port),
    CENSUS_API_BASE_URL: fake.baseUrl,
    CONSOLE_DIR: join(ROOT, 'dist/console/browser'),
    LBI_DATA_DIR: join(ROOT, '.data/bench-load'),
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    LOGIN_RATE_LIMIT_PER_IP: '1000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const migrate = spawn(process.execPath, [join(ROOT, 'dist/server/apps/api/src/migrate.js'), 'run'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  await new Promise((resolve, reject) =>
    migrate.on('exit', (code) => (code === 0 ? resolve(null) : reject(new Error('migration failed')))),
  );
  // BENCH_API_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under load.
  const apiFlags = (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const api = startProcess('dist/server/apps/api/src/main.js', env, apiFlags);
  const worker = startProcess('dist/server/apps/worker/src/main.js', env);
  const samples: { at: number; rss: number }[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    await waitFor('the API', async () => {
      const health = await fetch(`${base}/api/v1/health`).catch(() => undefined);
      return health?.ok ? true : undefined;
    });
    const login = async (email: string, password: string) => {
      const answer = await json<{ access_token: string }>(`${base}/api/v1/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      });
      if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
      return { authorization: `Bearer ${answer.body.access_token}` };
    };
    const platform = await login(admin.email, admin.password);
    const tenants: { headers: Record<string, string>; geographyId: string; reportId: string }[] = [];
    for (const name of ['Load A', 'Load B']) {
      const client = await json<{ id: string }>(`${base}/api/v1/clients`, {
        method: 'POST',
        headers: platform,
        body: JSON.stringify({ name: `${name} ${randomUUID().slice(0, 6)}` }),
      });
      const email = `analyst-${randomUUID().slice(0, 8)}@agency.example`;
      await json(`${base}/api/v1/users`, {
        method: 'POST',
        headers: platform,
        body: JSON.stringify({ email, password: admin.password, role: 'analyst', client_id: client.body.id }),
      });
      const headers = await login(email, admin.password);
      const post = <T>(path: string, body?: unknown) =>
        json<T>(`${base}/api/v1${path}`, {
          method: 'POST',
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const get = <T>(path: string) => json<T>(`${base}/api/v1${path}`, { headers });
      // A few geographies, so the list is a realistic page, and one with Census figures, scores and a report.
      let geographyId = '';
      for (let g = 0; g < 8; g++) {
        const created = await post<{ id: string }>('/geographies', {
          name: `${name} area ${g}`,
          zip_codes: PHILLY_ZIPS,
        });
        geographyId ||= created.body.id;
      }
      const refresh = await post<{ ingestion_run_id: string }>(`/geographies/${geographyId}/refresh-census`);
      await waitFor('the Census refresh', async () => {
        const run = await get<{ status: string }>(`/ingestion-runs/${refresh.body.ingestion_run_id}`);
        if (run.body.status === 'failed') throw new Error('the Census refresh failed');
        return run.body.status === 'success' ? true : undefined;
      });
      await post(`/geographies/${geographyId}/recompute-scores`);
      const report = await post<{ id: string }>('/reports', {
        geography_id: geographyId,
        category: 'roofing',
      });
      await waitFor('the report', async () => {
        const answer = await get<{ status: string }>(`/reports/${report.body.id}`);
        if (answer.body.status === 'failed') throw new Error('the report failed');
        return answer.body.status === 'success' ? true : undefined;
      });
      await waitFor('the scores', async () => {
        const scores = await get<unknown[]>(`/geographies/${geographyId}/scores?category=roofing`);
        return Array.isArray(scores.body) && scores.body.length > 0 ? true : undefined;
      });
      tenants.push({ headers, geographyId, reportId: report.body.id });
    }
    const [a, b] = tenants;
    const none: Record<string, string> = {};
    const targets: LoadTarget[] = [
      {
        name: 'static file (ceiling)',
        paths: ['/favicon.svg', '/favicon.svg'],
        headers: [none, none],
        tenantRead: false,
      },
      {
        name: 'GET /health',
        paths: ['/api/v1/health', '/api/v1/health'],
        headers: [none, none],
        tenantRead: false,
      },
      {
        name: 'GET /geographies',
        paths: ['/api/v1/geographies', '/api/v1/geographies'],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
      {
        name: 'GET /reports/:id',
        paths: [`/api/v1/reports/${a.reportId}`, `/api/v1/reports/${b.reportId}`],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
      {
        name: 'GET /geographies/:id/scores',
        paths: [
          `/api/v1/geographies/${a.geographyId}/scores?category=roofing`,
          `/api/v1/geographies/${b.geographyId}/scores?category=roofing`,
        ],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
    ];
    const started = Date.now();
    const rssIdle = rssMb(api.pid);
    sampler = setInterval(() => {
      const rss = rssMb(api.pid);
      if (rss !== null) samples.push({ at: Date.now() - started, rss });
    }, 1000);
    const results: RouteResult[] = [];
    let ceiling = 0;
    // BENCH_ROUTES="static,geographies" runs only the routes whose names contain one of the words.
    const only = (process.env.BENCH_ROUTES ?? '').split(',').filter(Boolean);
    for (const target of targets) {
      if (
        only.length > 0 &&
        !target.name.startsWith('static') &&
        !only.some((word) => target.name.includes(word))
      )
        continue;
      const outcome = await cannon(base, target, options.connections, options.durationS);
      const rps = outcome.requests.average;
      if (!target.tenantRead && target.name.startsWith('static')) ceiling = rps;
      results.push({
        route: target.name,
        requests_per_s: Math.round(rps),
        p50_ms: outcome.latency.p50,
        p99_ms: outcome.latency.p99,
        errors: outcome.errors + outcome.timeouts,
        non_2xx: outcome.non2xx,
        ratio_to_static: ceiling > 0 ? Number((rps / ceiling).toFixed(2)) : null,
      });
    }
    clearInterval(sampler);
    const rssValues = samples.map((s) => s.rss);
    const rssPeak = Math.max(...rssValues);
    const reads = results.filter((r) => targets.find((t) => t.name === r.route)?.tenantRead);
    const missed = [
      ...reads
        .filter((r) => (r.ratio_to_static ?? 0) < 0.5)
        .map((r) => `${r.route}: ${r.ratio_to_static} of the static ceiling (target ≥ 0.5)`),
      ...reads.filter((r) => r.p99_ms >= 100).map((r) => `${r.route}: p99 ${r.p99_ms} ms (target < 100 ms)`),
      ...results
        .filter((r) => r.errors + r.non_2xx > 0)
        .map((r) => `${r.route}: ${r.errors} errors, ${r.non_2xx} non-2xx`),
      ...(rssPeak >= 200 ? [`API RSS peaked at ${rssPeak} MB (target < 200 MB)`] : []),
    ];
    return {
      connections: options.connections,
      duration_s_per_route: options.durationS,
      routes: results,
      api_rss_mb: { idle_before_load: rssIdle, peak: rssPeak, last: rssValues.at(-1) ?? null },
      worker_rss_mb_after: rssMb(worker.pid),
      missed,
      within_target: missed.length === 0,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB`,
      load_average_at_start: loadAtStart,
      node: process.version,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    await Promise.all(
      [api, worker].map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await fake.close();
    await dropDatabase(databaseUrl);
  }
}
