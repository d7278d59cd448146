import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run demo', () => {
  let demo: ChildProcess | undefined;
  let dataDir: string;
  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((resolve) => demo?.once('exit', resolve));
      demo.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the embedded default, prints the URL and answers /api/v1/health with 200', async () => {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'lbi-demo-'));
    // Service URLs in the environment must not matter: the demo is the embedded default.
    const env = {
      ...process.env,
      PORT: String(port),
      LBI_DATA_DIR: dataDir,
      DATABASE_URL: 'postgresql://nowhere:1/x',
    };
    demo = spawn(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    demo.stderr?.on('data', (chunk: Buffer) => (banner += chunk.toString()));
    demo.stdout?.resume();
    const deadline = Date.now() + 100_000;
    while (!banner.includes('Console:') && Date.now() < deadline && demo.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(banner).toContain(`Console:  http://localhost:${port}/`);
    const health = await fetch(`http://localhost:${port}/api/v1/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { details: Record<string, Record<string, unknown>> };
    expect(body.details.database).toMatchObject({ status: 'up', engine: 'embedded (PGlite)' });
    expect(body.details.queue).toMatchObject({ status: 'up', driver: 'inline' });
  });
});
