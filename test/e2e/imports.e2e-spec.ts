import { Role } from '@lbi/contracts';
import { JobQueue } from '@lbi/server';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const ZIPS = ['19002', '19003', '19010', '19034', '19087'];
const UPLOAD_LIMIT = 64 * 1024;

interface Run {
  id: string;
  status: string;
  records_upserted: number;
  rows_processed: number;
  error_message: string | null;
  details: { errors?: { row: number; column: string; reason: string }[] } & Record<string, unknown>;
}

describe('uploads and CSV imports over HTTP', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let uploadDir: string;
  let admin: Session;
  let analyst: Session;
  let clientRole: Session;
  let otherAdmin: Session;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-uploads-'));
    api = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      UPLOAD_DIR: uploadDir,
      UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT),
    });
    db = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const client = await factory.createClient(platform, uniqueName('Imports A'));
    const other = await factory.createClient(platform, uniqueName('Imports B'));
    clientId = client.id;
    otherClientId = other.id;
    admin = await factory.userSession(platform, Role.Admin, client.id);
    analyst = await factory.userSession(admin, Role.Analyst);
    clientRole = await factory.userSession(admin, Role.Client);
    otherAdmin = await factory.userSession(platform, Role.Admin, other.id);
  });
  afterAll(async () => {
    await api.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  /** A geography written as the owner (the geographies API is another feature's). */
  async function geography(owner = clientId): Promise<string> {
    const resolution = ZIPS.map((zip) => ({ zip, zcta: zip, join_type: 'zip_matches_zcta', note: '' }));
    const [{ id }] = await db.query(
      `INSERT INTO geographies (client_id, name, zip_codes, zcta_resolution) VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
      [owner, uniqueName('Suburbs'), ZIPS, JSON.stringify(resolution)],
    );
    return id;
  }

  const upload = (session: Session, content: Buffer | string, filename = 'data.csv') =>
    request(api.url)
      .post('/api/v1/uploads')
      .set(session.headers)
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), filename);

  async function uploadRef(content: Buffer | string, filename = 'data.csv'): Promise<string> {
    const response = await upload(analyst, content, filename);
    expect(response.status).toBe(201);
    return response.body.file_ref;
  }

  const startImport = (session: Session, kind: string, geographyId: string, fileRef: string) =>
    request(api.url)
      .post(`/api/v1/import/${kind}`)
      .query({ geography_id: geographyId, file_ref: fileRef })
      .set(session.headers);

  async function runOf(id: string): Promise<Run> {
    await api.app.get(JobQueue).drain(60_000);
    const response = await request(api.url).get(`/api/v1/ingestion-runs/${id}`).set(analyst.headers);
    if (response.status === 200) return response.body as Run;
    // Read the run straight from the database if the runs API is not there.
    const [row] = await db.query(
      `SELECT id, status, records_upserted, rows_processed, error_message, details FROM ingestion_runs WHERE id = $1`,
      [id],
    );
    return row as Run;
  }

  async function importAndWait(kind: string, geographyId: string, fileRef: string): Promise<Run> {
    const response = await startImport(analyst, kind, geographyId, fileRef);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ ingestion_run_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    return runOf(response.body.ingestion_run_id);
  }

  const events = (geographyId: string) =>
    db.query(
      `SELECT id, event_name, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
              zip_code, zcta, metric, source_type, metadata, source_url
       FROM demand_signals WHERE geography_id = $1 AND signal_type = 'EVENT' ORDER BY event_name, start_date`,
      [geographyId],
    );

  describe('POST /uploads', () => {
    it('stores a CSV under a random file_ref, never under the client’s name', async () => {
      const response = await upload(admin, fixture('events.csv'), '../../etc/evil name.csv').expect(201);
      expect(response.body).toEqual({
        file_ref: expect.stringMatching(/^[0-9a-f]{32}$/),
        filename: 'evil name.csv',
        size_bytes: fixture('events.csv').length,
        content_kind: 'csv',
      });
      expect(readdirSync(uploadDir)).toContain(response.body.file_ref);
      expect(readFileSync(join(uploadDir, response.body.file_ref))).toEqual(fixture('events.csv'));
      const [row] = await db.query(
        `SELECT client_id, sha256, original_filename FROM uploads WHERE file_ref = $1`,
        [response.body.file_ref],
      );
      expect(row.client_id).toBe(clientId);
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('recognises an iCalendar file by its content', async () => {
      const response = await upload(analyst, fixture('events.ics'), 'calendar.txt').expect(201);
      expect(response.body.content_kind).toBe('ics');
    });

    it('answers 413 for a file over UPLOAD_MAX_BYTES and leaves nothing on disk', async () => {
      const before = readdirSync(uploadDir).sort();
      const big = 'event_name,start_date\n' + 'Big Fair,2026-05-01\n'.repeat(UPLOAD_LIMIT / 10);
      const response = await upload(analyst, big, 'big.csv');
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({
        status_code: 413,
        message: expect.stringContaining('UPLOAD_MAX_BYTES'),
      });
      expect(response.body.message).toContain('64 KiB');
      expect(readdirSync(uploadDir).sort()).toEqual(before);
    });

    it.each([
      [
        'a PDF named .csv',
        Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      ],
      ['binary bytes named .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe])],
      ['Latin-1 text named .csv', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a])],
    ])('answers 415 for %s and leaves nothing on disk', async (_label, content) => {
      const before = readdirSync(uploadDir).sort();
      const response = await upload(analyst, content, 'events.csv');
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ status_code: 415, message: expect.stringContaining('CSV') });
      expect(readdirSync(uploadDir).sort()).toEqual(before);
    });

    it('answers 400 without a file field, and 403 to the read-only client role', async () => {
      await request(api.url).post('/api/v1/uploads').set(analyst.headers).send({}).expect(400);
      await upload(clientRole, fixture('events.csv')).expect(403);
    });
  });

  describe('POST /import/*', () => {
    it('imports events, and importing the same file again leaves the same rows', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('events.csv'));
      const first = await importAndWait('events', geo, ref);
      expect(first).toMatchObject({
        status: 'success',
        records_upserted: 5,
        rows_processed: 5,
        error_message: null,
      });
      const rows = await events(geo);
      expect(rows).toHaveLength(5);
      expect(
        rows.find((r: { event_name: string }) => r.event_name === 'Ambler Spring Home & Garden Show'),
      ).toMatchObject({
        start_date: '2026-04-11',
        end_date: '2026-04-12',
        zip_code: '19002',
        zcta: '19002',
        metric: 'event',
        source_type: 'csv_events',
        metadata: { category: 'home_show', estimated_attendance: 4200 },
        source_url: 'https://example.org/ambler-home-show',
      });
      const again = await importAndWait('events', geo, ref);
      expect(again).toMatchObject({ status: 'success', records_upserted: 5 });
      expect(await events(geo)).toEqual(rows);
    });

    it('imports channels, taking city and state from the ZIP when the file leaves them empty; re-import is stable', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('channels.csv'));
      expect(await importAndWait('channels', geo, ref)).toMatchObject({
        status: 'success',
        records_upserted: 4,
      });
      const read = () =>
        db.query(
          `SELECT id, channel_type, name, city, state, zip_code, estimated_reach, website, notes FROM channels
           WHERE geography_id = $1 ORDER BY name`,
          [geo],
        );
      const rows = await read();
      expect(rows).toHaveLength(4);
      expect(rows.find((r: { channel_type: string }) => r.channel_type === 'hoa')).toMatchObject({
        name: 'Oak Hill Estates Homeowners Association',
        city: 'Ambler',
        state: 'PA',
        zip_code: '19002',
        estimated_reach: 420,
      });
      expect(await importAndWait('channels', geo, ref)).toMatchObject({ status: 'success' });
      expect(await read()).toEqual(rows);
    });

    it('imports property rows only as aggregates per ZIP and block group, with coarsened centroids', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('property.csv'));
      const run = await importAndWait('property', geo, ref);
      expect(run).toMatchObject({ error_message: null, status: 'success', rows_processed: 14 });
      // Buckets of fewer than 10 homes are not kept, and the run says so.
      expect(run.details.suppressed_small_buckets).toMatchObject({
        min_properties: 10,
        block_groups_folded_into_zip: 2,
        zips_withheld: 2,
      });
      const read = () =>
        db.query(
          `SELECT zip_code, block_group, property_count, median_year_built, median_lot_size_sqft, property_type_mix,
                  ownership_mix, income_band_mix, centroid_lat, centroid_lon
           FROM property_aggregates WHERE geography_id = $1 ORDER BY zip_code, block_group`,
          [geo],
        );
      const aggregates = await read();
      const zip19002 = aggregates.find(
        (a: { zip_code: string; block_group: string }) => a.zip_code === '19002' && a.block_group === '',
      );
      expect(zip19002).toMatchObject({
        property_count: 11,
        median_year_built: 1960,
        median_lot_size_sqft: 9148,
        property_type_mix: { single_family: 9, townhouse: 2 },
        ownership_mix: { owner_occupied: 9, renter_occupied: 2 },
      });
      expect(
        aggregates.map((a: { zip_code: string; block_group: string }) => `${a.zip_code}/${a.block_group}`),
      ).toEqual(['19002/', '19002/420912001001']);
      expect(aggregates.every((a: { property_count: number }) => a.property_count >= 10)).toBe(true);
      // Points were coarsened to the 0.01° grid before averaging: 40.15432 -> 40.15, 40.15987 -> 40.16, ...
      expect(zip19002).toMatchObject({ centroid_lat: 40.16, centroid_lon: -75.22 });
      for (const a of aggregates) {
        for (const value of [a.centroid_lat, a.centroid_lon])
          expect(Math.abs(Math.round(value * 100) - value * 100)).toBeLessThan(1e-6);
      }
      const signals = await db.query(
        `SELECT zip_code, metric, value FROM demand_signals WHERE geography_id = $1 AND signal_type = 'PROPERTY' ORDER BY zip_code, metric`,
        [geo],
      );
      expect(signals).toContainEqual({ zip_code: '19002', metric: 'property_count', value: 11 });
      expect(signals).toContainEqual({ zip_code: '19002', metric: 'owner_occupied_share', value: 0.8182 });
      expect(signals.some((s: { zip_code: string }) => s.zip_code !== '19002')).toBe(false);
      expect(run.records_upserted).toBe(aggregates.length + signals.length);
      expect(await importAndWait('property', geo, ref)).toMatchObject({ status: 'success' });
      expect(await read()).toEqual(aggregates);
    });

    it('imports an iCalendar file as events, keeping a LOCATION only when it is a ZIP', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('events.ics'), 'calendar.ics');
      expect(await importAndWait('events', geo, ref)).toMatchObject({
        status: 'success',
        records_upserted: 2,
      });
      const rows = await events(geo);
      expect(
        rows.map(
          (r: {
            event_name: string;
            start_date: string;
            end_date: string | null;
            zip_code: string | null;
          }) => [r.event_name, r.start_date, r.end_date, r.zip_code],
        ),
      ).toEqual([
        ['Ambler Spring Home & Garden Show', '2026-04-11', '2026-04-12', '19002'],
        ['Wayne Township Farmers Market Opening Day', '2026-05-02', '2026-05-02', null],
      ]);
      const refused = await startImport(analyst, 'channels', geo, ref);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('iCalendar');
    });

    it('fails a file with a bad row at the end, naming row and column, and writes nothing', async () => {
      const geo = await geography();
      const csv =
        fixture('events.csv').toString() + 'Late Entry Craft Fair,2026-13-45,,19002,festival,100,\n';
      const run = await importAndWait('events', geo, await uploadRef(csv));
      expect(run.status).toBe('failed');
      expect(run.records_upserted).toBe(0);
      expect(run.error_message).toContain('row 7, column "start_date"');
      expect(run.error_message).not.toContain('2026-13-45');
      expect(run.details.errors).toEqual([{ row: 7, column: 'start_date', reason: expect.any(String) }]);
      expect(await events(geo)).toEqual([]);
    });

    it('fails a file with a ZIP outside the geography, saying so', async () => {
      const geo = await geography();
      const run = await importAndWait(
        'events',
        geo,
        await uploadRef('event_name,start_date,zip_code\nHarvest Fair,2026-09-12,90210\n'),
      );
      expect(run.status).toBe('failed');
      expect(run.error_message).toContain('row 2, column "zip_code"');
      expect(run.error_message).toContain("not one of this geography's ZIP codes");
    });

    it('refuses a file with a PII column at upload, naming it, and fails one with an unknown column by position', async () => {
      const geo = await geography();
      const before = readdirSync(uploadDir).sort();
      const pii = await upload(analyst, 'channel_type,name,owner_email\nhoa,Oak Hill Estates HOA,board\n');
      expect(pii.status).toBe(400);
      expect(pii.body.message).toContain('"owner_email"');
      expect(pii.body.message).toMatch(/personal data is not accepted.*nothing was kept/);
      expect(readdirSync(uploadDir).sort()).toEqual(before);
      const unknown = await importAndWait(
        'events',
        geo,
        await uploadRef('event_name,start_date,venue_size\nHarvest Fair,2026-09-12,large\n'),
      );
      expect(unknown.status).toBe('failed');
      expect(unknown.error_message).toContain('unknown column at position 3 (of 3)');
      expect(unknown.error_message).not.toContain('venue_size');
      expect(unknown.error_message).toContain(
        'required: event_name, start_date; optional: end_date, zip_code',
      );
      expect(await events(geo)).toEqual([]);
    });

    it('fails a file with PII in a free-text value, without storing or echoing it', async () => {
      const geo = await geography();
      const run = await importAndWait(
        'channels',
        geo,
        await uploadRef(
          'channel_type,name,zip_code,notes\nhoa,Oak Hill Estates HOA,19002,Call 215-555-0134 after six\n',
        ),
      );
      expect(run.status).toBe('failed');
      expect(run.error_message).toContain('row 2, column "notes"');
      expect(JSON.stringify(run)).not.toContain('555-0134');
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM channels WHERE geography_id = $1`,
        [geo],
      );
      expect(count).toBe(0);
    });

    it('validates the parameters', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('events.csv'));
      await startImport(analyst, 'events', 'not-a-uuid', ref).expect(400);
      await startImport(analyst, 'events', geo, '../../etc/passwd').expect(400);
      await startImport(analyst, 'events', geo, 'a'.repeat(32)).expect(404);
      await startImport(analyst, 'events', '00000000-0000-4000-8000-000000000000', ref).expect(404);
    });

    it('treats another tenant’s file_ref and geography as unknown (404, like missing ones)', async () => {
      const ownGeo = await geography();
      const foreignGeo = await geography(otherClientId);
      const ref = await uploadRef(fixture('events.csv'));
      const foreignRef = await startImport(otherAdmin, 'events', foreignGeo, ref);
      const missingRef = await startImport(otherAdmin, 'events', foreignGeo, 'b'.repeat(32));
      expect(foreignRef.status).toBe(404);
      expect(foreignRef.body.message.replace(ref, 'X')).toBe(
        missingRef.body.message.replace('b'.repeat(32), 'X'),
      );
      const foreignGeoAnswer = await startImport(analyst, 'events', foreignGeo, ref);
      expect(foreignGeoAnswer.status).toBe(404);
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM ingestion_runs WHERE geography_id = ANY($1::uuid[])`,
        [[ownGeo, foreignGeo]],
      );
      expect(count).toBe(0);
    });

    it('refuses the read-only client role (403)', async () => {
      const geo = await geography();
      const ref = await uploadRef(fixture('events.csv'));
      for (const kind of ['property', 'events', 'channels']) {
        const response = await startImport(clientRole, kind, geo, ref);
        expect(response.status).toBe(403);
      }
    });
  });
});
