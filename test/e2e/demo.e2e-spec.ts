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
    // Public health says up or down only; the engine and driver are in the platform admin's details.
    expect(body.details).toEqual({ database: { status: 'up' }, queue: { status: 'up' } });

    // The demo tenant: logins printed, the sample files imported and Census figures from the snapshot.
    expect(banner).toContain('analyst@lbi-demo.example');
    const base = `http://localhost:${port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst@lbi-demo.example', password: 'demo-analyst-password' }),
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const get = async <T>(path: string): Promise<T> =>
      (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const itemsOf = <T>(body: T[] | { items: T[] }): T[] => (Array.isArray(body) ? body : body.items);
    type Run = { source_type: string; status: string; records_upserted: number };
    let runs: Run[] = [];
    for (let i = 0; i < 120; i += 1) {
      runs = itemsOf(await get<Run[] | { items: Run[] }>('/ingestion-runs'));
      if (runs.length === 4 && runs.every((run) => run.status === 'success' || run.status === 'failed'))
        break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(runs.map((run) => [run.source_type, run.status]).sort()).toEqual([
      ['census', 'success'],
      ['csv_channels', 'success'],
      ['csv_events', 'success'],
      ['csv_property', 'success'],
    ]);
    const geographies = await get<
      { id: string; zip_codes: string[] }[] | { items: { id: string; zip_codes: string[] }[] }
    >('/geographies');
    const geography = Array.isArray(geographies) ? geographies[0] : geographies.items[0];
    expect(geography.zip_codes).toHaveLength(20);
    type Signal = { metric: string; value: number; margin_of_error: number | null; source_url: string };
    const census = await get<{ items: Signal[] }>(
      `/signals?geography_id=${geography.id}&signal_type=CENSUS&zip_code=19002`,
    );
    const population = census.items.find((signal) => signal.metric === 'population');
    // ZCTA 19002 in the ACS 2019-2023 5-year release (data/census).
    expect(population?.value).toBe(31681);
    expect(census.items.find((signal) => signal.metric === 'owner_occupied')).toMatchObject({
      value: 9485,
      margin_of_error: 472,
    });
    expect(population?.source_url).toMatch(/bundled snapshot/);
    // The demo ends with reports the user can open and export.
    type Report = { id: string; category: string; status: string };
    let reports: Report[] = [];
    for (let i = 0; i < 120; i += 1) {
      reports = await get<Report[]>('/reports');
      if (reports.length === 3 && reports.every((report) => report.status === 'success')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(reports.map((report) => [report.category, report.status]).sort()).toEqual([
      ['hvac', 'success'],
      ['moving', 'success'],
      ['roofing', 'success'],
    ]);
    const pdf = await fetch(`${base}/reports/${reports[0].id}/export?format=pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
