// `npm run bench:scan`: the figures of the trade-area and scan work, measured through the real code.
// 1. Filling the national public Census cache through the fake Census API (requests against the floor
//    ceil(ZCTAs / per request) x groups, rows/s and values/s of the write, RSS sampled throughout), and
//    the same rows loaded by a raw COPY into an identical scratch table for comparison.
// 2. Scans with a warm cache, end to end (POST-equivalent request -> generate_scan -> stored payload)
//    for scopes of growing size up to the nation, to read the time per ZCTA.
// 3. The ring preview for 100 miles around a dense ZIP (Manhattan, 10001).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CENSUS_MAX_ZCTAS_PER_REQUEST, DEFAULT_ACS_VARIABLE_IDS, planCensusRequests } from '@lbi/census';
import { ReportStatus } from '@lbi/contracts';
import {
  ALL_ENTITIES,
  CensusCacheFills,
  GeographiesService,
  Scan,
  ScansService,
  clearVintageCache,
  resolveScanScope,
} from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import {
  EmbeddedPostgres,
  JobQueue,
  loadConfig,
  runMigrations,
  RuntimeInfo,
  startEmbeddedPostgres,
  TenantContext,
  TenantDb,
} from '@lbi/server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { startFakeCensusServer } from '../support/fake-census/fake-census-server';

export interface ScanBenchmarkOptions {
  latencyMs: number;
  scopes: string[];
  category: string;
  previewRuns: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const mb = (bytes: number): number => Math.round(bytes / 1048576);

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * RSS and heap sampled every 50 ms while `work` runs, and with `collect` (node runs with --expose-gc,
 * as bench-scan.mjs starts it) the live heap after a full collection once a second: garbage V8 has not
 * collected yet says nothing about what the work holds, the live heap does. The collections cost time,
 * so timings come from a run without them.
 */
async function sampled<T>(work: () => Promise<T>, collect = false) {
  const rss: number[] = [];
  const heap: number[] = [];
  const live: number[] = [];
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    rss.push(usage.rss);
    heap.push(usage.heapUsed);
  }, 50);
  const collector =
    gc && collect
      ? setInterval(() => {
          gc();
          live.push(process.memoryUsage().heapUsed);
        }, 1000)
      : undefined;
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: Math.round(performance.now() - started), rss, heap, live };
  } finally {
    clearInterval(timer);
    if (collector) clearInterval(collector);
  }
}

/** Live heap after collections: first and last quarter of the run (flat when they match). */
function liveHeap(live: number[]) {
  if (live.length < 4) return null;
  const quarter = Math.max(1, Math.floor(live.length / 4));
  const mean = (xs: number[]) => mb(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    samples: live.length,
    first_quarter_mb: mean(live.slice(0, quarter)),
    last_quarter_mb: mean(live.slice(-quarter)),
    max_mb: mb(Math.max(...live)),
  };
}

export async function runScanBenchmark(options: ScanBenchmarkOptions) {
  const fake = await startFakeCensusServer({ latencyMs: options.latencyMs });
  let embedded: EmbeddedPostgres | undefined;
  let app: INestApplicationContext | undefined;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres();
      databaseUrl = embedded.url;
    }
    await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-of-sufficient-length-0123456789',
      LOG_LEVEL: 'warn',
      LBI_DATA_DIR: resolve('.data/bench'),
      CONSOLE_DIR: '/nonexistent',
      CENSUS_API_BASE_URL: fake.baseUrl,
    });
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, databaseUrl, runtime: new RuntimeInfo(!!embedded, 'bench') }),
      { logger: ['error', 'warn'] },
    );
    const db = app.get(DataSource);
    clearVintageCache();

    // 1. The national fill from an empty cache.
    await db.query('DELETE FROM public_acs_zctas');
    await db.query('DELETE FROM public_business_counts');
    await db.query('DELETE FROM public_cache_fills');
    const fills = app.get(CensusCacheFills);
    const nation = resolveScanScope('US')!;
    const vintage = await fills.acsVintage();
    const groups = new Set(
      planCensusRequests({
        baseUrl: fake.baseUrl,
        year: vintage.year,
        variables: DEFAULT_ACS_VARIABLE_IDS,
        zctas: ['00601'],
      }).map((r) => r.group),
    ).size;
    const floor = Math.ceil(nation.zctas.length / CENSUS_MAX_ZCTAS_PER_REQUEST) * groups;
    const before = fake.requests.length;
    const rssBefore = process.memoryUsage().rss;
    const fill = await sampled(() => fills.ensureAcs(nation, vintage, 'platform'));
    const fillRequests = fake.requests.length - before;
    const [record] = await db.query(`SELECT details, rows_written FROM public_cache_fills WHERE id = $1`, [
      fill.result.fill_ids[0],
    ]);
    const copy = process.env.DATABASE_URL ? copyComparison(process.env.DATABASE_URL) : null;
    // The same fill again from an empty cache, the live heap read after full collections throughout.
    await db.query(`DELETE FROM public_acs_zctas`);
    await db.query(`DELETE FROM public_cache_fills`);
    const memory = await sampled(() => fills.ensureAcs(nation, vintage, 'platform'), true);
    const writeMs = Number(record.details.write_ms);
    const values = Number(record.rows_written) * DEFAULT_ACS_VARIABLE_IDS.length;
    const fillFigures = {
      zctas: nation.zctas.length,
      variables: DEFAULT_ACS_VARIABLE_IDS.length,
      variable_groups: groups,
      requests: fillRequests,
      request_floor: floor,
      rows_written: Number(record.rows_written),
      values_written: values,
      wall_ms: fill.ms,
      fetch_ms: Number(record.details.fetch_ms),
      write_ms: writeMs,
      rows_per_s: Math.round(Number(record.rows_written) / (writeMs / 1000)),
      values_per_s: Math.round(values / (writeMs / 1000)),
      rss_mb: {
        before: mb(rssBefore),
        peak: mb(Math.max(...fill.rss)),
        after: mb(process.memoryUsage().rss),
      },
      heap_mb: { min: mb(Math.min(...fill.heap)), peak: mb(Math.max(...fill.heap)) },
      live_heap_after_gc: liveHeap(memory.live),
      copy,
    };

    // 2. Warm scans, smallest scope first; the first scan of each also fills the CBP cache (1 request).
    const [{ id: clientId }] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Scan benchmark ${randomUUID()}`,
    ]);
    const scans = [];
    for (const code of options.scopes) {
      const scope = resolveScanScope(code)!;
      const runs: number[] = [];
      let requests = 0;
      let ranked = 0;
      for (let i = 0; i < 3; i++) {
        const sent = fake.requests.length;
        const started = performance.now();
        const scan = await TenantContext.run({ clientId }, () =>
          app!.get(ScansService).request({ category: options.category, state: code, limit: 100 }),
        );
        await app!.get(JobQueue).drain(600_000);
        runs.push(Math.round(performance.now() - started));
        requests += fake.requests.length - sent;
        const stored = await app!
          .get(TenantDb)
          .run(clientId, (tx) => tx.repository(Scan).findOneBy({ id: scan.id }));
        if (stored?.status !== ReportStatus.Success)
          throw new Error(`scan ${code} ${stored?.status}: ${stored?.errorMessage}`);
        ranked = (stored.payload as { scan: { zctas_ranked: number } }).scan.zctas_ranked;
      }
      const warm = median(runs.slice(1));
      scans.push({
        scope: code,
        zctas: scope.zctas.length,
        zctas_ranked: ranked,
        first_ms: runs[0],
        warm_ms: warm,
        warm_us_per_zcta: Math.round((warm * 1000) / scope.zctas.length),
        // All three runs: the first scan of the first scope finds the newest CBP year (1 request) and
        // fills the CBP cache (1 request per NAICS code of the category, for the nation).
        census_requests: requests,
      });
    }

    // 3. Ring preview, 100 miles around Manhattan.
    const geographies = app.get(GeographiesService);
    const coldStart = performance.now();
    const first = await geographies.preview({ zip_code: '10001', radius_miles: '100' });
    const coldMs = performance.now() - coldStart;
    const times: number[] = [];
    for (let i = 0; i < options.previewRuns; i++) {
      const started = performance.now();
      await geographies.preview({ zip_code: '10001', radius_miles: '100' });
      times.push(performance.now() - started);
    }
    const preview = {
      zip_code: '10001',
      radius_miles: 100,
      zip_codes: first.zip_codes.length,
      first_call_ms: Math.round(coldMs),
      median_ms: Math.round(median(times) * 10) / 10,
      max_ms: Math.round(Math.max(...times) * 10) / 10,
    };

    const us = scans.find((s) => s.scope === 'US');
    return {
      database: embedded ? 'embedded PGlite' : 'PostgreSQL',
      node: process.version,
      fill: fillFigures,
      scans,
      preview,
      targets: {
        fill_at_request_floor: fillFigures.requests <= floor,
        national_scan_under_2s: us ? us.warm_ms < 2000 : null,
        ring_preview_under_100ms: preview.median_ms < 100,
      },
    };
  } finally {
    await app?.close();
    await embedded?.stop();
    await fake.close();
  }
}

/**
 * The cache rows the fill wrote, dumped and loaded again by a raw COPY (psql \copy) into a scratch
 * table with the same columns, defaults and primary key: the yardstick for the fill's write path.
 */
function copyComparison(databaseUrl: string): { rows: number; copy_ms: number; rows_per_s: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lbi-scan-bench-'));
  const file = join(dir, 'cache.copy');
  const psql = (...args: string[]) =>
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', databaseUrl, ...args], { encoding: 'utf8' });
  try {
    psql('-c', `\\copy public_acs_zctas TO '${file}'`);
    psql(
      '-c',
      'DROP TABLE IF EXISTS bench_copy_acs',
      '-c',
      'CREATE TABLE bench_copy_acs (LIKE public_acs_zctas INCLUDING ALL)',
    );
    const started = performance.now();
    psql('-c', `\\copy bench_copy_acs FROM '${file}'`);
    const ms = performance.now() - started;
    const rows = Number(psql('-At', '-c', 'SELECT count(*) FROM bench_copy_acs').trim());
    psql('-c', 'DROP TABLE bench_copy_acs');
    return { rows, copy_ms: Math.round(ms), rows_per_s: Math.round(rows / (ms / 1000)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
