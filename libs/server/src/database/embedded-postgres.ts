import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
  if (options.dataDir) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    args.push('--data-dir', dataDir);
  }
  args.push('--max-connections', String(options.maxConnections ?? 20));

  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  await new Promise<void>((ready, fail) => {
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
