import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RunStatus, type ImportKind } from '@lbi/contracts';
import { ImportsService, PROGRESS_EVERY_ROWS, UploadsService } from '@lbi/features';
import { JobQueue, RuntimeInfo, TenantContext } from '@lbi/server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { testConfig, testDatabaseUrl, usingEmbeddedDatabase } from '../support/test-env';

const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const ROWS = 2 * PROGRESS_EVERY_ROWS + 1234;

interface RunRow {
  id: string;
  status: RunStatus;
  records_upserted: number;
  rows_processed: number;
  error_message: string | null;
  details: { errors?: { row: number; column: string; reason: string }[] } & Record<string, unknown>;
}

/** A large events CSV, built in memory: unique (event_name, start_date) per row. */
function eventsCsv(rows: number, lastRow?: string): string {
  const lines = ['event_name,start_date,end_date,zip_code,category,estimated_attendance,source_url'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Community Fair ${i},2026-05-${day},,${ZIPS[i % ZIPS.length]},festival,${100 + (i % 900)},https://example.org/e/${i}`,
    );
  }
  if (lastRow) lines.push(lastRow);
  return lines.join('\n') + '\n';
}

describe('CSV imports through the job path (streaming, one transaction, progress)', () => {
  let app: INestApplication;
  let db: DataSource;
  let uploadDir: string;
  let clientId: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-import-int-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          config: testConfig({ CONSOLE_DIR: '/nonexistent', UPLOAD_DIR: uploadDir }),
          databaseUrl: testDatabaseUrl(),
          runtime: new RuntimeInfo(usingEmbeddedDatabase(), 'test'),
          retryBackoffMs: 5,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    db = app.get(DataSource);
    const [row] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Imports ${randomUUID()}`,
    ]);
    clientId = row.id;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  async function geography(): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO geographies (client_id, name, zip_codes) VALUES ($1, $2, $3) RETURNING id`,
      [clientId, `Suburbs ${randomUUID()}`, ZIPS],
    );
    return id;
  }

  const inTenant = <T>(fn: () => Promise<T>): Promise<T> => TenantContext.run({ clientId }, fn);

  async function upload(text: string): Promise<string> {
    const stored = await app
      .get(UploadsService)
      .store(Readable.from([Buffer.from(text)]), 'big.csv', clientId);
    return stored.fileRef;
  }

  const readRun = async (id: string): Promise<RunRow> =>
    (await db.query(`SELECT * FROM ingestion_runs WHERE id = $1`, [id]))[0];

  /** Starts the import and polls the run while it works, recording the progress others can see. */
  async function importWatching(
    kind: ImportKind,
    geographyId: string,
    fileRef: string,
  ): Promise<{ run: RunRow; seenWhileRunning: number[] }> {
    const started = await inTenant(() => app.get(ImportsService).start(kind, geographyId, fileRef));
    const seenWhileRunning: number[] = [];
    let done = false;
    const drained = app
      .get(JobQueue)
      .drain(120_000)
      .finally(() => (done = true));
    while (!done) {
      const run = await readRun(started.id);
      if (run.status === RunStatus.Running) seenWhileRunning.push(run.rows_processed);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await drained;
    return { run: await readRun(started.id), seenWhileRunning };
  }

  const eventRows = (geographyId: string) =>
    db.query(
      `SELECT id, event_name, start_date, zip_code, metadata, source_url FROM demand_signals
       WHERE geography_id = $1 AND signal_type = 'EVENT' ORDER BY event_name`,
      [geographyId],
    );

  it(`imports ${ROWS} rows, shows rows_processed while it works, and is idempotent`, async () => {
    const geo = await geography();
    const ref = await upload(eventsCsv(ROWS));
    const { run, seenWhileRunning } = await importWatching('events', geo, ref);
    expect(run).toMatchObject({
      status: RunStatus.Success,
      rows_processed: ROWS,
      records_upserted: ROWS,
      error_message: null,
    });
    // Progress was visible to another session in steps of PROGRESS_EVERY_ROWS before the end.
    const midway = seenWhileRunning.filter((n) => n > 0 && n < ROWS);
    expect(midway.length).toBeGreaterThan(0);
    for (const n of midway) expect(n % PROGRESS_EVERY_ROWS).toBe(0);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM demand_signals WHERE geography_id = $1 AND signal_type = 'EVENT'`,
      [geo],
    );
    expect(count).toBe(ROWS);

    const before = await eventRows(geo);
    const again = await importWatching('events', geo, ref);
    expect(again.run).toMatchObject({ status: RunStatus.Success, records_upserted: ROWS });
    expect(await eventRows(geo)).toEqual(before);
  });

  it('keeps the last row of a key repeated within and across write batches, and stores text as written', async () => {
    const geo = await geography();
    // More rows than one write batch (5,000), so the repeated key spans batches.
    const filler = 5_500;
    const odd = 'Fair \\N "quoted" \\t back\\slash, café';
    const lines = ['event_name,start_date,end_date,zip_code,category,estimated_attendance,source_url'];
    lines.push(`Repeated Fair,2026-05-01,,19002,festival,1,https://example.org/first`);
    lines.push(`"${odd.replace(/"/g, '""')}",2026-05-02,,19003,,,`);
    lines.push(`Repeated Fair,2026-05-01,,19002,festival,2,https://example.org/second`);
    for (let i = 0; i < filler; i++) lines.push(`Filler ${i},2026-06-01,,19010,market,5,`);
    lines.push(`Repeated Fair,2026-05-01,,19034,market,3,https://example.org/last`);
    const { run } = await importWatching('events', geo, await upload(lines.join('\n') + '\n'));
    expect(run.status).toBe(RunStatus.Success);
    expect(run.rows_processed).toBe(filler + 4);
    const rows = (await eventRows(geo)) as {
      event_name: string;
      zip_code: string;
      metadata: unknown;
      source_url: string | null;
    }[];
    expect(rows.length).toBe(filler + 2);
    expect(rows.find((r) => r.event_name === 'Repeated Fair')).toMatchObject({
      zip_code: '19034',
      metadata: { category: 'market', estimated_attendance: 3 },
      source_url: 'https://example.org/last',
    });
    expect(rows.find((r) => r.event_name.startsWith('Fair '))).toMatchObject({
      event_name: odd,
      zip_code: '19003',
      metadata: {},
      source_url: null,
    });
  });

  it('rolls back every batch already written when the last row is bad', async () => {
    const geo = await geography();
    const ref = await upload(eventsCsv(ROWS, 'Closing Fair,2026-06-01,2026-05-01,19002,festival,10,'));
    const { run } = await importWatching('events', geo, ref);
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.records_upserted).toBe(0);
    const lastRow = ROWS + 2;
    expect(run.error_message).toContain(`row ${lastRow}, column "end_date": is before start_date`);
    expect(run.details.errors).toEqual([
      { row: lastRow, column: 'end_date', reason: 'is before start_date' },
    ]);
    expect(await eventRows(geo)).toEqual([]);
    if (!usingEmbeddedDatabase()) {
      // On PostgreSQL the rows were streamed into the transaction before the bad row was read.
      expect(run.rows_processed).toBe(ROWS + 1);
    }
  });

  it('stops after the first 20 errors and reports them without values', async () => {
    const geo = await geography();
    const bad = Array.from({ length: 30 }, (_, i) => `Fair ${i},not-a-date,,19002,,,`).join('\n');
    const ref = await upload(eventsCsv(10, bad));
    const { run } = await importWatching('events', geo, ref);
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.details.errors).toHaveLength(20);
    expect(run.details.errors?.[0]).toEqual({ row: 12, column: 'start_date', reason: expect.any(String) });
    expect(run.error_message).toContain('reading stopped after the first 20');
    expect(run.error_message).not.toContain('not-a-date');
  });

  it('replaces a geography’s property aggregates on re-import instead of adding to them', async () => {
    const geo = await geography();
    const header = 'zip_code,year_built,ownership_type\n';
    const rows = (zip: string, year: number, n: number) => `${zip},${year},owner\n`.repeat(n);
    const first = await upload(
      header + rows('19002', 1950, 6) + rows('19002', 1970, 6) + rows('19003', 1990, 10),
    );
    const second = await upload(header + rows('19002', 2000, 10));
    expect((await importWatching('property', geo, first)).run.status).toBe(RunStatus.Success);
    expect((await importWatching('property', geo, second)).run.status).toBe(RunStatus.Success);
    const aggregates = await db.query(
      `SELECT zip_code, property_count, median_year_built FROM property_aggregates WHERE geography_id = $1`,
      [geo],
    );
    expect(aggregates).toEqual([{ zip_code: '19002', property_count: 10, median_year_built: 2000 }]);
    const signals = await db.query(
      `SELECT DISTINCT zip_code FROM demand_signals WHERE geography_id = $1 AND signal_type = 'PROPERTY'`,
      [geo],
    );
    expect(signals).toEqual([{ zip_code: '19002' }]);
  });
});
