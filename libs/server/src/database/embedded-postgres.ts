import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { projectRoot } from '../project-root';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the database files; undefined keeps the database in memory (tests). */
  dataDir?: string;
  port?: number;
  /** Upper bound on simultaneous client connections (the pool size plus headroom). */
  maxConnections?: number;
  startTimeoutMs?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) behind pglite-socket in a child process, so the API
 * talks to it through the ordinary `pg` driver exactly as it does to a real server. A child process
 * keeps PGlite's WASM work off the API's event loop and lets Jest use it from globalSetup.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const port = options.port ?? (await freePort());
  const args = [join(projectRoot(), 'scripts', 'pglite-server.mjs'), '--port', String(port)];
  let lockFile: string | undefined;
  if (options.dataDir) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    lockFile = acquireDataDirLock(dataDir);
    args.push('--data-dir', dataDir);
  }
  const releaseLock = () => {
    if (lockFile) rmSync(lockFile, { force: true });
  };
  args.push('--max-connections', String(options.maxConnections ?? 20));

  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const started = new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new Error(
          `Embedded PostgreSQL did not start within ${options.startTimeoutMs ?? 60000} ms: ${stderr}`,
        ),
      );
    }, options.startTimeoutMs ?? 60000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('PGLITE_READY')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Embedded PostgreSQL exited with code ${code}: ${stderr.trim()}`));
    });
  });
  try {
    await started;
  } catch (error) {
    releaseLock();
    throw error;
  }
  child.once('exit', releaseLock);

  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        // SIGTERM lets the server close PGlite cleanly so the data folder stays consistent.
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10000).unref();
      }),
  };
}

/**
 * PGlite's data folder may be opened by ONE process at a time (a second one would corrupt it): a
 * lock file beside it holds the owner's pid. A lock whose process is gone is taken over.
 */
function acquireDataDirLock(dataDir: string): string {
  const lockFile = `${dataDir}.lock`;
  let owner: number | undefined;
  try {
    owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
  } catch {
    owner = undefined;
  }
  if (owner && owner !== process.pid && processIsAlive(owner)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${owner} (is \`npm run demo\` or the API running?). ` +
        `Only one process can open it at a time: stop that process first, or set DATABASE_URL to a PostgreSQL server. ` +
        `If no such process is running, delete ${lockFile}.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return lockFile;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
