import { randomUUID } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { CensusHttp, DEFAULT_ACS_VARIABLE_IDS, planCensusRequests } from '@lbi/census';
import { JobName, RunStatus } from '@lbi/contracts';
import {
  CENSUS_FETCH_TUNING,
  CENSUS_HTTP,
  CensusFetchTuning,
  CensusNightlyRefreshJob,
  CensusRefreshService,
  clearVintageCache,
  createAxiosCensusHttp,
  FreshnessService,
  Geography,
} from '@lbi/features';
import { JobQueue, RuntimeInfo, TenantContext, TenantDb } from '@lbi/server';
import Bull from 'bull';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { testConfig, testDatabaseUrl, testRedisUrl } from '../support/test-env';

const API_KEY = 'TEST-census-key-5ecr3t-0042';
// Real Philadelphia-suburb ZIPs; 19397 is a PO-box ZIP inside ZCTA 19087; 96939 (Palau) has no ZCTA.
const SUBURB_ZIPS = ['19002', '19003', '19010', '19034', '19087', '19397', '96939'];
const ZCTAS = ['19002', '19003', '19010', '19034', '19087'];
// Real ACS 2019-2023 figure for ZCTA 19002 (data/census/acs5_2023_zcta_philadelphia_suburbs.csv).
const POPULATION_19002 = 31681;
const ZCTAS_PER_REQUEST = 2;
const MAX_ATTEMPTS = 3;
// Variable groups of at most 50 (NAME included) the planner makes of the default catalogue.
const GROUPS = new Set(
  planCensusRequests({
    baseUrl: 'http://x/data',
    year: 2023,
    variables: DEFAULT_ACS_VARIABLE_IDS,
    zctas: ['19002'],
  }).map((r) => r.group),
).size;
const TUNING: CensusFetchTuning = {
  timeoutMs: 1000,
  maxAttempts: MAX_ATTEMPTS,
  retry: { baseMs: 5, maxMs: 20 },
  maxZctasPerRequest: ZCTAS_PER_REQUEST,
};

interface RunRow {
  id: string;
  status: RunStatus;
  records_upserted: number;
  rows_processed: number;
  error_message: string | null;
  details: Record<string, unknown>;
  started_at: Date | null;
  finished_at: Date | null;
}

describe('Census refresh against the fake Census API', () => {
  let fake: FakeCensusServer;
  let app: INestApplication;
  let db: DataSource;
  let clientId: string;
  let geographyId: string;
  const calledUrls: string[] = [];
  const logs: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);

  const dataRequests = () => fake.requests.filter((r) => r.includes('tabulation'));

  async function createGeography(client: string, zips: string[]): Promise<string> {
    return app.get(TenantDb).run(client, async (tx) => {
      const geographies = tx.repository(Geography);
      const saved = await geographies.save(
        geographies.create({ name: `Suburbs ${randomUUID()}`, zipCodes: zips, zctaResolution: [] }),
      );
      return saved.id;
    });
  }

  async function createClient(): Promise<string> {
    const [row] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Census test ${randomUUID()}`,
    ]);
    return row.id as string;
  }

  async function refresh(geography = geographyId, client = clientId): Promise<RunRow> {
    const { ingestion_run_id } = await TenantContext.run({ clientId: client }, () =>
      app.get(CensusRefreshService).start(geography),
    );
    await app.get(JobQueue).drain(60_000);
    return runOf(ingestion_run_id);
  }

  async function runOf(id: string): Promise<RunRow> {
    const [row] = await db.query(`SELECT * FROM ingestion_runs WHERE id = $1`, [id]);
    return row as RunRow;
  }

  const signals = (geography = geographyId) =>
    db.query(
      `SELECT zip_code, zcta, metric, value, margin_of_error, vintage, dataset, metadata, source_url, signal_type,
              source_type, created_at, updated_at, id
         FROM demand_signals WHERE geography_id = $1 AND signal_type = 'CENSUS' ORDER BY zip_code, metric`,
      [geography],
    ) as Promise<
      {
        zip_code: string;
        zcta: string;
        metric: string;
        value: number | null;
        margin_of_error: number | null;
        vintage: string;
        dataset: string;
        metadata: Record<string, unknown>;
        source_url: string;
        source_type: string;
        created_at: Date;
        updated_at: Date;
        id: string;
      }[]
    >;

  beforeAll(async () => {
    clearVintageCache();
    fake = await startFakeCensusServer();
    const axiosHttp = createAxiosCensusHttp();
    const recordingHttp: CensusHttp = (url, options) => {
      calledUrls.push(url);
      return axiosHttp(url, options);
    };
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      if (text.startsWith('{"level"')) {
        logs.push(text);
        return true;
      }
      return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          config: testConfig({
            CENSUS_API_BASE_URL: fake.baseUrl,
            CENSUS_API_KEY: API_KEY,
            CONSOLE_DIR: '/nonexistent',
            LOG_LEVEL: 'debug',
          }),
          databaseUrl: testDatabaseUrl(),
          runtime: new RuntimeInfo(false, 'test'),
          retryBackoffMs: 10,
        }),
      ],
    })
      .overrideProvider(CENSUS_HTTP)
      .useValue(recordingHttp)
      .overrideProvider(CENSUS_FETCH_TUNING)
      .useValue(TUNING)
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
    db = app.get(DataSource);
    clientId = await createClient();
    geographyId = await createGeography(clientId, SUBURB_ZIPS);
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    process.stdout.write = originalWrite;
  });

  // Each test asks the fake API itself: the public cache would otherwise answer for the ZCTAs it holds.
  const clearPublicCache = () => db.query('DELETE FROM public_acs_zctas');
  beforeEach(async () => {
    fake.setMode('normal');
    await clearPublicCache();
  });

  it('fetches estimates with margins of error for every ZIP, the PO-box ZIP included, and reports the ZIP without a ZCTA', async () => {
    const before = dataRequests().length;
    const run = await refresh();
    expect(run.error_message).toBeNull();
    expect(run.status).toBe(RunStatus.Success);
    expect(run.started_at).not.toBeNull();
    expect(run.finished_at).not.toBeNull();
    expect(run.details).toMatchObject({
      vintage: '2023',
      vintage_source: 'catalog',
      zctas_requested: ZCTAS.length,
      zctas_returned: ZCTAS.length,
      zips_without_zcta: ['96939'],
      zips_using_containing_zcta: [{ zip: '19397', zcta: '19087' }],
      missing_zctas: [],
      retries: 0,
      requests_done: Math.ceil(ZCTAS.length / ZCTAS_PER_REQUEST) * GROUPS,
    });
    const notes = run.details.notes as string[];
    expect(notes.some((n) => n.includes('96939') && n.includes('no ZCTA'))).toBe(true);
    expect(notes.some((n) => n.includes('19397') && n.includes('contains it, 19087'))).toBe(true);
    // Progress counts answer rows read: one per ZCTA per variable group.
    expect(run.rows_processed).toBe(ZCTAS.length * GROUPS);

    // Batched: at most ceil(ZCTAs / per request) requests per variable group of at most 50 variables.
    const made = dataRequests().length - before;
    expect(GROUPS).toBe(Math.ceil(DEFAULT_ACS_VARIABLE_IDS.length / 49));
    expect(made).toBe(run.details.requests);
    expect(made).toBeLessThanOrEqual(Math.ceil(ZCTAS.length / ZCTAS_PER_REQUEST) * GROUPS);

    const rows = await signals();
    expect(rows.length).toBe(run.records_upserted);
    expect(new Set(rows.map((r) => r.zip_code))).toEqual(new Set(ZCTAS.concat('19397')));
    const population = rows.find((r) => r.zip_code === '19002' && r.metric === 'population');
    expect(population).toMatchObject({
      value: POPULATION_19002,
      zcta: '19002',
      vintage: '2023',
      dataset: 'acs/acs5',
      source_type: 'census',
      metadata: expect.objectContaining({
        variable: 'B01003_001E',
        moe_variable: 'B01003_001M',
        kind: 'count',
      }),
    });
    for (const metric of ['occupied_units', 'owner_occupied', 'renter_occupied']) {
      const row = rows.find((r) => r.zip_code === '19002' && r.metric === metric);
      expect(row?.value).toEqual(expect.any(Number));
      expect(row?.margin_of_error).toEqual(expect.any(Number));
    }
    expect(rows.find((r) => r.zip_code === '19002' && r.metric === 'owner_occupied')).toMatchObject({
      value: 9485,
      margin_of_error: 472,
    });
    // The PO-box ZIP carries its containing ZCTA's figures, row for row.
    const of = (zip: string) =>
      rows.filter((r) => r.zip_code === zip).map((r) => [r.metric, r.value, r.margin_of_error, r.zcta]);
    expect(of('19397')).toEqual(of('19087'));
    // No sentinel ever stored as a number.
    expect(rows.every((r) => r.value === null || r.value > -1e8)).toBe(true);

    // The key went to the API and nowhere else: not in source_url, the run, the signals or the logs.
    expect(calledUrls.some((u) => u.includes(`key=${API_KEY}`))).toBe(true);
    expect(fake.requests.some((r) => r.includes('key=REDACTED'))).toBe(true);
    expect(rows.every((r) => r.source_url.startsWith(`${fake.baseUrl}/2023/acs/acs5?get=NAME,`))).toBe(true);
    expect(rows.every((r) => !r.source_url.includes('key='))).toBe(true);
    const dump = JSON.stringify([await signals(), await runOf(run.id)]);
    expect(dump).not.toContain(API_KEY);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain(API_KEY);
    expect(logs.join('')).toContain('census refresh finished');
  });

  it('is idempotent: a second refresh of the same vintage keeps the same rows and moves updated_at', async () => {
    const before = await signals();
    const run = await refresh();
    expect(run.status).toBe(RunStatus.Success);
    expect(run.details.vintage_source).toBe('cached');
    const after = await signals();
    expect(after.length).toBe(before.length);
    expect(run.records_upserted).toBe(before.length);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    const latest = (rows: typeof before) => Math.max(...rows.map((r) => new Date(r.updated_at).getTime()));
    expect(latest(after)).toBeGreaterThan(latest(before));
  });

  it('retries a 429 (honouring Retry-After) and then succeeds', async () => {
    fake.setMode('429', { times: 1, retryAfter: '1' });
    const started = Date.now();
    const run = await refresh();
    expect(run.status).toBe(RunStatus.Success);
    expect(run.details.retries).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries a timeout and a connection reset, then succeeds', async () => {
    fake.setMode('slow', { times: 1, delayMs: 1500 });
    const slow = await refresh();
    expect(slow.status).toBe(RunStatus.Success);
    expect(slow.details.retries).toBe(1);
    await clearPublicCache();
    fake.setMode('reset', { times: 1 });
    const reset = await refresh();
    expect(reset.status).toBe(RunStatus.Success);
    expect(reset.details.retries).toBe(1);
  });

  it('fails the run with a readable message after the bounded number of attempts on 500s', async () => {
    fake.setMode('500');
    const before = dataRequests().length;
    const run = await refresh();
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.error_message).toMatch(
      /^Census refresh failed: gave up after 3 attempts: the Census API answered 500/,
    );
    expect(run.error_message).not.toContain(API_KEY);
    expect(run.finished_at).not.toBeNull();
    // Bounded: the attempts of the first request only; the queue does not start the job again.
    expect(dataRequests().length - before).toBe(MAX_ATTEMPTS);
  });

  it('fails at once on a plain-text 400', async () => {
    fake.setMode('400-text');
    const before = dataRequests().length;
    const run = await refresh();
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.error_message).toContain('unknown/unsupported geography heirarchy');
    expect(dataRequests().length - before).toBe(1);
  });

  it('fails at once on the HTML invalid-key page, saying the key is invalid without showing it', async () => {
    fake.setMode('html');
    const before = dataRequests().length;
    const run = await refresh();
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.error_message).toContain('the Census API key is invalid');
    expect(run.error_message).not.toContain(API_KEY);
    expect(dataRequests().length - before).toBe(1);
  });

  it('treats a 204 as success with notes and no signals', async () => {
    const fresh = await createGeography(clientId, ['19002', '19003']);
    fake.setMode('204');
    const run = await refresh(fresh);
    expect(run.status).toBe(RunStatus.Success);
    expect(run.records_upserted).toBe(0);
    expect((run.details.notes as string[]).some((n) => n.includes('204 No Content'))).toBe(true);
    expect(run.details.missing_zctas).toEqual(['19002', '19003']);
    expect(await signals(fresh)).toHaveLength(0);
  });

  it('marks Census stale for a ZIP added by an edit, and fresh again after a refresh', async () => {
    const freshness = app.get(FreshnessService);
    const census = async () =>
      (await TenantContext.run({ clientId }, () => freshness.forGeography(geographyId))).find(
        (f) => f.source_type === 'census',
      );
    // The last run failed (the invalid-key test) but the last success is recent: still fresh.
    expect(await census()).toMatchObject({
      is_stale: false,
      last_run_status: 'failed',
      stale_after_days: 30,
    });
    expect((await census())?.last_success_at).not.toBeNull();
    await app
      .get(TenantDb)
      .run(clientId, (tx) =>
        tx.manager.query(
          `UPDATE geographies SET zip_codes = array_append(zip_codes, '19041') WHERE id = $1`,
          [geographyId],
        ),
      );
    const stale = await census();
    expect(stale?.is_stale).toBe(true);
    expect(stale?.reason).toContain('19041');
    await refresh();
    expect(await census()).toMatchObject({ is_stale: false });
  });

  it('the nightly job queues a refresh for a stale geography and not for a fresh one', async () => {
    const tenant = await createClient();
    const staleGeography = await createGeography(tenant, ['19010']);
    const freshGeography = await createGeography(tenant, ['19034']);
    expect((await refresh(freshGeography, tenant)).status).toBe(RunStatus.Success);

    const queue = app.get(JobQueue);
    const enqueue = jest.spyOn(queue, 'enqueue');
    try {
      // This tenant only: the shared test database holds other suites' stale geographies.
      const result = await app.get(CensusNightlyRefreshJob).run({ client_ids: [tenant] });
      const mine = (job: JobName) =>
        enqueue.mock.calls
          .filter(([name]) => name === job)
          .map(([, payload]) => payload as { client_id: string; geography_id: string })
          .filter((p) => p.client_id === tenant)
          .map((p) => p.geography_id);
      expect(mine(JobName.RefreshCensus)).toEqual([staleGeography]);
      expect(
        result.queued
          .filter((q) => q.client_id === tenant && q.source_type === 'census')
          .map((q) => q.geography_id),
      ).toEqual([staleGeography]);
      // Neither geography has business counts yet: both get a business refresh.
      expect(mine(JobName.RefreshCensusBusiness).sort()).toEqual([staleGeography, freshGeography].sort());
      await queue.drain(60_000);
    } finally {
      enqueue.mockRestore();
    }
    const [run] = await db.query(
      `SELECT status, details FROM ingestion_runs WHERE geography_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [staleGeography],
    );
    expect(run.status).toBe(RunStatus.Success);
    expect(run.details.trigger).toBe('nightly');
    // Fresh now: a second nightly pass leaves it alone.
    const again = await app.get(CensusNightlyRefreshJob).run({ client_ids: [tenant] });
    expect(again.queued.some((q) => q.geography_id === staleGeography)).toBe(false);
    const [business] = await db.query(
      `SELECT status, details FROM ingestion_runs WHERE geography_id = $1 AND source_type = 'census_business'`,
      [staleGeography],
    );
    expect(business).toMatchObject({
      status: RunStatus.Success,
      details: { trigger: 'nightly', year: '2022' },
    });
  });

  it('takes a ZCTA’s figures from the public cache: a second tenant over the same ZIPs makes no Census request', async () => {
    const first = await createClient();
    const second = await createClient();
    const zips = ['19002', '19003', '19397'];
    const firstRun = await refresh(await createGeography(first, zips), first);
    expect(firstRun.status).toBe(RunStatus.Success);
    expect(firstRun.details).toMatchObject({ zctas_from_cache: 0, zctas_requested: 3 });
    const cached = await db.query(
      `SELECT zcta, absent, source, (SELECT count(*)::int FROM jsonb_object_keys(cells)) AS cells
         FROM public_acs_zctas WHERE vintage = 2023 ORDER BY zcta`,
    );
    // No tenant in the public cache: ZCTA, cells (every variable of the catalogue), where they came from.
    const variables = DEFAULT_ACS_VARIABLE_IDS.length;
    expect(cached).toEqual([
      { zcta: '19002', absent: false, source: 'api', cells: variables },
      { zcta: '19003', absent: false, source: 'api', cells: variables },
      { zcta: '19087', absent: false, source: 'api', cells: variables },
    ]);

    const before = dataRequests().length;
    const secondGeography = await createGeography(second, zips);
    const secondRun = await refresh(secondGeography, second);
    // The fake API's request log: not one data request for the second tenant.
    expect(dataRequests().length - before).toBe(0);
    expect(secondRun).toMatchObject({ status: RunStatus.Success });
    expect(secondRun.details).toMatchObject({
      requests: 0,
      zctas_from_cache: 3,
      zctas_returned: 3,
      missing_zctas: [],
    });
    expect((secondRun.details.notes as string[]).some((n) => n.includes('public Census cache'))).toBe(true);
    // Same figures, source URLs of the requests that fetched them (key-free), in the second tenant's own rows.
    const rows = await signals(secondGeography);
    expect(rows.find((r) => r.zip_code === '19002' && r.metric === 'population')?.value).toBe(
      POPULATION_19002,
    );
    expect(rows.find((r) => r.zip_code === '19397' && r.metric === 'owner_occupied')?.zcta).toBe('19087');
    // Cached figures cite the single-ZCTA query that reproduces them.
    expect(rows.find((r) => r.zip_code === '19002' && r.metric === 'population')?.source_url).toMatch(
      new RegExp(
        `^${fake.baseUrl}/2023/acs/acs5\\?get=NAME,[^&]*B01003_001E[^&]*&for=zip%20code%20tabulation%20area:19002$`,
      ),
    );
    expect(JSON.stringify(rows)).not.toContain(API_KEY);

    // A ZCTA the cache lacks is the only one asked for.
    const third = await refresh(await createGeography(second, ['19002', '19010']), second);
    expect(third.details).toMatchObject({ zctas_from_cache: 1, requests: GROUPS });
    expect(
      dataRequests()
        .slice(-GROUPS)
        .every((r) => r.includes(':19010') && !r.includes('19002')),
    ).toBe(true);
  });

  it('registers the nightly schedule on CENSUS_REFRESH_CRON in the process that owns schedules', () => {
    const schedules = (app.get(JobQueue) as unknown as { schedules: Map<string, unknown> }).schedules;
    expect(schedules.has(JobName.RefreshStaleCensus)).toBe(true);
  });

  const withRedis = testRedisUrl() ? it : it.skip;
  if (!testRedisUrl()) process.stdout.write('Census refresh: REDIS_URL is unset, skipping the Bull test\n');

  withRedis(
    'on Bull: the API enqueues, a separate worker runs the refresh, and the worker owns the nightly repeatable job',
    async () => {
      const prefix = `lbi-census-${randomUUID().slice(0, 8)}`;
      const config = () =>
        testConfig({
          REDIS_URL: testRedisUrl(),
          QUEUE_PREFIX: prefix,
          CONSOLE_DIR: '/nonexistent',
          CENSUS_API_BASE_URL: fake.baseUrl,
          CENSUS_REFRESH_CRON: '15 4 * * *',
        });
      let api: INestApplicationContext | undefined;
      let worker: INestApplicationContext | undefined;
      const bull = new Bull('lbi', testRedisUrl() as string, { prefix });
      try {
        api = await NestFactory.createApplicationContext(
          AppModule.forRoot({
            config: config(),
            databaseUrl: testDatabaseUrl(),
            runtime: new RuntimeInfo(false, 'test'),
            retryBackoffMs: 10,
          }),
          { logger: false },
        );
        expect(api.get(JobQueue).driver).toBe('bull');
        // The API does not own schedules on Bull.
        expect((await bull.getRepeatableJobs()).length).toBe(0);
        const geography = await createGeography(clientId, ['19002', '19397']);
        const { ingestion_run_id } = await TenantContext.run({ clientId }, () =>
          api!.get(CensusRefreshService).start(geography),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect((await runOf(ingestion_run_id)).status).toBe(RunStatus.Queued);

        worker = await NestFactory.createApplicationContext(
          WorkerModule.forRoot({ config: config(), retryBackoffMs: 10 }),
          { logger: false },
        );
        await worker.init();
        const deadline = Date.now() + 30_000;
        let run = await runOf(ingestion_run_id);
        while (run.status !== RunStatus.Success && run.status !== RunStatus.Failed && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          run = await runOf(ingestion_run_id);
        }
        expect(run.error_message).toBeNull();
        expect(run.status).toBe(RunStatus.Success);
        const rows = await signals(geography);
        expect(rows.find((r) => r.zip_code === '19002' && r.metric === 'population')?.value).toBe(
          POPULATION_19002,
        );
        expect(rows.some((r) => r.zip_code === '19397')).toBe(true);

        const repeatable = await bull.getRepeatableJobs();
        expect(repeatable.find((j) => j.name === JobName.RefreshStaleCensus)).toMatchObject({
          cron: '15 4 * * *',
        });
      } finally {
        await worker?.close();
        await api?.close();
        await bull.obliterate({ force: true });
        await bull.close();
      }
    },
  );
});
