import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { startTestApi } from '../support/start-test-api';

const RUN_FIELDS = [
  'client_id',
  'created_at',
  'details',
  'error_message',
  'finished_at',
  'geography_id',
  'id',
  'records_upserted',
  'rows_processed',
  'source_type',
  'started_at',
  'status',
];

interface RunBody {
  id: string;
  status: string;
  records_upserted: number;
  error_message: string | null;
  details: Record<string, unknown>;
}

describe('Census refresh, ingestion runs and freshness over HTTP', () => {
  let fake: FakeCensusServer;
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let admin: Session;
  let analyst: Session;
  let reader: Session;
  let otherAdmin: Session;
  let geographyId: string;
  let firstRunId: string;
  const missingId = '00000000-0000-4000-8000-000000000000';

  const get = (path: string, session: Session) => request(api.url).get(`/api/v1${path}`).set(session.headers);
  const post = (path: string, session: Session) =>
    request(api.url).post(`/api/v1${path}`).set(session.headers);

  async function waitForRun(id: string, session: Session): Promise<RunBody> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await get(`/ingestion-runs/${id}`, session).expect(200);
      const run = response.body as RunBody;
      if (run.status === 'success' || run.status === 'failed' || Date.now() > deadline) return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    fake = await startFakeCensusServer();
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', CENSUS_API_BASE_URL: fake.baseUrl });
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const clientA = await factory.createClient(platform, uniqueName('Census A'));
    const clientB = await factory.createClient(platform, uniqueName('Census B'));
    admin = await factory.userSession(platform, Role.Admin, clientA.id);
    analyst = await factory.userSession(admin, Role.Analyst);
    reader = await factory.userSession(admin, Role.Client);
    otherAdmin = await factory.userSession(platform, Role.Admin, clientB.id);
    const created = await post('/geographies', admin)
      .send({
        name: uniqueName('Main Line'),
        zip_codes: ['19002', '19003', '19010', '19034', '19087', '19397'],
      })
      .expect(201);
    geographyId = created.body.id;
  });
  afterAll(async () => {
    await api?.stop();
    await fake?.close();
  });

  it('refresh-census answers 202 with a run that an analyst can follow to success', async () => {
    const started = await post(`/geographies/${geographyId}/refresh-census`, analyst).expect(202);
    expect(Object.keys(started.body)).toEqual(['ingestion_run_id']);
    firstRunId = started.body.ingestion_run_id;
    const run = await waitForRun(firstRunId, reader);
    expect(run.error_message).toBeNull();
    expect(run.status).toBe('success');
    expect(run.records_upserted).toBeGreaterThan(0);
    expect(Object.keys(run).sort()).toEqual(RUN_FIELDS);
    expect(run).toMatchObject({ geography_id: geographyId, source_type: 'census' });
    expect(run.details).toMatchObject({ vintage: '2023', zctas_requested: 5, zctas_returned: 5 });

    const signals = await get(`/signals?geography_id=${geographyId}&signal_type=CENSUS`, reader).expect(200);
    const rows = (Array.isArray(signals.body) ? signals.body : signals.body.items) as {
      zip_code: string;
      metric: string;
      value: number | null;
    }[];
    expect(rows.find((s) => s.zip_code === '19002' && s.metric === 'population')?.value).toBe(31681);
    // The PO-box ZIP has its ZCTA's rows (asked for by ZIP: the whole catalogue outruns one page).
    const poBox = await get(
      `/signals?geography_id=${geographyId}&signal_type=CENSUS&zip_code=19397`,
      reader,
    ).expect(200);
    const poBoxRows = (Array.isArray(poBox.body) ? poBox.body : poBox.body.items) as { zip_code: string }[];
    expect(poBoxRows.length).toBeGreaterThan(0);
    expect(poBoxRows.every((s) => s.zip_code === '19397')).toBe(true);
  });

  it('shows Census fresh and the CSV sources never imported (stale) in the freshness', async () => {
    const response = await get(`/geographies/${geographyId}/freshness`, reader).expect(200);
    const byType = Object.fromEntries(
      (response.body as { source_type: string }[]).map((f) => [f.source_type, f]),
    );
    expect(Object.keys(byType).sort()).toEqual(['census', 'csv_channels', 'csv_events', 'csv_property']);
    expect(byType.census).toMatchObject({
      last_run_status: 'success',
      is_stale: false,
      stale_after_days: 30,
      last_success_at: expect.any(String),
      last_run_at: expect.any(String),
    });
    for (const type of ['csv_property', 'csv_events', 'csv_channels']) {
      expect(byType[type]).toEqual({
        source_type: type,
        last_success_at: null,
        last_run_status: null,
        last_run_at: null,
        is_stale: true,
        stale_after_days: 90,
        reason: 'Never imported for this geography',
      });
    }
  });

  it('lists runs newest first, filtered and paged', async () => {
    const second = await post(`/geographies/${geographyId}/refresh-census`, admin).expect(202);
    await waitForRun(second.body.ingestion_run_id, admin);
    const all = await get(
      `/ingestion-runs?geography_id=${geographyId}&source_type=census&status=success`,
      reader,
    ).expect(200);
    expect((all.body as RunBody[]).map((r) => r.id)).toEqual([second.body.ingestion_run_id, firstRunId]);
    const page = await get(`/ingestion-runs?geography_id=${geographyId}&limit=1&offset=1`, reader).expect(
      200,
    );
    expect((page.body as RunBody[]).map((r) => r.id)).toEqual([firstRunId]);
    const none = await get(`/ingestion-runs?geography_id=${geographyId}&status=failed`, reader).expect(200);
    expect(none.body).toEqual([]);
    const bad = await get('/ingestion-runs?status=done&limit=0', reader).expect(400);
    expect(bad.body).toMatchObject({ status_code: 400, error: 'Bad Request' });
    expect(JSON.stringify(bad.body.message)).toContain('status must be one of');
  });

  it('refuses a refresh to the read-only client role', async () => {
    const response = await post(`/geographies/${geographyId}/refresh-census`, reader).expect(403);
    expect(response.body).toMatchObject({ status_code: 403, error: 'Forbidden' });
  });

  it('answers 404 for another tenant’s geography and run, word for word as for missing ones', async () => {
    const pairs: [(id: string) => request.Test, string][] = [
      [(id) => post(`/geographies/${id}/refresh-census`, otherAdmin), geographyId],
      [(id) => get(`/geographies/${id}/freshness`, otherAdmin), geographyId],
      [(id) => get(`/ingestion-runs/${id}`, otherAdmin), firstRunId],
    ];
    for (const [send, foreignId] of pairs) {
      const foreign = await send(foreignId);
      const missing = await send(missingId);
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body).replace(foreignId, missingId)).toBe(JSON.stringify(missing.body));
    }
    const list = await get('/ingestion-runs', otherAdmin).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(geographyId);
    // Nothing was started in tenant A by the refused refresh.
    const runs = await get(`/ingestion-runs?geography_id=${geographyId}`, admin).expect(200);
    expect((runs.body as RunBody[]).length).toBe(2);
  });
});
