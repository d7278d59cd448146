import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_JWT_SECRET, testDatabaseUrl } from './test-env';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'server', 'apps', 'api', 'src', 'main.js');

export interface ApiProcess {
  readonly url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A second API on the test database, in its own process (the built server, `npm run build:server`):
 * passport keeps its strategies in a process-wide registry, so two APIs in one process would share
 * one token strategy. For tests that need other settings (short token lifetime, strict throttling).
 */
export function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  return spawnApi({
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    LBI_DATA_DIR: '.data/test',
    LOGIN_RATE_LIMIT_PER_IP: '10000',
    LOGIN_RATE_LIMIT_PER_EMAIL: '10000',
    ...env,
  });
}

/**
 * What `npm run demo` runs: the API in demo mode on an embedded database of its own (demo mode never
 * runs on a real database), which seeds the demo tenant at start. `dataDir` holds that database.
 */
export function startDemoProcess(dataDir: string, env: Record<string, string>): Promise<ApiProcess> {
  return spawnApi({ LBI_DEMO: 'true', LBI_DATA_DIR: dataDir, ...env }, 120_000);
}

async function spawnApi(env: Record<string, string>, startTimeoutMs = 60_000): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:server first`);
  const port = await freePort();
  // Only what the API needs: service URLs a shell may have exported must not leak into it.
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API process did not answer within ${startTimeoutMs / 1000} s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
