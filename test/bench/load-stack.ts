// The stack the load and soak benchmarks run against: a fresh database on DATABASE_URL's server, the
// built API and one worker on REDIS_URL, the fake Census API, and two tenants each with eight
// geographies, one of them with Census figures, roofing scores and a report.
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
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

export interface LoadTenant {
  headers: Record<string, string>;
  geographyId: string;
  reportId: string;
}

export interface LoadStack {
  readonly base: string;
  readonly api: ChildProcess;
  readonly worker: ChildProcess;
  readonly tenants: LoadTenant[];
  readonly loadAtStart: number[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
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
    env: {
      PATH: process.env.PATH ?? '',
      ...(process.env.MEMORY_REPORT_DIR ? { MEMORY_REPORT_DIR: process.env.MEMORY_REPORT_DIR } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function waitFor<T>(
  what: string,
  poll: () => Promise<T | undefined>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await poll();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function startLoadStack(options: {
  databasePrefix: string;
  dataDir: string;
}): Promise<LoadStack> {
  const serverUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!serverUrl || !redisUrl) {
    throw new Error('the load benchmarks run on PostgreSQL + Redis: set DATABASE_URL and REDIS_URL');
  }
  const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const databaseUrl = await createFreshDatabase(serverUrl, options.databasePrefix);
  const fake = await startFakeCensusServer();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const admin = {
    email: `bench-${randomUUID().slice(0, 8)}@agency.example`,
    password: 'bench-admin-passphrase',
  };
  const env = {
    NODE_ENV: 'production',
    // As the Dockerfile sets it (argon2's buffers otherwise stay resident); BENCH_MALLOC_MMAP_THRESHOLD=
    // (empty) measures without it.
    ...((process.env.BENCH_MALLOC_MMAP_THRESHOLD ?? '131072') !== ''
      ? { MALLOC_MMAP_THRESHOLD_: process.env.BENCH_MALLOC_MMAP_THRESHOLD ?? '131072' }
      : {}),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `lbi-bench-${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'bench-secret-of-sufficient-length-0123456789',
    PORT: String(port),
    CENSUS_API_BASE_URL: fake.baseUrl,
    CONSOLE_DIR: join(ROOT, 'dist/console/browser'),
    LBI_DATA_DIR: join(ROOT, options.dataDir),
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
  // BENCH_API_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under load;
  // BENCH_WORKER_NODE_FLAGS does the same for the worker (e.g. --import ./scripts/memory-report.mjs).
  const flags = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);
  const api = startProcess('dist/server/apps/api/src/main.js', env, flags('BENCH_API_NODE_FLAGS'));
  const worker = startProcess('dist/server/apps/worker/src/main.js', env, flags('BENCH_WORKER_NODE_FLAGS'));
  const stop = async () => {
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
  };
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
    return { base, api, worker, tenants, loadAtStart, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
