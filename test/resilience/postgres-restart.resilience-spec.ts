// PostgreSQL restarted under a running API and worker (a private cluster of the test's own): while it
// is down, health and requests answer 503 (with Retry-After) and neither process dies; once it is back, the
// same processes serve reads and run jobs again, with no restart.
import { LbiProcess, waitFor } from './support/processes';
import {
  PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from './support/private-postgres';
import { call, Stack, startStack } from './support/stack';

const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const unavailable = privatePostgresUnavailable();
if (unavailable) process.stdout.write(`PostgreSQL restart: skipped, ${unavailable}\n`);
const describeWithCluster = unavailable ? describe.skip : describe;

describeWithCluster('PostgreSQL restarted', () => {
  let pg: PrivatePostgres;
  let stack: Stack;
  let api: LbiProcess;
  let worker: LbiProcess;
  let token: string;
  let geographyId: string;

  const health = () =>
    call<{ status: string; details: Record<string, { status: string }> }>(api.url, 'GET', '/health');
  const refreshToEnd = async () => {
    const started = await call<{ ingestion_run_id: string }>(
      api.url,
      'POST',
      `/geographies/${geographyId}/refresh-census`,
      { token },
    );
    expect(started.status).toBe(202);
    return waitFor('the refresh', async () => {
      const run = await call<{ status: string; error_message: string | null }>(
        api.url,
        'GET',
        `/ingestion-runs/${started.body.ingestion_run_id}`,
        { token },
      );
      return run.body.status === 'success' || run.body.status === 'failed' ? run.body : undefined;
    });
  };

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    stack = await startStack(pg.serverUrl);
    api = await stack.startApi();
    worker = await stack.startWorker();
    ({ token } = await stack.tenant(api.url, 'Restart'));
    const created = await call<{ id: string }>(api.url, 'POST', '/geographies', {
      token,
      body: { name: 'Restart suburbs', zip_codes: ZIPS },
    });
    geographyId = created.body.id;
    expect((await refreshToEnd()).status).toBe('success');
  });

  afterAll(async () => {
    await stack?.dispose();
    await pg?.dispose();
  });

  it('reports the outage, keeps both processes up, and reconnects them once PostgreSQL is back', async () => {
    await pg.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.details.database.status).toBe('down');
    const read = await call(api.url, 'GET', '/geographies', { token });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('30');
    expect((read.body as { message?: string }).message).toBe(
      'The database is not answering right now; try again in a minute.',
    );
    expect(api.exited).toBe(false);
    expect(worker.exited).toBe(false);

    await pg.start();
    await waitFor('health ok', async () => ((await health()).body.status === 'ok' ? true : undefined));
    const list = await call<{ id: string }[]>(api.url, 'GET', '/geographies', { token });
    expect(list.status).toBe(200);
    expect(list.body.map((g) => g.id)).toContain(geographyId);
    expect(await refreshToEnd()).toMatchObject({ status: 'success', error_message: null });
    expect(api.exited).toBe(false);
    expect(worker.exited).toBe(false);
    expect(stack.apis).toHaveLength(1);
    expect(stack.workers).toHaveLength(1);
  });
});
