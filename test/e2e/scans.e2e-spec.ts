import { Role, type GeographyResponse, type ReportPayload, type ScanPayload } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { clearPublicCensusCache } from '../support/public-census-cache';
import { startTestApi } from '../support/start-test-api';
import { DataSource } from 'typeorm';

// A ring, a county set and a scan, each through to an explained report with a competition section,
// on the fake Census API (real ACS 2019-2023 figures, real 2022 Pennsylvania Business Patterns).

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('rings, counties and scans produce explained reports with competition', () => {
  let api: Api;
  let fake: FakeCensusServer;
  let analyst: Session;
  let viewer: Session;

  beforeAll(async () => {
    fake = await startFakeCensusServer();
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', CENSUS_API_BASE_URL: fake.baseUrl });
    // The assertions below are about what this suite's fills fetched from its fake (the real files):
    // figures another suite left in the shared public cache would answer for them.
    await clearPublicCensusCache(api.app.get(DataSource));
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const client = await factory.createClient(platform);
    const admin = await factory.userSession(platform, Role.Admin, client.id);
    analyst = await factory.userSession(admin, Role.Analyst);
    viewer = await factory.userSession(admin, Role.Client);
  });
  afterAll(async () => {
    await api?.stop();
    await fake?.close();
  });

  const agent = () => request(api.url);

  async function poll<T extends { status: string }>(path: string): Promise<T> {
    for (let i = 0; i < 300; i += 1) {
      const response = await agent().get(path).set(viewer.headers).expect(200);
      if (response.body.status === 'success' || response.body.status === 'failed') return response.body as T;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${path} did not finish`);
  }

  async function refreshed(geography: GeographyResponse): Promise<void> {
    for (const source of ['refresh-census', 'refresh-business']) {
      const started = await agent()
        .post(`/api/v1/geographies/${geography.id}/${source}`)
        .set(analyst.headers)
        .expect(202);
      const run = await poll<{ status: string; error_message: string | null }>(
        `/api/v1/ingestion-runs/${started.body.ingestion_run_id}`,
      );
      expect(run.error_message).toBeNull();
    }
  }

  async function report(geographyId: string, category: string, extra: object = {}): Promise<ReportPayload> {
    const created = await agent()
      .post('/api/v1/reports')
      .set(analyst.headers)
      .send({ geography_id: geographyId, category, ...extra })
      .expect(202);
    const done = await poll<{ status: string; error_message: string | null; payload: ReportPayload }>(
      `/api/v1/reports/${created.body.id}`,
    );
    expect(done.error_message).toBeNull();
    return done.payload;
  }

  it('a ring around Wayne: a report with competitors per 1,000 owners, and closer ZIPs first on request', async () => {
    const created = await agent()
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: uniqueName('Wayne ring'), around: { zip_code: '19087', radius_miles: 6 } })
      .expect(201);
    const ring = created.body as GeographyResponse;
    await refreshed(ring);
    const payload = await report(ring.id, 'roofing');
    expect(payload.top_zips.length).toBeGreaterThan(3);
    expect(payload.top_zips[0].why.length).toBeGreaterThanOrEqual(2);
    const competition = payload.competition!;
    // The fake serves no B25036 cross-tabulation: the rate is per 1,000 owner households, said to be an upper bound.
    expect(competition).toMatchObject({
      naics: ['238160'],
      year: '2022',
      basis: expect.stringMatching(/^owner-occupied households \(an upper bound/),
    });
    expect(competition.zips.map((z) => z.zip_code)).toEqual(payload.top_zips.map((z) => z.zip_code));
    expect(competition.geography.establishments).toBeGreaterThan(0);
    expect(competition.caveats.join(' ')).toContain('every count is a floor');
    expect(payload.top_zips[0].components.map((c) => c.feature)).toContain('competitors_per_1000_households');
    expect(payload.sources.map((s) => s.name)).toContain('U.S. Census Bureau, ZIP Code Business Patterns');

    const closer = await report(ring.id, 'roofing', { closer_first: true });
    expect(closer.options).toEqual({ closer_first: true });
    const distance = closer.top_zips
      .flatMap((z) => z.components)
      .find((c) => c.feature === 'distance_from_centre');
    expect(distance).toMatchObject({ source: 'geography', unit_of_measure: 'miles' });
    const bad = await agent()
      .post('/api/v1/reports')
      .set(analyst.headers)
      .send({ geography_id: ring.id, category: 'roofing', closer_first: 'yes' })
      .expect(400);
    expect(bad.body.message).toContain('closer_first must be true or false');
  });

  it('a county set (Montgomery County, PA): a pest-control report weighs density and competitors', async () => {
    const created = await agent()
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: uniqueName('Montgomery'), counties: ['42091'] })
      .expect(201);
    const county = created.body as GeographyResponse;
    await refreshed(county);
    const payload = await report(county.id, 'pest_control');
    const features = payload.top_zips[0].components.map((c) => c.feature);
    expect(features).toEqual(
      expect.arrayContaining(['household_density', 'competitors_per_1000_households']),
    );
    expect(payload.competition).toMatchObject({
      naics: ['561710'],
      basis: expect.stringMatching(/^all households/),
    });
    const density = payload.top_zips[0].components.find((c) => c.feature === 'household_density')!;
    expect(density.value).toBeGreaterThan(0);
    expect(density.geography_value).toBeGreaterThan(0);
  });

  it('scans Pennsylvania: every ZCTA ranked, a report-shaped payload, a map, exports; then a geography of its top ZIPs', async () => {
    const started = await agent()
      .post('/api/v1/scans')
      .set(analyst.headers)
      .send({ category: 'roofing', state: 'pa', limit: 20 })
      .expect(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'queued' });
    const scan = await poll<{
      status: string;
      state: string;
      error_message: string | null;
      payload: ScanPayload;
    }>(`/api/v1/scans/${started.body.id}`);
    expect(scan.error_message).toBeNull();
    expect(scan.state).toBe('PA');
    const payload = scan.payload;
    expect(payload.scan).toMatchObject({
      scope: 'PA',
      scope_name: 'Pennsylvania',
      limit: 20,
      acs_vintage: '2023',
      business_year: '2022',
    });
    expect(payload.scan.zctas_ranked).toBeGreaterThan(1700);
    expect(payload.top_zips).toHaveLength(20);
    expect(payload.top_zips[0].why.length).toBeGreaterThanOrEqual(2);
    expect(payload.map.points.length).toBe(payload.scan.zctas_ranked);
    expect(payload.map.points[0].slice(0, 1)).toEqual([payload.top_zips[0].zip_code]);
    expect(payload.competition?.zips).toHaveLength(20);
    // The fake API serves population and tenure for every ZCTA and medians for the Philadelphia suburbs
    // only: the scan names what it could not use and how far the rest reaches.
    expect(payload.scan.missing_inputs).toEqual(
      expect.arrayContaining(['owner_detached_share', 'replacement_age_share']),
    );
    expect(payload.caveats.some((c) => /Median home value .* known for only \d+ of \d+ ZCTAs/.test(c))).toBe(
      true,
    );
    // A ZIP with its real figures: the scan's ZCTA 19002 (Ambler) has its 2022 roofers.
    const ranks = new Map(payload.map.points.map((p) => [p[0], p[4]]));
    expect(ranks.has('19002')).toBe(true);

    for (const [format, type] of [
      ['json', 'application/json'],
      ['csv', 'text/csv'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const file = await agent()
        .get(`/api/v1/scans/${started.body.id}/export?format=${format}`)
        .set(viewer.headers)
        .expect(200);
      expect(file.headers['content-type']).toContain(type);
      expect(file.headers['content-disposition']).toMatch(
        /^attachment; filename="lbi-roofing-pennsylvania-every-zcta-\d{4}-\d{2}-\d{2}\.\w+"$/,
      );
    }

    // A second scan of the same state asks the Census API for nothing: the public cache holds it.
    const before = fake.requests.length;
    const again = await agent()
      .post('/api/v1/scans')
      .set(analyst.headers)
      .send({ category: 'moving', state: 'PA' })
      .expect(202);
    const second = await poll<{ status: string; payload: ScanPayload }>(`/api/v1/scans/${again.body.id}`);
    expect(second.status).toBe('success');
    expect(second.payload.scan.census_requests).toBe(0);
    // The movers' counts too: the business refreshes above fetched every industry nationally, once.
    expect(fake.requests.slice(before)).toEqual([]);

    const taken = await agent()
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: uniqueName('Top of the scan'), from_scan: { scan_id: started.body.id, top: 10 } })
      .expect(201);
    expect(taken.body.zip_codes).toEqual(payload.map.points.slice(0, 10).map((p) => p[0]));
    expect(taken.body.trade_area).toEqual({ kind: 'scan', scan_id: started.body.id, top: 10 });
  });

  it.each([
    [
      { category: 'roofing', state: 'XX' },
      [`state must be a state's two-letter abbreviation (AL, AK, AZ, …, DC, PR) or "US" for the nation`],
    ],
    [{ category: 'chimney', state: 'PA' }, [expect.stringMatching(/^category must be one of roofing, hvac/)]],
    [
      { category: 'roofing', state: 'PA', limit: 0 },
      ['limit must be a whole number of top ZIPs from 1 to 5,000'],
    ],
    [
      { category: 'roofing', state: 'PA', limit: 5001 },
      ['limit must be a whole number of top ZIPs from 1 to 5,000'],
    ],
    [{ state: 'PA' }, [expect.stringMatching(/^category must be one of/)]],
  ])('refuses %j with a 400 naming the field', async (body, message) => {
    const response = await agent().post('/api/v1/scans').set(analyst.headers).send(body).expect(400);
    expect(response.body.message).toEqual(message);
  });

  it('refuses scans to the read-only client role and from_scan of an unfinished or unknown scan', async () => {
    await agent()
      .post('/api/v1/scans')
      .set(viewer.headers)
      .send({ category: 'roofing', state: 'DE' })
      .expect(403);
    const bad = await agent()
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: uniqueName('x'), from_scan: { scan_id: 'nope', top: 0 } })
      .expect(400);
    expect(bad.body.message).toEqual([
      'from_scan.scan_id must be the UUID of one of your scans (GET /api/v1/scans)',
      'from_scan.top must be a whole number of ZIPs from 1 to 5000',
    ]);
  });
});
