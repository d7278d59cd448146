import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FakeCensusServer, startFakeCensusServer } from '../../support/fake-census/fake-census-server';
import { createFreshDatabase, dropDatabase } from '../../support/test-database';
import { PrivateRedis, startPrivateRedis } from './private-redis';
import { LbiProcess, migrate, startLbiProcess } from './processes';

export const PASSWORD = 'resilience-test-passphrase';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON call to an API process; `form` sends one file as multipart field `file`. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; file?: { name: string; content: string } } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.file) {
    body = new FormData();
    body.append('file', new Blob([options.file.content]), options.file.name);
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${base}/api/v1${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function login(base: string, email: string): Promise<string> {
  const answer = await call<{ access_token: string }>(base, 'POST', '/auth/login', {
    body: { email, password: PASSWORD },
  });
  if (answer.status !== 200) throw new Error(`login of ${email} answered ${answer.status}`);
  return answer.body.access_token;
}

/**
 * The process model of production on one machine: a fresh database on the shared PostgreSQL
 * (DATABASE_URL names the server), a private Redis, the fake Census API, and API and worker
 * processes of the build sharing one upload directory.
 */
export interface Stack {
  readonly databaseUrl: string;
  readonly db: Client;
  readonly redis: PrivateRedis;
  readonly fake: FakeCensusServer;
  readonly apis: LbiProcess[];
  readonly workers: LbiProcess[];
  readonly adminEmail: string;
  startApi(extra?: Record<string, string>): Promise<LbiProcess>;
  startWorker(extra?: Record<string, string>): Promise<LbiProcess>;
  /** A tenant with an analyst signed in on `base`. */
  tenant(base: string, label: string): Promise<{ clientId: string; token: string }>;
  dispose(): Promise<void>;
}

export function resilienceServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'test:resilience needs a PostgreSQL server: set DATABASE_URL (e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres); it creates and drops its own database there and starts its own Redis',
    );
  }
  return url;
}

/** `serverUrl`: another PostgreSQL server than DATABASE_URL's (a private cluster the test restarts). */
export async function startStack(serverUrl = resilienceServerUrl()): Promise<Stack> {
  const databaseUrl = await createFreshDatabase(serverUrl, 'lbi_resilience');
  await migrate(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  // A test that restarts PostgreSQL breaks this connection: that must not end the test process.
  db.on('error', () => undefined);
  await db.connect();
  const redis = await startPrivateRedis();
  const fake = await startFakeCensusServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'lbi-resilience-'));
  const adminEmail = `platform-${randomUUID().slice(0, 8)}@agency.example`;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    JWT_SECRET: 'resilience-secret-of-sufficient-length-0123456789',
    CENSUS_API_BASE_URL: fake.baseUrl,
    CONSOLE_DIR: '/nonexistent',
    LBI_DATA_DIR: dataDir,
    UPLOAD_DIR: join(dataDir, 'uploads'),
    BOOTSTRAP_ADMIN_EMAIL: adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    LOGIN_RATE_LIMIT_PER_EMAIL: '100000',
  };
  const apis: LbiProcess[] = [];
  const workers: LbiProcess[] = [];
  const stack: Stack = {
    databaseUrl,
    db,
    redis,
    fake,
    apis,
    workers,
    adminEmail,
    startApi: async (extra = {}) => {
      const api = await startLbiProcess('api', `api-${apis.length + 1}`, { ...env, ...extra });
      apis.push(api);
      return api;
    },
    startWorker: async (extra = {}) => {
      const worker = await startLbiProcess('worker', `worker-${workers.length + 1}`, { ...env, ...extra });
      workers.push(worker);
      return worker;
    },
    tenant: async (base, label) => {
      const admin = await login(base, adminEmail);
      const client = await call<{ id: string }>(base, 'POST', '/clients', {
        token: admin,
        body: { name: `${label} ${randomUUID().slice(0, 6)}` },
      });
      if (client.status !== 201) throw new Error(`client not created: ${client.status}`);
      const email = `analyst-${randomUUID().slice(0, 8)}@agency.example`;
      const user = await call(base, 'POST', '/users', {
        token: admin,
        body: { email, password: PASSWORD, role: 'analyst', client_id: client.body.id },
      });
      if (user.status !== 201) throw new Error(`user not created: ${user.status}`);
      return { clientId: client.body.id, token: await login(base, email) };
    },
    dispose: async () => {
      await Promise.all([...apis, ...workers].map((p) => p.stop()));
      await fake.close();
      await redis.dispose();
      await db.end().catch(() => undefined);
      await dropDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Events CSV of `rows` distinct events (unique name and date: one signal per row). */
export function eventsCsv(rows: number, label: string, zips: readonly string[]): string {
  const lines = ['event_name,start_date,end_date,zip_code,category,estimated_attendance,source_url'];
  for (let i = 0; i < rows; i++) {
    const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(
      `${label} fair ${i},${day},${day},${zips[i % zips.length]},festival,${100 + (i % 900)},https://example.org/e/${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
