import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRY = {
  api: join(ROOT, 'dist', 'server', 'apps', 'api', 'src', 'main.js'),
  worker: join(ROOT, 'dist', 'server', 'apps', 'worker', 'src', 'main.js'),
  migrate: join(ROOT, 'dist', 'server', 'apps', 'api', 'src', 'migrate.js'),
} as const;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** One JSON log line of a child process (pino). */
export type LogLine = Record<string, unknown> & { msg?: string };

/** An API or worker process of the built server (dist/server), with its log lines kept. */
export interface LbiProcess {
  readonly name: string;
  readonly pid: number;
  /** Base URL, for an API process. */
  readonly url: string;
  readonly logs: LogLine[];
  readonly exited: boolean;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

function waitExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `npm run start:api` / `start:worker` of the build (npm run build:server) with only the given
 * environment (nothing a shell exported leaks in). An API resolves once GET /health answers.
 */
export async function startLbiProcess(
  kind: 'api' | 'worker',
  name: string,
  env: Record<string, string>,
): Promise<LbiProcess> {
  if (!existsSync(ENTRY[kind])) throw new Error(`${ENTRY[kind]} is missing: run npm run build:server first`);
  const port = kind === 'api' ? await freePort() : 0;
  const child = spawn(process.execPath, [ENTRY[kind]], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${stderr}`);
      if (kind === 'api') {
        const health = await fetch(`${url}/api/v1/health`).catch(() => undefined);
        if (health) return;
      } else if (logs.some((line) => line.msg === 'worker started')) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name} did not start within 90 s: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await ready();
  return {
    name,
    pid: child.pid as number,
    url,
    logs,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await waitExit(child);
    },
  };
}

/** `npm run migration:run` of the build on `databaseUrl`. */
export async function migrate(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [ENTRY.migrate, 'run'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`migration:run failed (${code}): ${stderr}`);
}

/** Polls until `check` returns a value (not undefined). Bounded: a test never hangs on it. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
