// Census API faults that do not clear up: each ends in a failed run with a readable error after a
// bounded number of attempts, and never leaves partial signals, even when the run fails part-way after
// some requests succeeded. (One-off faults that a retry fixes, 500s until the attempts run out, a
// plain-text 400 and the HTML key page are in census-refresh.int-spec.ts.)
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RunStatus } from '@lbi/contracts';
import {
  CENSUS_FETCH_TUNING,
  CensusFetchTuning,
  CensusRefreshService,
  clearVintageCache,
  Geography,
} from '@lbi/features';
import { JobQueue, RuntimeInfo, TenantContext, TenantDb } from '@lbi/server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { testConfig, testDatabaseUrl } from '../support/test-env';

const API_KEY = 'TEST-census-key-f4ult5-0042';
const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const MAX_ATTEMPTS = 3;
const TUNING: CensusFetchTuning = {
  timeoutMs: 500,
  maxAttempts: MAX_ATTEMPTS,
  retry: { baseMs: 5, maxMs: 20 },
  // Several requests per run, so a run can fail after some of them succeeded.
  maxZctasPerRequest: 2,
};

interface RunRow {
  status: RunStatus;
  error_message: string | null;
  records_upserted: number;
  finished_at: Date | null;
}

describe('Census API faults that persist', () => {
  let fake: FakeCensusServer;
  let app: INestApplication;
  let db: DataSource;
  let clientId: string;

  const dataRequests = () => fake.requests.filter((r) => r.includes('tabulation')).length;

  async function geography(): Promise<string> {
    return app.get(TenantDb).run(clientId, async (tx) => {
      const repo = tx.repository(Geography);
      const saved = await repo.save(
        repo.create({ name: `Faults ${randomUUID()}`, zipCodes: ZIPS, zctaResolution: [] }),
      );
      return saved.id;
    });
  }

  async function refresh(geographyId: string): Promise<RunRow> {
    const { ingestion_run_id } = await TenantContext.run({ clientId }, () =>
      app.get(CensusRefreshService).start(geographyId),
    );
    await app.get(JobQueue).drain(60_000);
    const [row] = await db.query(`SELECT * FROM ingestion_runs WHERE id = $1`, [ingestion_run_id]);
    return row as RunRow;
  }

  const signals = (geographyId: string) =>
    db.query(
      `SELECT id, zip_code, metric, value, margin_of_error, updated_at FROM demand_signals
        WHERE geography_id = $1 AND signal_type = 'CENSUS' ORDER BY zip_code, metric`,
      [geographyId],
    ) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    clearVintageCache();
    fake = await startFakeCensusServer();
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          config: testConfig({
            CENSUS_API_BASE_URL: fake.baseUrl,
            CENSUS_API_KEY: API_KEY,
            CONSOLE_DIR: '/nonexistent',
          }),
          databaseUrl: testDatabaseUrl(),
          runtime: new RuntimeInfo(false, 'test'),
          retryBackoffMs: 10,
        }),
      ],
    })
      .overrideProvider(CENSUS_FETCH_TUNING)
      .useValue(TUNING)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    db = app.get(DataSource);
    const [row] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Census faults ${randomUUID()}`,
    ]);
    clientId = row.id as string;
    // A first normal refresh settles the vintage, so every later request is a data request.
    expect((await refresh(await geography())).status).toBe(RunStatus.Success);
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  // Each run asks the fake API itself: the public cache would otherwise answer for the ZCTAs.
  beforeEach(async () => {
    fake.setMode('normal');
    await db.query('DELETE FROM public_acs_zctas');
  });

  const cases: [string, Parameters<FakeCensusServer['setMode']>, RegExp, number][] = [
    ['a 429 on every attempt', ['429', { retryAfter: '0' }], /gave up after 3 attempts: .*429/, MAX_ATTEMPTS],
    [
      'a timeout on every attempt',
      ['slow', { delayMs: 1500 }],
      /gave up after 3 attempts: .*time/i,
      MAX_ATTEMPTS,
    ],
    [
      'a 503 on every attempt',
      ['fail-n-times', { times: 100 }],
      /gave up after 3 attempts: .*503/,
      MAX_ATTEMPTS,
    ],
    ['a 200 cut short (not JSON)', ['truncated'], /gave up after 3 attempts: .*not JSON/, MAX_ATTEMPTS],
    ['a 200 of JSON that is not a table', ['wrong-shape'], /JSON that is not a table of rows/, 1],
  ];

  it.each(cases)(
    '%s: a failed run with a readable error, bounded attempts, no signals',
    async (_, mode, message, attempts) => {
      const geographyId = await geography();
      fake.setMode(...mode);
      const before = dataRequests();
      const run = await refresh(geographyId);
      expect(run.status).toBe(RunStatus.Failed);
      expect(run.error_message).toMatch(/^Census refresh failed: /);
      expect(run.error_message).toMatch(message);
      expect(run.error_message).not.toContain(API_KEY);
      expect(run.finished_at).not.toBeNull();
      expect(run.records_upserted).toBe(0);
      expect(dataRequests() - before).toBe(attempts);
      expect(await signals(geographyId)).toEqual([]);
    },
  );

  it('fails part-way (two requests answered, then 500s) without writing any signal', async () => {
    const geographyId = await geography();
    fake.setMode('500', { after: 2 });
    const run = await refresh(geographyId);
    expect(run.status).toBe(RunStatus.Failed);
    expect(run.error_message).toMatch(/^Census refresh failed: gave up after 3 attempts: .*500/);
    expect(await signals(geographyId)).toEqual([]);
  });

  it('keeps the previous figures untouched when a later refresh fails part-way', async () => {
    const geographyId = await geography();
    expect((await refresh(geographyId)).status).toBe(RunStatus.Success);
    const before = await signals(geographyId);
    expect(before.length).toBeGreaterThan(0);
    await db.query('DELETE FROM public_acs_zctas');
    fake.setMode('truncated', { after: 2 });
    const run = await refresh(geographyId);
    expect(run.status).toBe(RunStatus.Failed);
    // Same rows, same values, not even rewritten (updated_at unchanged).
    expect(await signals(geographyId)).toEqual(before);
  });
});
