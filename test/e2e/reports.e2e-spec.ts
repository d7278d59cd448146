import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role, type ReportPayload } from '@lbi/contracts';
import Papa from 'papaparse';
import request from 'supertest';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { clearPublicCensusCache } from '../support/public-census-cache';
import { startTestApi } from '../support/start-test-api';
import { DataSource } from 'typeorm';
import { testDatabaseUrl } from '../support/test-env';

/**
 * Real Philadelphia-suburb ZIPs: owner-heavy older Main Line ZIPs beside renter-heavy towns, 19085
 * Villanova (median income top-coded "$250,000+") and 19397, a PO-box ZIP inside ZCTA 19087.
 */
const ZIPS = [
  '19002',
  '19003',
  '19013',
  '19038',
  '19041',
  '19064',
  '19072',
  '19083',
  '19087',
  '19085',
  '19397',
  '19401',
  '19446',
];
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const CLI = join(__dirname, '..', '..', 'dist', 'server', 'apps', 'api', 'src', 'cli.js');

interface ReportBody {
  id: string;
  status: string;
  error_message: string | null;
  payload: ReportPayload | null;
}

describe('intelligence reports over HTTP', () => {
  let fake: FakeCensusServer;
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let analyst: Session;
  let reader: Session;
  let geographyId: string;
  let geographyName: string;

  const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 300; i += 1) {
      const value = await probe();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('timed out');
  };

  async function report(category: string): Promise<ReportBody> {
    const created = await request(api.url)
      .post('/api/v1/reports')
      .set(analyst.headers)
      .send({ geography_id: geographyId, category })
      .expect(202);
    expect(created.body).toEqual({ id: expect.any(String), status: 'queued' });
    return until(
      async () =>
        (await request(api.url).get(`/api/v1/reports/${created.body.id}`).set(reader.headers))
          .body as ReportBody,
      (body) => body.status === 'success' || body.status === 'failed',
    );
  }

  beforeAll(async () => {
    // The real files lack the cross-tabulations and distributions; the SYNTHETIC tables stand in for
    // them (test/support/fake-census/synthetic/README.md), so pooled medians and cross-tabs are exercised.
    fake = await startFakeCensusServer({ syntheticTables: true });
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', CENSUS_API_BASE_URL: fake.baseUrl });
    // This fake serves extra (synthetic) tables: figures other suites' fakes left in the shared public
    // Census cache for the same vintage would stand in for them (and its own are removed in afterAll).
    await clearPublicCensusCache(api.app.get(DataSource));
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const client = await factory.createClient(platform, uniqueName('Reports agency'));
    const admin = await factory.userSession(platform, Role.Admin, client.id);
    analyst = await factory.userSession(admin, Role.Analyst);
    reader = await factory.userSession(admin, Role.Client);
    geographyName = uniqueName('Report suburbs');
    const geography = await request(api.url)
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: geographyName, zip_codes: ZIPS })
      .expect(201);
    geographyId = geography.body.id;
    const run = await request(api.url)
      .post(`/api/v1/geographies/${geographyId}/refresh-census`)
      .set(analyst.headers)
      .expect(202);
    await until(
      async () =>
        (
          await request(api.url)
            .get(`/api/v1/ingestion-runs/${run.body.ingestion_run_id}`)
            .set(analyst.headers)
        ).body,
      (body: { status: string }) => body.status === 'success',
    );
    for (const [channel_type, name, zip_code, estimated_reach] of [
      ['hoa', 'Oak Hollow Homeowners Association', '19087', 640],
      ['home_show', 'Main Line Spring Home Expo', '19087', 4200],
      ['civic_association', 'Narberth Neighbors Association', '19072', 1800],
      ['real_estate_office', 'Norristown Rentals Office', '19401', 900],
    ] as const) {
      await request(api.url)
        .post('/api/v1/channels')
        .set(analyst.headers)
        .send({ geography_id: geographyId, channel_type, name, zip_code, estimated_reach })
        .expect(201);
    }
  });
  afterAll(async () => {
    // The SYNTHETIC figures must not outlive this suite in the shared cache.
    if (api) await clearPublicCensusCache(api.app.get(DataSource));
    await api?.stop();
    await fake?.close();
  });

  it('lists at least 12 categories with what drives each', async () => {
    const categories = (await request(api.url).get('/api/v1/categories').set(reader.headers).expect(200))
      .body as {
      id: string;
      peak_months: number[];
      features: unknown[];
      channel_types: unknown[];
    }[];
    expect(categories.length).toBeGreaterThanOrEqual(12);
    for (const id of ['roofing', 'hvac', 'solar', 'moving', 'senior_in_home_care']) {
      expect(categories.map((c) => c.id)).toContain(id);
    }
    for (const category of categories) {
      expect(category.peak_months.length).toBeGreaterThan(0);
      expect(category.features.length).toBeGreaterThan(0);
      expect(category.channel_types.length).toBeGreaterThan(0);
    }
  });

  it('makes a non-empty, explained report for every category', async () => {
    const categories = (await request(api.url).get('/api/v1/categories').set(reader.headers)).body as {
      id: string;
    }[];
    for (const { id } of categories) {
      const body = await report(id);
      expect({ id, status: body.status, error: body.error_message }).toEqual({
        id,
        status: 'success',
        error: null,
      });
      const payload = body.payload as ReportPayload;
      expect(payload.category.id).toBe(id);
      expect(payload.top_zips.length).toBeGreaterThan(0);
      for (const zip of payload.top_zips) {
        expect(ZIPS).toContain(zip.zip_code);
        expect(zip.why.length).toBeGreaterThanOrEqual(2);
        expect(zip.why.length).toBeLessThanOrEqual(4);
        expect(zip.why.join(' ')).toMatch(/\d/);
        expect(zip.components.length).toBeGreaterThan(0);
      }
      expect(payload.buyer_profile.households.value).toBeGreaterThan(0);
      expect(payload.recommended_channels.length + payload.channel_types_to_add.length).toBeGreaterThan(0);
      expect(payload.timing_window.start_date <= payload.timing_window.end_date).toBe(true);
      expect(payload.data_freshness.map((f) => f.source_type)).toContain('census');
      expect(Array.isArray(payload.caveats)).toBe(true);
    }
  });

  it('ranks owner-heavy ZIPs for roofing and renter-heavy Norristown far higher for moving', async () => {
    const roofing = (await report('roofing')).payload as ReportPayload;
    const moving = (await report('moving')).payload as ReportPayload;
    const rank = (payload: ReportPayload, zip: string) =>
      payload.top_zips.find((z) => z.zip_code === zip)?.rank ?? Number.POSITIVE_INFINITY;
    expect(rank(moving, '19401')).toBeLessThan(rank(roofing, '19401'));
    expect(roofing.top_zips[0].why.join(' ')).toMatch(/own a detached house|owner-occupied|built/);
  });

  it('reports tiers, tested comparisons, censored medians, cross-tabulations and one vintage', async () => {
    const roofing = (await report('roofing')).payload as ReportPayload;
    expect(roofing.vintage).toBe('2023');
    expect(roofing.sources[0].vintage).toBe('2023');
    expect(roofing.ranked_zctas).toBe(12); // 13 ZIPs, 19397 shares ZCTA 19087
    expect(new Set(roofing.top_zips.map((z) => z.zcta)).size).toBe(roofing.top_zips.length);
    expect(roofing.tiers!.flatMap((t) => t.zip_codes)).toEqual(roofing.top_zips.map((z) => z.zip_code));
    for (const zip of roofing.top_zips) {
      expect(zip.tier).toBeGreaterThanOrEqual(1);
      expect(zip.why[0]).toMatch(/tier \d+/);
      for (const reason of zip.reasons!) {
        const c = zip.components.find((x) => x.feature === reason.feature)!;
        expect(c.better).toBe(true);
        if (/higher than|lower than/.test(reason.text)) expect(reason.text).toMatch(/significant at 90%/);
      }
    }
    const text = JSON.stringify(roofing);
    expect(text).toMatch(/significant at 90%/);
    expect(text).not.toMatch(/250,001/);
    expect(roofing.buyer_profile.addressable_households.basis).toMatch(/B25036/);
    expect(roofing.buyer_profile.median_home_value.estimate?.method).toMatch(
      /pooled median of the summed B25075/,
    );
    expect(roofing.data_freshness.find((f) => f.source_type === 'census')!.detail).toMatch(
      /^refreshed today;/,
    );

    const pool = (await report('pool_spa')).payload as ReportPayload;
    const villanova = pool.top_zips.find((z) => z.zip_code === '19085')!;
    expect(villanova.components.find((c) => c.feature === 'median_household_income')).toMatchObject({
      censored: 'top',
      display: '$250,000+',
    });

    // The PO-box ZIP has its ZCTA's score and rank in the stored scores, and says so.
    await request(api.url)
      .post(`/api/v1/geographies/${geographyId}/recompute-scores?category=roofing`)
      .set(analyst.headers)
      .expect(202);
    const scores = await until(
      async () =>
        (
          await request(api.url)
            .get(`/api/v1/geographies/${geographyId}/scores?category=roofing`)
            .set(reader.headers)
        ).body as { zip_code: string; rank: number; score: number; flags: string[] }[],
      (body) => Array.isArray(body) && body.some((s) => s.zip_code === '19397'),
    );
    const poBox = scores.find((s) => s.zip_code === '19397')!;
    const own = scores.find((s) => s.zip_code === '19087')!;
    expect([poBox.rank, poBox.score]).toEqual([own.rank, own.score]);
    expect(poBox.flags).toContain('shares_zcta:19087');
  });

  it('gives the same report for the same inputs, as a new immutable snapshot', async () => {
    const first = await report('solar');
    const second = await report('solar');
    expect(second.id).not.toBe(first.id);
    expect(second.payload).toEqual(first.payload);
  });

  it('exports JSON, CSV (RFC 4180, parses, formula-safe) and a PDF with file names', async () => {
    const body = await report('roofing');
    const payload = body.payload as ReportPayload;
    const json = await request(api.url)
      .get(`/api/v1/reports/${body.id}/export?format=json`)
      .set(reader.headers)
      .expect(200);
    expect(JSON.parse(json.text)).toEqual(payload);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="lbi-roofing-.+\.json"/);

    const csv = await request(api.url)
      .get(`/api/v1/reports/${body.id}/export?format=csv`)
      .set(reader.headers)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.zip_code)).toEqual(payload.top_zips.map((z) => z.zip_code));
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        'rank',
        'zip_code',
        'score',
        'why',
        'tier',
        'score_moe',
        'zip_codes',
        'vintage',
      ]),
    );
    expect(parsed.data.map((row) => row.tier)).toEqual(payload.top_zips.map((z) => String(z.tier)));
    expect(parsed.data.every((row) => row.vintage === '2023')).toBe(true);

    const pdf = await request(api.url)
      .get(`/api/v1/reports/${body.id}/export?format=pdf`)
      .set(reader.headers)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pdf.headers['content-disposition']).toMatch(/filename="lbi-roofing-.+\.pdf"/);
    if (hasPoppler) {
      const dir = mkdtempSync(join(tmpdir(), 'lbi-e2e-pdf-'));
      const file = join(dir, 'roofing.pdf');
      writeFileSync(file, bytes);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        ' ',
      );
      rmSync(dir, { recursive: true, force: true });
      expect(text).toContain('ACS 2019-2023 5-year estimates');
      expect(text).toContain('Tiers group ZIP areas whose scores are not significantly different at 90%');
      expect(text).toContain('HOA');
      expect(text).toContain('refreshed today');
    }
  });

  it('recomputes and lists ZIP scores with their components', async () => {
    await request(api.url)
      .post(`/api/v1/geographies/${geographyId}/recompute-scores?category=hvac`)
      .set(analyst.headers)
      .expect(202);
    const scores = await until(
      async () =>
        (
          await request(api.url)
            .get(`/api/v1/geographies/${geographyId}/scores?category=hvac`)
            .set(reader.headers)
        ).body as { zip_code: string; rank: number; score: number; components: unknown[] }[],
      (body) => Array.isArray(body) && body.length > 0,
    );
    // One rank per ZCTA: the PO-box ZIP 19397 shares 19087's; the ranks run 1..12 over 13 ZIPs.
    expect([...new Set(scores.map((s) => s.rank))]).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(scores).toHaveLength(ZIPS.length);
    expect(scores[0].score).toBeGreaterThanOrEqual(scores.at(-1)?.score ?? 0);
    expect(scores[0].components.length).toBeGreaterThan(0);
  });

  it('refuses unknown categories, unknown export formats and writes by the client role, in words', async () => {
    const unknown = await request(api.url)
      .post('/api/v1/reports')
      .set(analyst.headers)
      .send({ geography_id: geographyId, category: 'chimney_sweeping' })
      .expect(400);
    expect(unknown.body.message).toMatch(/Unknown category 'chimney_sweeping'.*roofing/);
    await request(api.url)
      .post('/api/v1/reports')
      .set(reader.headers)
      .send({ geography_id: geographyId, category: 'roofing' })
      .expect(403);
    const badFormat = await request(api.url)
      .get(`/api/v1/reports/${(await report('gutters')).id}/export?format=xlsx`)
      .set(reader.headers)
      .expect(400);
    expect(JSON.stringify(badFormat.body.message)).toMatch(/json, csv or pdf/);
  });

  (existsSync(CLI) ? it : it.skip)('makes the same report from the CLI into a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lbi-cli-report-')), 'moving.csv');
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: testDatabaseUrl() };
    const result = spawnSync(
      process.execPath,
      [CLI, 'report', '--geography', geographyName, '--category', 'moving', '--format', 'csv', '--out', out],
      { env, encoding: 'utf8', timeout: 90_000 },
    );
    expect(result.stderr).toMatch(/written to/);
    expect(result.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(ZIPS).toContain(rows[0].zip_code);
  });
});
