// A worker process SIGKILLed in the middle of a 300,000-row events import: PostgreSQL rolls its one
// transaction back (no partial rows), the stale-run reaper fails the run, the job Bull hands on once
// the dead worker's lock expires finds its run failed and writes nothing, and importing the same
// file again stores every row exactly once.
import { NestFactory } from '@nestjs/core';
import { JobName } from '@lbi/contracts';
import { JobQueue, loadConfig, RuntimeInfo } from '@lbi/server';
import Bull from 'bull';
import { AppModule } from '../../apps/api/src/app.module';
import { LbiProcess, waitFor } from './support/processes';
import { call, eventsCsv, Stack, startStack } from './support/stack';

const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const ROWS = 300_000;
/** The reaper's threshold in this test: a run silent this long is dead (production: 30 min). */
const STALE_AFTER_MS = 3_000;

/**
 * The reaper job, run through the in-process queue of an API context on the same database: the
 * handler a worker's schedule runs, without waiting 5 min for the schedule, and deterministic (a
 * worker started to run it could first take back the dead worker's import job).
 */
async function reapStaleRuns(databaseUrl: string): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'resilience-secret-of-sufficient-length-0123456789',
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent',
  });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl, runtime: new RuntimeInfo(false, 'test') }),
    { logger: false },
  );
  try {
    const queue = app.get(JobQueue);
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: STALE_AFTER_MS });
    await queue.drain();
  } finally {
    await app.close();
  }
}

interface RunRow {
  status: string;
  rows_processed: number;
  records_upserted: number;
  error_message: string | null;
  updated_at: Date;
}

describe('a worker killed mid-import', () => {
  let stack: Stack;
  let api: LbiProcess;
  let token: string;
  let geographyId: string;
  let fileRef: string;

  const runRow = async (id: string): Promise<RunRow> =>
    (await stack.db.query(`SELECT * FROM ingestion_runs WHERE id = $1`, [id])).rows[0] as RunRow;
  const eventRows = async (): Promise<number> =>
    Number(
      (
        await stack.db.query(
          `SELECT count(*) AS n FROM demand_signals WHERE geography_id = $1 AND signal_type = 'EVENT'`,
          [geographyId],
        )
      ).rows[0].n,
    );
  const startImport = async (): Promise<string> => {
    const answer = await call<{ ingestion_run_id: string }>(
      api.url,
      'POST',
      `/import/events?geography_id=${geographyId}&file_ref=${fileRef}`,
      { token },
    );
    expect(answer.status).toBe(202);
    return answer.body.ingestion_run_id;
  };

  beforeAll(async () => {
    stack = await startStack();
    api = await stack.startApi();
    ({ token } = await stack.tenant(api.url, 'Crash'));
    const created = await call<{ id: string }>(api.url, 'POST', '/geographies', {
      token,
      body: { name: 'Crash suburbs', zip_codes: ZIPS },
    });
    geographyId = created.body.id;
    const upload = await call<{ file_ref: string }>(api.url, 'POST', '/uploads', {
      token,
      file: { name: 'events.csv', content: eventsCsv(ROWS, 'Crash', ZIPS) },
    });
    expect(upload.status).toBe(201);
    fileRef = upload.body.file_ref;
  });

  afterAll(() => stack?.dispose());

  it('leaves no partial rows, the reaper fails the run, and the redelivered job writes nothing', async () => {
    const worker = await stack.startWorker();
    const runId = await startImport();
    // Mid-import: the job has reported progress (every 5,000 rows) but not finished.
    await waitFor(
      'the import to be under way',
      async () => {
        const run = await runRow(runId);
        if (run.status !== 'running' && run.status !== 'queued') throw new Error(`run ended: ${run.status}`);
        return run.status === 'running' && run.rows_processed > 0 ? run : undefined;
      },
      120_000,
      50,
    );
    const started = worker.logs.find(
      (line) => line.msg === 'job started' && line.job === JobName.ImportCsvEvents,
    );
    expect(started).toBeDefined();
    await worker.kill();

    // The dead worker's transaction is rolled back once PostgreSQL sees its connection close.
    await waitFor('the dead worker’s sessions to end', async () => {
      const { rows } = await stack.db.query(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lbi-worker'`,
      );
      return Number(rows[0].n) === 0 ? true : undefined;
    });
    expect(await eventRows()).toBe(0);
    const orphan = await runRow(runId);
    expect(orphan.status).toBe('running');
    expect(orphan.rows_processed).toBeLessThan(ROWS);

    // The reaper, with a short threshold once the run has been silent for longer.
    await waitFor('the run to go silent', async () =>
      Date.now() - new Date((await runRow(runId)).updated_at).getTime() > STALE_AFTER_MS + 500
        ? true
        : undefined,
    );
    await reapStaleRuns(stack.databaseUrl);
    const reaped = await runRow(runId);
    expect(reaped.status).toBe('failed');
    const bull = new Bull('lbi', stack.redis.url, { prefix: 'lbi' });
    try {
      expect(reaped.error_message).toBe(
        'The worker running this job stopped responding (no progress for 0 min); start it again.',
      );
      expect(await eventRows()).toBe(0);

      // Bull's stalled-job check gives the import job to a new worker: it sees the run failed, skips.
      const successor = await stack.startWorker();
      const importJobId = String(started?.job_id);
      await waitFor(
        'the stalled import job to be handed on',
        async () =>
          successor.logs.some((line) => line.msg === 'job finished' && String(line.job_id) === importJobId)
            ? true
            : undefined,
        180_000,
        500,
      );
      expect((await bull.getJob(importJobId))?.returnvalue).toEqual({ skipped: true, status: 'failed' });
      expect((await runRow(runId)).status).toBe('failed');
      expect(await eventRows()).toBe(0);
    } finally {
      await bull.close();
    }
  });

  it('imports the same file exactly once when started again', async () => {
    const runId = await startImport();
    const run = await waitFor('the rerun', async () => {
      const row = await runRow(runId);
      return row.status === 'success' || row.status === 'failed' ? row : undefined;
    });
    expect(run).toMatchObject({ status: 'success', error_message: null, rows_processed: ROWS });
    expect(run.records_upserted).toBe(ROWS);
    expect(await eventRows()).toBe(ROWS);
    // Distinct events: no row was written twice under another id.
    const { rows } = await stack.db.query(
      `SELECT count(DISTINCT (event_name, start_date)) AS n FROM demand_signals
        WHERE geography_id = $1 AND signal_type = 'EVENT'`,
      [geographyId],
    );
    expect(Number(rows[0].n)).toBe(ROWS);
  });
});
