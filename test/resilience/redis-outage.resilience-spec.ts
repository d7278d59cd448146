// Redis stopped under a running API and worker (processes of the build, a private redis-server):
// reads keep working, health says degraded, a write that needs a job answers 503 with a message and
// Retry-After and leaves no run waiting forever, and once Redis is back the same processes take jobs
// again without a restart; a job running when Redis stopped completes once.
import { JobName } from '@lbi/contracts';
import Bull from 'bull';
import { LbiProcess, waitFor } from './support/processes';
import { call, Stack, startStack } from './support/stack';

const ZIPS = ['19002', '19003', '19010', '19034', '19087'];

interface Run {
  id: string;
  status: string;
  error_message: string | null;
  records_upserted: number;
}

describe('Redis stopped and started again', () => {
  let stack: Stack;
  let api: LbiProcess;
  let worker: LbiProcess;
  let token: string;
  let geographyId: string;

  const get = <T>(path: string) => call<T>(api.url, 'GET', path, { token });
  const refresh = () =>
    call<{ ingestion_run_id: string }>(api.url, 'POST', `/geographies/${geographyId}/refresh-census`, {
      token,
    });
  const finished = (runId: string) =>
    waitFor(`run ${runId}`, async () => {
      const run = (await get<Run>(`/ingestion-runs/${runId}`)).body;
      return run.status === 'success' || run.status === 'failed' ? run : undefined;
    });
  const health = () =>
    call<{ status: string; details: Record<string, { status: string }> }>(api.url, 'GET', '/health');

  beforeAll(async () => {
    stack = await startStack();
    api = await stack.startApi();
    worker = await stack.startWorker();
    ({ token } = await stack.tenant(api.url, 'Outage'));
    const created = await call<{ id: string }>(api.url, 'POST', '/geographies', {
      token,
      body: { name: 'Outage suburbs', zip_codes: ZIPS },
    });
    expect(created.status).toBe(201);
    geographyId = created.body.id;
    // Before the outage: the worker runs a refresh end to end.
    const before = await refresh();
    expect(before.status).toBe(202);
    expect((await finished(before.body.ingestion_run_id)).status).toBe('success');
  });

  afterAll(() => stack?.dispose());

  it('keeps reads working, reports degraded, and refuses queued writes with 503 while Redis is down', async () => {
    await stack.redis.stop();

    const list = await get<{ id: string }[]>('/geographies');
    expect(list.status).toBe(200);
    expect(list.body.map((g) => g.id)).toContain(geographyId);
    expect((await get(`/geographies/${geographyId}`)).status).toBe(200);
    expect((await get(`/signals?geography_id=${geographyId}&signal_type=CENSUS`)).status).toBe(200);
    expect((await get(`/ingestion-runs?geography_id=${geographyId}`)).status).toBe(200);

    const degraded = await health();
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.details.database.status).toBe('up');
    expect(degraded.body.details.queue.status).toBe('down');

    const refused = await refresh();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(String((refused.body as unknown as { message: string }).message)).toMatch(
      /job queue is not available .*nothing was queued\. Try again in a minute\./,
    );
    // The run the request recorded is failed at once, so it neither shows as waiting nor blocks a retry.
    const runs = (await get<Run[]>(`/ingestion-runs?geography_id=${geographyId}`)).body;
    const refusedRun = runs.find((run) => run.status !== 'success');
    expect(refusedRun).toMatchObject({
      status: 'failed',
      error_message: 'The job could not be queued (the job queue did not answer); nothing ran. Try again.',
    });

    const report = await call(api.url, 'POST', '/reports', {
      token,
      body: { geography_id: geographyId, category: 'roofing' },
    });
    expect(report.status).toBe(503);
    expect(report.headers.get('retry-after')).toBe('60');

    // Neither process died with Redis.
    expect(api.exited).toBe(false);
    expect(worker.exited).toBe(false);
  });

  it('takes jobs again in the same API and worker processes once Redis is back', async () => {
    await stack.redis.start();
    await waitFor('health ok', async () => ((await health()).body.status === 'ok' ? true : undefined));

    const again = await refresh();
    expect(again.status).toBe(202);
    const run = await finished(again.body.ingestion_run_id);
    expect(run).toMatchObject({ status: 'success', error_message: null });
    expect(run.records_upserted).toBeGreaterThan(0);
    expect(worker.exited).toBe(false);
    expect(stack.workers).toHaveLength(1);
    expect(worker.logs.some((line) => line.msg === 'job finished' && line.job === 'refresh_census')).toBe(
      true,
    );
  });

  it('finishes a job that was running when Redis stopped, once, after Redis is back', async () => {
    // Slow Census answers keep the refresh running across the outage; the public cache is emptied so
    // the refresh has to ask.
    await stack.db.query('DELETE FROM public_acs_zctas');
    stack.fake.setMode('slow', { delayMs: 2500 });
    const mark = worker.logs.length;
    const started = await refresh();
    expect(started.status).toBe(202);
    const runId = started.body.ingestion_run_id;
    await waitFor('the refresh to run', async () =>
      (await get<Run>(`/ingestion-runs/${runId}`)).body.status === 'running' ? true : undefined,
    );
    await stack.redis.stop();
    const during = await stack.db.query(`SELECT status FROM ingestion_runs WHERE id = $1`, [runId]);
    expect(during.rows[0].status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    stack.fake.setMode('normal');
    await stack.redis.start();
    const run = await finished(runId);
    expect(run).toMatchObject({ status: 'success', error_message: null });

    const jobId = String(
      worker.logs.slice(mark).find((line) => line.msg === 'job started' && line.job === JobName.RefreshCensus)
        ?.job_id,
    );
    const bull = new Bull('lbi', stack.redis.url, { prefix: 'lbi' });
    try {
      // Once Bull holds the job as completed it can no longer be handed to a worker again.
      const state = await waitFor('the job to be completed in Bull', async () => {
        const job = await bull.getJob(jobId);
        const current = await job?.getState();
        return current === 'completed' || current === 'failed' ? current : undefined;
      });
      expect(state).toBe('completed');
    } finally {
      await bull.close();
    }
    const starts = worker.logs.filter((line) => line.msg === 'job started' && String(line.job_id) === jobId);
    expect(starts).toHaveLength(1);
    expect(worker.exited).toBe(false);
  });
});
