// `npm run bench:import`: a 1,000,000-row events CSV (about 95 MB) through the real upload service,
// import service and import_csv_events job on PostgreSQL (DATABASE_URL), beside a raw COPY of the same
// rows into a scratch copy of demand_signals (same columns, defaults and indexes) in the same run.
// Prints rows/s, peak RSS (process.resourceUsage().maxRSS) and the import/COPY ratio; exits 1 when a
// target of issue 12 (ratio <= 1.3, peak RSS < 200 MB) is missed. BENCH_ROWS changes the row count.
// It runs the compiled server (dist/server, built first when stale) so that the RSS measured is the
// application's, not a TypeScript compiler's.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (!process.env.DATABASE_URL) {
  console.error(
    'bench:import needs a real PostgreSQL to compare with COPY: set DATABASE_URL (e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:import).',
  );
  process.exit(2);
}
// The import runs with the V8 old space capped (as a worker would be started): without a cap V8 lets
// short-lived row objects pile up as garbage long before it collects them, which inflates the peak
// RSS without being a leak. The script re-runs itself once with the flag.
const HEAP_FLAG = `--max-old-space-size=${process.env.BENCH_MAX_OLD_SPACE_MB ?? 160}`;
if (!process.execArgv.some((arg) => arg.startsWith('--max-old-space-size'))) {
  const child = spawnSync(process.execPath, [HEAP_FLAG, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
execFileSync(process.execPath, [join(root, 'scripts/ensure-built.mjs'), '--server-only'], {
  stdio: 'inherit',
});

const dist = (path) => require(join(root, 'dist/server', path));
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');
const { AppModule } = dist('apps/api/src/app.module.js');
const { ALL_ENTITIES, ImportsService, UploadsService } = dist('libs/features/src/index.js');
const { MIGRATIONS } = dist('migrations/index.js');
const { JobQueue, loadConfig, runMigrations, RuntimeInfo, TenantContext } = dist('libs/server/src/index.js');
const RunStatus = { Success: 'success' };

const RATIO_TARGET = 1.3;
const PEAK_RSS_TARGET_MB = 200;
const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const CATEGORIES = ['home_show', 'festival', 'market', 'community', 'sports'];

/**
 * Writes the events CSV the import reads and, beside it, the same rows as the target table's columns
 * (client, geography, type, ... metadata JSON) for COPY. Streamed: nothing is held in memory.
 */
async function writeFiles(rows, csvPath, copyPath, clientId, geographyId) {
  const csv = createWriteStream(csvPath);
  const copy = createWriteStream(copyPath);
  csv.write('event_name,start_date,end_date,zip_code,category,estimated_attendance,source_url\n');
  let csvChunk = '';
  let copyChunk = '';
  for (let i = 0; i < rows; i++) {
    // Unique (event_name, start_date) per row: each row is one upsert.
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const zip = ZIPS[i % ZIPS.length];
    const category = CATEGORIES[i % CATEGORIES.length];
    const attendance = 50 + (i % 20000);
    const name = `Community Fair ${i}`;
    const url = `https://example.org/events/${i}`;
    csvChunk += `${name},2026-${month}-${day},2026-${month}-${day},${zip},${category},${attendance},${url}\n`;
    const metadata = JSON.stringify({ category, estimated_attendance: attendance }).replace(/"/g, '""');
    copyChunk += `${clientId},${geographyId},EVENT,csv_events,${zip},${zip},event,${name},2026-${month}-${day},2026-${month}-${day},"${metadata}",${url}\n`;
    if (csvChunk.length > 1 << 20) {
      if (!csv.write(csvChunk)) await once(csv, 'drain');
      if (!copy.write(copyChunk)) await once(copy, 'drain');
      csvChunk = '';
      copyChunk = '';
    }
  }
  csv.end(csvChunk);
  copy.end(copyChunk);
  await Promise.all([once(csv, 'finish'), once(copy, 'finish')]);
}

async function runImportBenchmark(options) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_URL is unset: the import benchmark compares with PostgreSQL COPY and needs a real PostgreSQL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:import',
    );
  }
  const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const dir = mkdtempSync(join(tmpdir(), 'lbi-bench-import-'));
  let app;
  const scratch = `bench_copy_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let db = null;
  try {
    await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-of-sufficient-length-0123456789',
      LOG_LEVEL: 'warn',
      LBI_DATA_DIR: resolve('.data/bench'),
      UPLOAD_DIR: join(dir, 'uploads'),
      UPLOAD_MAX_BYTES: String(1024 * 1024 * 1024),
      CONSOLE_DIR: '/nonexistent',
    });
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, databaseUrl, runtime: new RuntimeInfo(false, 'bench') }),
      { logger: ['error', 'warn'] },
    );
    const ds = app.get(DataSource);
    db = ds;
    const [{ id: clientId }] = await ds.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Import benchmark ${randomUUID()}`,
    ]);
    const resolution = ZIPS.map((zip) => ({ zip, zcta: zip, join_type: 'zip_matches_zcta', note: '' }));
    const [{ id: geographyId }] = await ds.query(
      `INSERT INTO geographies (client_id, name, zip_codes, zcta_resolution) VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
      [clientId, 'Import benchmark', ZIPS, JSON.stringify(resolution)],
    );
    const csvPath = join(dir, 'events.csv');
    const copyPath = join(dir, 'events-copy.csv');
    await writeFiles(options.rows, csvPath, copyPath, clientId, geographyId);
    const fileBytes = statSync(csvPath).size;

    // Through the real path: the upload service (streamed, hashed, checked), the import endpoint's
    // service (a queued run) and the import_csv_events job on the inline queue.
    const upload = await app.get(UploadsService).store(createReadStream(csvPath), 'events.csv', clientId);
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const peakBeforeKb = process.resourceUsage().maxRSS;
    const started = performance.now();
    // BENCH_TRACE_MEMORY=1 prints the memory split every second while the import runs.
    const trace = process.env.BENCH_TRACE_MEMORY
      ? setInterval(() => {
          const m = process.memoryUsage();
          const mb = (n) => Math.round(n / 1048576);
          console.error(
            `rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`,
          );
        }, 1000)
      : null;
    const run = await TenantContext.run({ clientId }, () =>
      app.get(ImportsService).start('events', geographyId, upload.fileRef),
    );
    await app.get(JobQueue).drain(3_600_000);
    const importMs = performance.now() - started;
    if (trace) clearInterval(trace);
    const peakRssKb = process.resourceUsage().maxRSS;
    const [finished] = await ds.query(
      `SELECT status, error_message, records_upserted FROM ingestion_runs WHERE id = $1`,
      [run.id],
    );
    if (finished.status !== RunStatus.Success)
      throw new Error(`import ${finished.status}: ${finished.error_message}`);

    // The same rows by raw COPY (psql \copy streams the file as COPY FROM STDIN) into a scratch copy of
    // demand_signals with the same columns, defaults and indexes.
    await ds.query(`CREATE TABLE ${scratch} (LIKE demand_signals INCLUDING ALL)`);
    const copyStarted = performance.now();
    await promisify(execFile)('psql', [
      databaseUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy ${scratch} (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, event_name, start_date, end_date, metadata, source_url) FROM '${copyPath}' WITH (FORMAT csv)`,
    ]);
    const copyMs = performance.now() - copyStarted;
    const [{ count: copied }] = await ds.query(`SELECT count(*)::int AS count FROM ${scratch}`);
    if (copied !== options.rows) throw new Error(`COPY loaded ${copied} rows, expected ${options.rows}`);

    const ratio = importMs / copyMs;
    const peakRssMb = peakRssKb / 1024;
    return {
      rows: options.rows,
      file_mb: Number((fileBytes / 1024 / 1024).toFixed(1)),
      import_ms: Math.round(importMs),
      import_rows_per_s: Math.round(options.rows / (importMs / 1000)),
      copy_ms: Math.round(copyMs),
      copy_rows_per_s: Math.round(options.rows / (copyMs / 1000)),
      ratio_to_copy: Number(ratio.toFixed(2)),
      peak_rss_mb: Math.round(peakRssMb),
      rss_before_import_mb: Math.round(rssBefore / 1024 / 1024),
      /** High-water mark before the import started (file generation, upload): maxRSS never goes down. */
      peak_rss_before_import_mb: Math.round(peakBeforeKb / 1024),
      ratio_target: RATIO_TARGET,
      peak_rss_target_mb: PEAK_RSS_TARGET_MB,
      within_target: ratio <= RATIO_TARGET && peakRssMb < PEAK_RSS_TARGET_MB,
      records_upserted: Number(finished.records_upserted),
      database: (await ds.query(`SHOW server_version`))[0].server_version,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB`,
      load_average_at_start: loadAtStart,
      load_average_at_end: loadavg().map((n) => Number(n.toFixed(2))),
      node: process.version,
      node_flags: process.execArgv.join(' '),
    };
  } finally {
    if (db?.isInitialized) {
      await db.query(`DROP TABLE IF EXISTS ${scratch}`).catch(() => undefined);
      // The benchmark's client goes with everything it owns (ON DELETE CASCADE).
      await db.query(`DELETE FROM clients WHERE name LIKE 'Import benchmark %'`).catch(() => undefined);
      // A million deleted rows left behind make the next run's import slower (bloated table and indexes)
      // while its COPY goes to a fresh table: reclaim them so runs stay comparable.
      await db.query(`VACUUM demand_signals`).catch(() => undefined);
    }
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
runImportBenchmark({ rows }).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.within_target ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
