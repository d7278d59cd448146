import { Role, type GeographyResponse, type SignalPage } from '@lbi/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

// Geographies (ZIP validation, ZCTA resolution, PATCH keeping and removing a ZIP's data) and
// GET /signals (filters, order, paging) over HTTP, with real logged-in users of two tenants.

type Api = Awaited<ReturnType<typeof startTestApi>>;
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

describe('geographies and signals over HTTP', () => {
  let api: Api;
  let dataSource: DataSource;
  let platform: Session;
  let clientA: string;
  let adminA: Session;
  let analystA: Session;
  let viewerA: Session;
  let adminB: Session;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    dataSource = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    clientA = (await factory.createClient(platform)).id;
    adminA = await factory.userSession(platform, Role.Admin, clientA);
    analystA = await factory.userSession(adminA, Role.Analyst);
    viewerA = await factory.userSession(adminA, Role.Client);
    const clientB = (await factory.createClient(platform)).id;
    adminB = await factory.userSession(platform, Role.Admin, clientB);
  });
  afterAll(() => api?.stop());

  const post = (session: Session, body: object) =>
    request(api.url).post('/api/v1/geographies').set(session.headers).send(body);

  async function createGeography(session: Session, zipCodes: string[], name = uniqueName('Geo')) {
    const response = await post(session, { name, zip_codes: zipCodes });
    if (response.status !== 201) throw new Error(`geography not created: ${JSON.stringify(response.body)}`);
    return response.body as GeographyResponse;
  }

  /** Seeds rows as the connecting (owner) user, the way a collector or an import would leave them. */
  async function seedZipData(geography: GeographyResponse, clientId: string, zip: string): Promise<void> {
    const args = [clientId, geography.id, zip];
    await dataSource.query(
      `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value, margin_of_error, vintage, dataset)
       VALUES ($1, $2, 'CENSUS', 'census', $3::varchar, $3::varchar, 'total_population', 1000, 50, '2023', 'acs/acs5'),
              ($1, $2, 'CENSUS', 'census', $3::varchar, $3::varchar, 'median_household_income', 90000, 4000, '2023', 'acs/acs5'),
              ($1, $2, 'PROPERTY', 'csv_property', $3::varchar, NULL, 'property_count', 12, NULL, NULL, NULL)`,
      args,
    );
    await dataSource.query(
      `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, zip_code, metric, event_name, start_date, end_date)
       VALUES ($1, $2, 'EVENT', 'csv_events', $3::varchar, 'event', 'Home Show ' || $3::varchar, '2026-04-11', '2026-04-12')`,
      args,
    );
    await dataSource.query(
      `INSERT INTO property_aggregates (client_id, geography_id, zip_code, property_count) VALUES ($1, $2, $3::varchar, 12)`,
      args,
    );
    await dataSource.query(
      `INSERT INTO zip_scores (client_id, geography_id, category, zip_code, score, rank, computed_at) VALUES ($1, $2, 'roofing', $3::varchar, 0.5, 1, now())`,
      args,
    );
  }

  async function zipRows(geographyId: string): Promise<Record<string, string[]>> {
    const rows: { t: string; zip: string }[] = await dataSource.query(
      `SELECT 'signals' AS t, zip_code AS zip FROM demand_signals WHERE geography_id = $1
       UNION ALL SELECT 'aggregates', zip_code FROM property_aggregates WHERE geography_id = $1
       UNION ALL SELECT 'scores', zip_code FROM zip_scores WHERE geography_id = $1`,
      [geographyId],
    );
    const out: Record<string, string[]> = { signals: [], aggregates: [], scores: [] };
    for (const row of rows) out[row.t].push(row.zip);
    for (const key of Object.keys(out)) out[key].sort();
    return out;
  }

  describe('POST /geographies', () => {
    it('validates each ZIP, resolves it to its ZCTA, drops duplicates and keeps order', async () => {
      const name = uniqueName('Main Line');
      const response = await post(analystA, {
        name: `  ${name} `,
        zip_codes: ['19034', '19016', '96939', '19034', '19002-1234'],
      }).expect(201);
      const body = response.body as GeographyResponse;
      expect(Object.keys(body).sort()).toEqual(
        ['client_id', 'created_at', 'id', 'name', 'updated_at', 'zcta_resolution', 'zip_codes'].sort(),
      );
      expect(body).toMatchObject({
        client_id: clientA,
        name,
        zip_codes: ['19034', '19016', '96939', '19002'],
      });
      expect(body.zcta_resolution).toEqual([
        {
          zip: '19034',
          zcta: '19034',
          join_type: 'zip_matches_zcta',
          po_name: 'Fort Washington',
          state: 'PA',
          zip_type: 'Zip Code Area',
          note: 'ZIP 19034 (Fort Washington, PA) has its own ZCTA, 19034.',
          // The ZCTA's internal point and land area, from the bundled Census Gazetteer.
          lat: 40.133515,
          lon: -75.209509,
          land_sq_mi: 7.122,
        },
        // A PO-box ZIP takes the ZCTA that contains it, and says so.
        {
          zip: '19016',
          zcta: '19013',
          join_type: 'spatial_join',
          po_name: 'Chester',
          state: 'PA',
          zip_type: 'Post Office or large volume customer',
          note: expect.stringMatching(/PO-box or unique .*ZCTA that contains it, 19013/),
          lat: 39.845414,
          lon: -75.374817,
          land_sq_mi: 5.646,
        },
        // A territory ZIP without ZCTA is kept and flagged.
        {
          zip: '96939',
          zcta: null,
          join_type: 'no_zcta',
          po_name: 'Ngerulmud',
          state: 'PW',
          zip_type: 'Zip Code Area',
          note: expect.stringMatching(/territory ZIP with no ZCTA: the ACS publishes no ZIP-level figures/),
          lat: null,
          lon: null,
          land_sq_mi: null,
        },
        {
          zip: '19002',
          zcta: '19002',
          join_type: 'zip_matches_zcta',
          po_name: 'Ambler',
          state: 'PA',
          zip_type: 'Zip Code Area',
          note: expect.stringMatching(/^ZIP\+4 '19002-1234' was read as ZIP 19002\. /),
          lat: 40.187753,
          lon: -75.215847,
          land_sq_mi: 20.215,
        },
      ]);
      const [row] = await dataSource.query(`SELECT zip_codes, client_id FROM geographies WHERE id = $1`, [
        body.id,
      ]);
      expect(row).toEqual({ zip_codes: ['19034', '19016', '96939', '19002'], client_id: clientA });
    });

    it('names each wrong ZIP with its position and the reason, and stores nothing', async () => {
      const name = uniqueName('Bad ZIPs');
      const response = await post(adminA, {
        name,
        zip_codes: ['19002', '1900', '19-02', '99999', 19034],
      }).expect(400);
      expect(response.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: [
          "zip_codes[1]: '1900' has 4 digits; ZIP codes have 5 (a spreadsheet may have dropped leading zeros: 01900?)",
          "zip_codes[2]: '19-02' is not a 5-digit ZIP code",
          "zip_codes[3]: '99999' is not a ZIP code in the UDS Mapper 2022 ZIP code to ZCTA crosswalk; it may be mistyped, retired or newer than 2022",
          'zip_codes[4]: number is not a ZIP code; send each ZIP as a quoted 5-digit string such as "19002" (so leading zeros survive)',
        ],
      });
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM geographies WHERE name = $1`, [
        name,
      ]);
      expect(n).toBe(0);
    });

    it.each([
      ['no name', { zip_codes: ['19002'] }, 'name must not be empty'],
      ['a blank name', { name: '   ', zip_codes: ['19002'] }, 'name must not be empty'],
      [
        'no zip_codes',
        { name: 'x' },
        'zip_codes is missing: send the ZIP codes as an array of 5-digit strings, e.g. ["19002", "19034"]',
      ],
      [
        'zip_codes as a string',
        { name: 'x', zip_codes: '19002' },
        'zip_codes must be an array of ZIP code strings, e.g. ["19002", "19034"]',
      ],
      [
        'an empty zip_codes',
        { name: 'x', zip_codes: [] },
        'zip_codes must list at least one ZIP code, e.g. ["19002"]',
      ],
      [
        '5,001 ZIPs',
        { name: 'x', zip_codes: Array.from({ length: 5001 }, () => '19002') },
        'zip_codes may hold at most 5,000 ZIP codes (got 5,001): split the area into several geographies',
      ],
      [
        'a client_id field',
        { name: 'x', zip_codes: ['19002'], client_id: MISSING_UUID },
        'property client_id should not exist',
      ],
    ])('refuses %s with the one message that says what to fix', async (_label, body, message) => {
      const response = await post(adminA, body).expect(400);
      expect(response.body.message).toContain(message);
      // Never a rule the value does not break, such as "at most 5,000 ZIP codes (got 0)" for none.
      const zipMessages = [response.body.message].flat().filter((m: string) => m.startsWith('zip_codes'));
      expect(zipMessages.length).toBeLessThanOrEqual(1);
    });

    it('answers 409 for a name the tenant already uses; another tenant may use it', async () => {
      const name = uniqueName('Twice');
      await createGeography(adminA, ['19002'], name);
      const again = await post(analystA, { name, zip_codes: ['19034'] }).expect(409);
      expect(again.body).toEqual({
        status_code: 409,
        error: 'Conflict',
        message: `A geography named "${name}" already exists in your client: choose another name`,
      });
      await post(adminB, { name, zip_codes: ['19034'] }).expect(201);
    });

    it('lets the platform admin write inside a tenant with X-Client-Id', async () => {
      const response = await request(api.url)
        .post('/api/v1/geographies')
        .set({ ...platform.headers, 'X-Client-Id': clientA })
        .send({ name: uniqueName('By platform'), zip_codes: ['19002'] })
        .expect(201);
      expect(response.body.client_id).toBe(clientA);
    });
  });

  describe('GET /geographies and /geographies/:id', () => {
    it('lists the tenant’s geographies by name, for every role, never another tenant’s', async () => {
      const mine = await createGeography(analystA, ['19002'], uniqueName('AAA listed'));
      const theirs = await createGeography(adminB, ['19002']);
      const response = await request(api.url).get('/api/v1/geographies').set(viewerA.headers).expect(200);
      const list = response.body as GeographyResponse[];
      const ids = list.map((g) => g.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      expect(list.every((g) => g.client_id === clientA)).toBe(true);
      const names = list.map((g) => g.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('answers one geography, and 404 word for word for a missing or foreign one', async () => {
      const mine = await createGeography(adminA, ['19002', '19016']);
      const theirs = await createGeography(adminB, ['19002']);
      const got = await request(api.url)
        .get(`/api/v1/geographies/${mine.id}`)
        .set(viewerA.headers)
        .expect(200);
      expect(got.body).toEqual(mine);
      const foreign = await request(api.url)
        .get(`/api/v1/geographies/${theirs.id}`)
        .set(adminA.headers)
        .expect(404);
      const missing = await request(api.url)
        .get(`/api/v1/geographies/${MISSING_UUID}`)
        .set(adminA.headers)
        .expect(404);
      expect(missing.body).toEqual({
        status_code: 404,
        error: 'Not Found',
        message: `No geography with id ${MISSING_UUID}`,
      });
      expect(JSON.stringify(foreign.body).replace(theirs.id, MISSING_UUID)).toBe(
        JSON.stringify(missing.body),
      );
      await request(api.url).get('/api/v1/geographies/not-a-uuid').set(adminA.headers).expect(400);
    });
  });

  describe('PATCH /geographies/:id', () => {
    it('keeps the data of ZIPs that stay and deletes that of removed ZIPs, in one go', async () => {
      const geography = await createGeography(analystA, ['19002', '19034', '19038']);
      for (const zip of geography.zip_codes) await seedZipData(geography, clientA, zip);
      const keptIds: { id: string }[] = await dataSource.query(
        `SELECT id FROM demand_signals WHERE geography_id = $1 AND zip_code IN ('19002', '19038') ORDER BY id`,
        [geography.id],
      );

      const response = await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(analystA.headers)
        .send({ zip_codes: ['19038', '19002', '19016'] })
        .expect(200);
      expect(response.body).toMatchObject({
        id: geography.id,
        name: geography.name,
        zip_codes: ['19038', '19002', '19016'],
      });
      expect(
        response.body.zcta_resolution.map((r: { zip: string; zcta: string }) => [r.zip, r.zcta]),
      ).toEqual([
        ['19038', '19038'],
        ['19002', '19002'],
        ['19016', '19013'],
      ]);
      expect(await zipRows(geography.id)).toEqual({
        signals: ['19002', '19002', '19002', '19002', '19038', '19038', '19038', '19038'],
        aggregates: ['19002', '19038'],
        scores: ['19002', '19038'],
      });
      // The signals of the ZIPs that stayed are the same rows, not re-created ones.
      const after: { id: string }[] = await dataSource.query(
        `SELECT id FROM demand_signals WHERE geography_id = $1 ORDER BY id`,
        [geography.id],
      );
      expect(after).toEqual(keptIds);
    });

    it('renames without touching any signal, and refuses a name the tenant uses', async () => {
      const other = await createGeography(adminA, ['19002']);
      const geography = await createGeography(adminA, ['19002']);
      await seedZipData(geography, clientA, '19002');
      const newName = uniqueName('Renamed');
      const renamed = await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(adminA.headers)
        .send({ name: newName })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: newName, zip_codes: ['19002'] });
      expect((await zipRows(geography.id)).signals).toHaveLength(4);

      const clash = await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(adminA.headers)
        .send({ name: other.name, zip_codes: ['19034'] })
        .expect(409);
      expect(clash.body.message).toBe(
        `A geography named "${other.name}" already exists in your client: choose another name`,
      );
      // Nothing of the refused PATCH happened: same ZIPs, same signals.
      const [row] = await dataSource.query(`SELECT name, zip_codes FROM geographies WHERE id = $1`, [
        geography.id,
      ]);
      expect(row).toEqual({ name: newName, zip_codes: ['19002'] });
      expect((await zipRows(geography.id)).signals).toHaveLength(4);
      // Its own name again is no clash.
      await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(adminA.headers)
        .send({ name: newName })
        .expect(200);
    });

    it('refuses an empty change, bad ZIPs (keeping the data) and a foreign geography', async () => {
      const geography = await createGeography(adminA, ['19002']);
      await seedZipData(geography, clientA, '19002');
      const empty = await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(adminA.headers)
        .send({})
        .expect(400);
      expect(empty.body.message).toBe('Send name and/or zip_codes to change');
      const bad = await request(api.url)
        .patch(`/api/v1/geographies/${geography.id}`)
        .set(adminA.headers)
        .send({ zip_codes: ['19034', '123456'] })
        .expect(400);
      expect(bad.body.message).toEqual(["zip_codes[1]: '123456' is not a 5-digit ZIP code"]);
      expect((await zipRows(geography.id)).signals).toHaveLength(4);

      const theirs = await createGeography(adminB, ['19002']);
      await request(api.url)
        .patch(`/api/v1/geographies/${theirs.id}`)
        .set(adminA.headers)
        .send({ name: 'taken over' })
        .expect(404);
      const [row] = await dataSource.query(`SELECT name FROM geographies WHERE id = $1`, [theirs.id]);
      expect(row.name).toBe(theirs.name);
    });
  });

  describe('DELETE /geographies/:id', () => {
    it('deletes the geography and, by cascade, its signals and channels; 404 afterwards and for foreign ones', async () => {
      const geography = await createGeography(analystA, ['19002']);
      await seedZipData(geography, clientA, '19002');
      await request(api.url)
        .post('/api/v1/channels')
        .set(analystA.headers)
        .send({ geography_id: geography.id, channel_type: 'hoa', name: 'Oak Hill HOA', zip_code: '19002' })
        .expect(201);
      const theirs = await createGeography(adminB, ['19002']);
      await request(api.url).delete(`/api/v1/geographies/${theirs.id}`).set(adminA.headers).expect(404);

      const deleted = await request(api.url)
        .delete(`/api/v1/geographies/${geography.id}`)
        .set(analystA.headers)
        .expect(204);
      expect(deleted.text).toBe('');
      await request(api.url).get(`/api/v1/geographies/${geography.id}`).set(analystA.headers).expect(404);
      await request(api.url).delete(`/api/v1/geographies/${geography.id}`).set(analystA.headers).expect(404);
      expect(await zipRows(geography.id)).toEqual({ signals: [], aggregates: [], scores: [] });
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM channels WHERE geography_id = $1`,
        [geography.id],
      );
      expect(n).toBe(0);
      const [{ m }] = await dataSource.query(`SELECT count(*)::int AS m FROM geographies WHERE id = $1`, [
        theirs.id,
      ]);
      expect(m).toBe(1);
    });
  });

  it('refuses every write to the read-only client role and lets it read', async () => {
    const geography = await createGeography(adminA, ['19002']);
    const writes = [
      request(api.url)
        .post('/api/v1/geographies')
        .set(viewerA.headers)
        .send({ name: 'x', zip_codes: ['19002'] }),
      request(api.url).patch(`/api/v1/geographies/${geography.id}`).set(viewerA.headers).send({ name: 'x' }),
      request(api.url).delete(`/api/v1/geographies/${geography.id}`).set(viewerA.headers),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status_code: 403, error: 'Forbidden' });
    }
    await request(api.url).get(`/api/v1/geographies/${geography.id}`).set(viewerA.headers).expect(200);
    await request(api.url)
      .get(`/api/v1/signals?geography_id=${geography.id}`)
      .set(viewerA.headers)
      .expect(200);
  });

  describe('GET /signals', () => {
    let geography: GeographyResponse;
    const signals = (query: string, session: Session = viewerA) =>
      request(api.url).get(`/api/v1/signals?${query}`).set(session.headers);

    beforeAll(async () => {
      geography = await createGeography(adminA, ['19034', '19002', '19038']);
      for (const zip of ['19038', '19002', '19034']) await seedZipData(geography, clientA, zip);
      await dataSource.query(
        `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value, margin_of_error, vintage, dataset, metadata, source_url)
         VALUES ($1, $2, 'CENSUS', 'census', '19002', '19002', 'median_year_built', NULL, NULL, '2023', 'acs/acs5', '{"annotation": "-666666666"}', 'https://api.census.gov/data/2023/acs/acs5?get=B25035_001E')`,
        [clientA, geography.id],
      );
    });

    it('requires geography_id', async () => {
      const response = await signals('signal_type=CENSUS').expect(400);
      expect(response.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: ['geography_id is required: the UUID of the geography whose signals to list'],
      });
    });

    it('lists every signal of the geography in snake_case, ordered by zip_code then metric, with the total', async () => {
      const response = await signals(`geography_id=${geography.id}`).expect(200);
      const page = response.body as SignalPage;
      expect(page.total).toBe(13);
      expect(page).toMatchObject({ limit: 500, offset: 0 });
      expect(page.items).toHaveLength(13);
      const keys = page.items.map((s) => `${s.zip_code}/${s.metric}`);
      expect(keys.slice(0, 5)).toEqual([
        '19002/event',
        '19002/median_household_income',
        '19002/median_year_built',
        '19002/property_count',
        '19002/total_population',
      ]);
      expect(keys.slice(5).map((k) => k.slice(0, 5))).toEqual([
        ...Array(4).fill('19034'),
        ...Array(4).fill('19038'),
      ]);
      const noEstimate = page.items.find((s) => s.metric === 'median_year_built');
      expect(noEstimate).toEqual({
        id: expect.any(String),
        geography_id: geography.id,
        zip_code: '19002',
        zcta: '19002',
        signal_type: 'CENSUS',
        source_type: 'census',
        metric: 'median_year_built',
        value: null,
        margin_of_error: null,
        vintage: '2023',
        dataset: 'acs/acs5',
        event_name: null,
        start_date: null,
        end_date: null,
        metadata: { annotation: '-666666666' },
        source_url: 'https://api.census.gov/data/2023/acs/acs5?get=B25035_001E',
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      const event = page.items.find((s) => s.signal_type === 'EVENT' && s.zip_code === '19034');
      expect(event).toMatchObject({
        event_name: 'Home Show 19034',
        start_date: '2026-04-11',
        end_date: '2026-04-12',
      });
      const census = page.items.find((s) => s.metric === 'total_population');
      expect(census).toMatchObject({ value: 1000, margin_of_error: 50 });
    });

    it('filters by signal_type (any case), zip_code and metric', async () => {
      const census = (await signals(`geography_id=${geography.id}&signal_type=census`).expect(200))
        .body as SignalPage;
      expect(census.total).toBe(7);
      expect(new Set(census.items.map((s) => s.signal_type))).toEqual(new Set(['CENSUS']));
      const events = (await signals(`geography_id=${geography.id}&signal_type=EVENT`).expect(200))
        .body as SignalPage;
      expect(events.items.map((s) => s.zip_code)).toEqual(['19002', '19034', '19038']);
      const property = (
        await signals(`geography_id=${geography.id}&signal_type=PROPERTY&zip_code=19034`).expect(200)
      ).body as SignalPage;
      expect(property.items.map((s) => [s.zip_code, s.metric, s.value])).toEqual([
        ['19034', 'property_count', 12],
      ]);
      const metric = (await signals(`geography_id=${geography.id}&metric=total_population`).expect(200))
        .body as SignalPage;
      expect(metric.items.map((s) => s.zip_code)).toEqual(['19002', '19034', '19038']);
    });

    it('pages with limit and offset, keeping the total', async () => {
      const all = ((await signals(`geography_id=${geography.id}`).expect(200)).body as SignalPage).items.map(
        (s) => s.id,
      );
      const first = (await signals(`geography_id=${geography.id}&limit=5`).expect(200)).body as SignalPage;
      const second = (await signals(`geography_id=${geography.id}&limit=5&offset=5`).expect(200))
        .body as SignalPage;
      const last = (await signals(`geography_id=${geography.id}&limit=5&offset=10`).expect(200))
        .body as SignalPage;
      expect([first.total, second.total, last.total]).toEqual([13, 13, 13]);
      expect(second).toMatchObject({ limit: 5, offset: 5 });
      expect([...first.items, ...second.items, ...last.items].map((s) => s.id)).toEqual(all);
      expect(last.items).toHaveLength(3);
    });

    it.each([
      ['signal_type=CENSUSES', 'signal_type must be one of: CENSUS, EVENT, PROPERTY'],
      ['limit=1001', 'limit must be at most 1000'],
      ['limit=0', 'limit must be at least 1'],
      ['limit=ten', 'limit must be a whole number'],
      ['offset=-1', 'offset must not be negative'],
      ['zip_code=1900', 'zip_code must be a 5-digit ZIP code such as 19002'],
    ])('refuses %s', async (query, message) => {
      const response = await signals(`geography_id=${geography.id}&${query}`).expect(400);
      expect(response.body.message).toContain(message);
    });

    it('answers 404 for another tenant’s geography, exactly as for a missing one', async () => {
      const foreign = await signals(`geography_id=${geography.id}`, adminB).expect(404);
      const missing = await signals(`geography_id=${MISSING_UUID}`, adminB).expect(404);
      expect(JSON.stringify(foreign.body).replace(geography.id, MISSING_UUID)).toBe(
        JSON.stringify(missing.body),
      );
    });
  });
});
