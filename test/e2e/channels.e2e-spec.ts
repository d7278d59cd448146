import { CHANNEL_TYPES, Role, type ChannelResponse, type GeographyResponse } from '@lbi/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

// Channels CRUD over HTTP: validation, city/state from the ZIP, the ZIP inside the geography, 409 on
// the natural key, filters, tenant isolation, read-only client role, and no personal contact field.

type Api = Awaited<ReturnType<typeof startTestApi>>;
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

describe('channels over HTTP', () => {
  let api: Api;
  let dataSource: DataSource;
  let adminA: Session;
  let analystA: Session;
  let viewerA: Session;
  let adminB: Session;
  let geography: GeographyResponse;
  let otherGeography: GeographyResponse;
  let foreignGeography: GeographyResponse;

  async function createGeography(session: Session, zipCodes: string[]): Promise<GeographyResponse> {
    const response = await request(api.url)
      .post('/api/v1/geographies')
      .set(session.headers)
      .send({ name: uniqueName('Channels geo'), zip_codes: zipCodes });
    if (response.status !== 201) throw new Error(`geography not created: ${JSON.stringify(response.body)}`);
    return response.body as GeographyResponse;
  }

  const post = (session: Session, body: object) =>
    request(api.url).post('/api/v1/channels').set(session.headers).send(body);

  async function createChannel(body: object, session: Session = analystA): Promise<ChannelResponse> {
    const response = await post(session, { geography_id: geography.id, channel_type: 'hoa', ...body });
    if (response.status !== 201) throw new Error(`channel not created: ${JSON.stringify(response.body)}`);
    return response.body as ChannelResponse;
  }

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    dataSource = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const clientA = (await factory.createClient(platform)).id;
    adminA = await factory.userSession(platform, Role.Admin, clientA);
    analystA = await factory.userSession(adminA, Role.Analyst);
    viewerA = await factory.userSession(adminA, Role.Client);
    adminB = await factory.userSession(platform, Role.Admin, (await factory.createClient(platform)).id);
    geography = await createGeography(adminA, ['19002', '19034', '19016']);
    otherGeography = await createGeography(adminA, ['19422', '19002']);
    foreignGeography = await createGeography(adminB, ['19002']);
  });
  afterAll(() => api?.stop());

  describe('POST /channels', () => {
    it('creates a channel, taking city and state from its ZIP', async () => {
      const response = await post(analystA, {
        geography_id: geography.id,
        channel_type: 'HOA',
        name: '  Oak Hill Homeowners Association ',
        zip_code: '19002',
        estimated_reach: 340,
        website: 'https://oakhill.example.org',
        notes: 'Monthly newsletter, spring fair',
        source_url: 'http://township.example.gov/hoas',
      }).expect(201);
      const body = response.body as ChannelResponse;
      expect(body).toEqual({
        id: expect.any(String),
        client_id: geography.client_id,
        geography_id: geography.id,
        channel_type: 'hoa',
        name: 'Oak Hill Homeowners Association',
        city: 'Ambler',
        state: 'PA',
        zip_code: '19002',
        estimated_reach: 340,
        website: 'https://oakhill.example.org',
        notes: 'Monthly newsletter, spring fair',
        source_url: 'http://township.example.gov/hoas',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const [row] = await dataSource.query(`SELECT city, state, client_id FROM channels WHERE id = $1`, [
        body.id,
      ]);
      expect(row).toEqual({ city: 'Ambler', state: 'PA', client_id: geography.client_id });
    });

    it('takes the post-office town of a PO-box ZIP, and keeps a city or state the caller sends', async () => {
      const poBox = await createChannel({
        name: uniqueName('Chester Chamber'),
        channel_type: 'chamber_of_commerce',
        zip_code: '19016',
      });
      expect(poBox).toMatchObject({ city: 'Chester', state: 'PA', zip_code: '19016' });
      const given = await createChannel({
        name: uniqueName('Gwynedd Library'),
        channel_type: 'library',
        zip_code: '19002',
        city: 'Lower Gwynedd',
        state: 'pa',
      });
      expect(given).toMatchObject({ city: 'Lower Gwynedd', state: 'PA' });
      const noZip = await createChannel({
        name: uniqueName('County Home Show'),
        channel_type: 'home_show',
        city: 'Oaks',
        state: 'PA',
      });
      expect(noZip).toMatchObject({
        city: 'Oaks',
        state: 'PA',
        zip_code: null,
        estimated_reach: null,
        website: null,
      });
    });

    it('requires city and state without a zip_code', async () => {
      const response = await post(analystA, {
        geography_id: geography.id,
        channel_type: 'library',
        name: 'Town Library',
        city: 'Ambler',
      }).expect(400);
      expect(response.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message:
          'city and state are required when zip_code is not given (with a zip_code they are taken from the ZIP)',
      });
    });

    it('refuses a ZIP that is not one of the geography’s', async () => {
      const response = await post(analystA, {
        geography_id: geography.id,
        channel_type: 'library',
        name: 'Blue Bell Library',
        zip_code: '19422',
      }).expect(400);
      expect(response.body.message).toBe(
        `zip_code 19422 is not one of the ZIP codes of geography "${geography.name}" (19002, 19034, 19016): add it to the geography first, or leave zip_code out`,
      );
    });

    it.each([
      [
        'channel_type',
        { channel_type: 'person' },
        `channel_type must be one of: ${CHANNEL_TYPES.join(', ')}`,
      ],
      [
        'website',
        { website: 'ftp://files.example.org' },
        'website must be an http(s) URL such as https://example.org',
      ],
      ['website', { website: 'oakhill' }, 'website must be an http(s) URL such as https://example.org'],
      [
        'source_url',
        { source_url: 'javascript:alert(1)' },
        'source_url must be an http(s) URL such as https://example.org/list',
      ],
      ['estimated_reach', { estimated_reach: -1 }, 'estimated_reach must not be negative'],
      ['estimated_reach', { estimated_reach: 12.5 }, 'estimated_reach must be a whole number'],
      ['estimated_reach', { estimated_reach: '300' }, 'estimated_reach must be a whole number'],
      ['zip_code', { zip_code: '1900' }, 'zip_code must be a 5-digit ZIP code such as 19002'],
      ['state', { state: 'Penn', city: 'Ambler' }, 'state must be a 2-letter USPS state code such as PA'],
      ['name', { name: '' }, 'name must not be empty'],
      ['geography_id', { geography_id: 'nope' }, 'geography_id must be the UUID of one of your geographies'],
    ])('refuses a bad %s: %j', async (_field, override, message) => {
      const response = await post(analystA, {
        geography_id: geography.id,
        channel_type: 'hoa',
        name: 'Validation HOA',
        zip_code: '19002',
        ...override,
      }).expect(400);
      expect(response.body.message).toContain(message);
    });

    it.each([
      ['contact_name', { contact_name: 'Quimby Examplewoman' }],
      ['email', { email: 'board@oakhill.example.org' }],
      ['phone', { phone: '215-555-0142' }],
    ])('refuses a personal contact field (%s) and stores nothing', async (field, extra) => {
      const name = uniqueName('Contact HOA');
      const response = await post(analystA, {
        geography_id: geography.id,
        channel_type: 'hoa',
        name,
        zip_code: '19002',
        ...extra,
      }).expect(400);
      expect(response.body).toMatchObject({ status_code: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body.message)).toContain(field);
      // The value never comes back.
      expect(JSON.stringify(response.body)).not.toContain(Object.values(extra)[0]);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM channels WHERE name = $1`, [
        name,
      ]);
      expect(n).toBe(0);
    });

    it('answers 409 for the same type and name in a geography; other types and geographies are fine', async () => {
      const name = uniqueName('Main Street Business Association');
      await createChannel({ name, channel_type: 'business_association', zip_code: '19034' });
      const again = await post(adminA, {
        geography_id: geography.id,
        channel_type: 'business_association',
        name,
        city: 'Ambler',
        state: 'PA',
      }).expect(409);
      expect(again.body).toEqual({
        status_code: 409,
        error: 'Conflict',
        message: `A business_association channel named "${name}" already exists in geography "${geography.name}": change that one (PATCH /channels/:id) or choose another name`,
      });
      await createChannel({ name, channel_type: 'newsletter', zip_code: '19034' });
      await post(adminA, {
        geography_id: otherGeography.id,
        channel_type: 'business_association',
        name,
        zip_code: '19422',
      }).expect(201);
    });

    it('answers 404 for another tenant’s geography, word for word as for a missing one', async () => {
      const body = { channel_type: 'hoa', name: 'Foreign HOA', city: 'Ambler', state: 'PA' };
      const foreign = await post(adminA, { ...body, geography_id: foreignGeography.id }).expect(404);
      const missing = await post(adminA, { ...body, geography_id: MISSING_UUID }).expect(404);
      expect(missing.body).toEqual({
        status_code: 404,
        error: 'Not Found',
        message: `No geography with id ${MISSING_UUID}`,
      });
      expect(JSON.stringify(foreign.body).replace(foreignGeography.id, MISSING_UUID)).toBe(
        JSON.stringify(missing.body),
      );
    });
  });

  describe('GET /channels', () => {
    let hoa: ChannelResponse;
    let school: ChannelResponse;
    let elsewhere: ChannelResponse;
    let foreign: ChannelResponse;

    beforeAll(async () => {
      hoa = await createChannel({ name: uniqueName('Filter HOA'), zip_code: '19002' });
      school = await createChannel({
        name: uniqueName('Filter School District'),
        channel_type: 'school_district',
        zip_code: '19034',
      });
      elsewhere = (
        await post(adminA, {
          geography_id: otherGeography.id,
          channel_type: 'hoa',
          name: uniqueName('Other HOA'),
          zip_code: '19422',
        }).expect(201)
      ).body as ChannelResponse;
      foreign = (
        await post(adminB, {
          geography_id: foreignGeography.id,
          channel_type: 'hoa',
          name: uniqueName('B HOA'),
          zip_code: '19002',
        }).expect(201)
      ).body as ChannelResponse;
    });

    const list = async (query: string, session: Session = viewerA) =>
      (
        (await request(api.url).get(`/api/v1/channels${query}`).set(session.headers).expect(200))
          .body as ChannelResponse[]
      ).map((c) => c.id);

    it('lists the tenant’s channels for every role, never another tenant’s', async () => {
      const ids = await list('');
      expect(ids).toEqual(expect.arrayContaining([hoa.id, school.id, elsewhere.id]));
      expect(ids).not.toContain(foreign.id);
    });

    it('filters by geography and by type', async () => {
      const inGeography = await list(`?geography_id=${geography.id}`);
      expect(inGeography).toEqual(expect.arrayContaining([hoa.id, school.id]));
      expect(inGeography).not.toContain(elsewhere.id);
      const hoas = await list('?channel_type=hoa');
      expect(hoas).toEqual(expect.arrayContaining([hoa.id, elsewhere.id]));
      expect(hoas).not.toContain(school.id);
      expect(await list(`?geography_id=${otherGeography.id}&channel_type=school_district`)).toEqual([]);
      const both = await list(`?geography_id=${geography.id}&channel_type=school_district`);
      expect(both).toContain(school.id);
      expect(both).not.toContain(hoa.id);
    });

    it('refuses a bad filter and answers 404 for another tenant’s geography', async () => {
      const bad = await request(api.url)
        .get('/api/v1/channels?channel_type=people')
        .set(viewerA.headers)
        .expect(400);
      expect(bad.body.message).toEqual([`channel_type must be one of: ${CHANNEL_TYPES.join(', ')}`]);
      await request(api.url)
        .get(`/api/v1/channels?geography_id=${foreignGeography.id}`)
        .set(viewerA.headers)
        .expect(404);
    });

    it('answers one channel, and 404 for another tenant’s exactly as for a missing one', async () => {
      const got = await request(api.url).get(`/api/v1/channels/${hoa.id}`).set(viewerA.headers).expect(200);
      expect(got.body).toEqual(hoa);
      const foreignAnswer = await request(api.url)
        .get(`/api/v1/channels/${foreign.id}`)
        .set(adminA.headers)
        .expect(404);
      const missing = await request(api.url)
        .get(`/api/v1/channels/${MISSING_UUID}`)
        .set(adminA.headers)
        .expect(404);
      expect(missing.body.message).toBe(`No channel with id ${MISSING_UUID}`);
      expect(JSON.stringify(foreignAnswer.body).replace(foreign.id, MISSING_UUID)).toBe(
        JSON.stringify(missing.body),
      );
    });
  });

  describe('PATCH and DELETE /channels/:id', () => {
    it('changes fields; a new ZIP brings its city and state; null clears optional fields', async () => {
      const channel = await createChannel({
        name: uniqueName('Patch HOA'),
        zip_code: '19002',
        estimated_reach: 10,
        website: 'https://a.example.org',
      });
      const moved = await request(api.url)
        .patch(`/api/v1/channels/${channel.id}`)
        .set(analystA.headers)
        .send({ zip_code: '19034', estimated_reach: null, website: null, notes: 'Meets quarterly' })
        .expect(200);
      expect(moved.body).toMatchObject({
        id: channel.id,
        zip_code: '19034',
        city: 'Fort Washington',
        state: 'PA',
        estimated_reach: null,
        website: null,
        notes: 'Meets quarterly',
        name: channel.name,
      });
      const renamed = await request(api.url)
        .patch(`/api/v1/channels/${channel.id}`)
        .set(analystA.headers)
        .send({ name: `${channel.name} II`, city: 'Upper Dublin' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        name: `${channel.name} II`,
        city: 'Upper Dublin',
        zip_code: '19034',
      });
      const [row] = await dataSource.query(
        `SELECT name, city, zip_code, website FROM channels WHERE id = $1`,
        [channel.id],
      );
      expect(row).toEqual({
        name: `${channel.name} II`,
        city: 'Upper Dublin',
        zip_code: '19034',
        website: null,
      });
    });

    it('moves a channel to another geography only when its ZIP belongs there', async () => {
      const channel = await createChannel({ name: uniqueName('Moving HOA'), zip_code: '19034' });
      const refused = await request(api.url)
        .patch(`/api/v1/channels/${channel.id}`)
        .set(analystA.headers)
        .send({ geography_id: otherGeography.id })
        .expect(400);
      expect(refused.body.message).toMatch(/^zip_code 19034 is not one of the ZIP codes of geography/);
      const moved = await request(api.url)
        .patch(`/api/v1/channels/${channel.id}`)
        .set(analystA.headers)
        .send({ geography_id: otherGeography.id, zip_code: '19422' })
        .expect(200);
      expect(moved.body).toMatchObject({
        geography_id: otherGeography.id,
        zip_code: '19422',
        city: 'Blue Bell',
      });
      await request(api.url)
        .patch(`/api/v1/channels/${channel.id}`)
        .set(analystA.headers)
        .send({ geography_id: foreignGeography.id, zip_code: null })
        .expect(404);
    });

    it('refuses an empty change, a clash with another channel, null for a required field, and contact fields', async () => {
      const first = await createChannel({ name: uniqueName('Clash A'), zip_code: '19002' });
      const second = await createChannel({ name: uniqueName('Clash B'), zip_code: '19002' });
      const empty = await request(api.url)
        .patch(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .send({})
        .expect(400);
      expect(empty.body.message).toBe('Send at least one field to change');
      const clash = await request(api.url)
        .patch(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .send({ name: first.name })
        .expect(409);
      expect(clash.body.message).toContain(`A hoa channel named "${first.name}" already exists`);
      const nullName = await request(api.url)
        .patch(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .send({ name: null })
        .expect(400);
      expect(nullName.body.message).toContain('name must be a string');
      await request(api.url)
        .patch(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .send({ contact_name: 'Quimby Examplewoman' })
        .expect(400);
      await request(api.url)
        .patch(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .send({ email: 'board@example.org' })
        .expect(400);
      const got = await request(api.url)
        .get(`/api/v1/channels/${second.id}`)
        .set(analystA.headers)
        .expect(200);
      expect(got.body).toEqual(second);
    });

    it('deletes a channel (204), then 404; another tenant’s is 404 and stays', async () => {
      const channel = await createChannel({ name: uniqueName('Delete HOA'), zip_code: '19002' });
      const foreign = (
        await post(adminB, {
          geography_id: foreignGeography.id,
          channel_type: 'library',
          name: uniqueName('B Library'),
          zip_code: '19002',
        }).expect(201)
      ).body as ChannelResponse;
      await request(api.url).delete(`/api/v1/channels/${foreign.id}`).set(adminA.headers).expect(404);
      await request(api.url).delete(`/api/v1/channels/${channel.id}`).set(adminA.headers).expect(204);
      await request(api.url).get(`/api/v1/channels/${channel.id}`).set(adminA.headers).expect(404);
      await request(api.url).delete(`/api/v1/channels/${channel.id}`).set(adminA.headers).expect(404);
      await request(api.url).get(`/api/v1/channels/${foreign.id}`).set(adminB.headers).expect(200);
    });
  });

  it('refuses every write to the read-only client role', async () => {
    const channel = await createChannel({ name: uniqueName('Read-only HOA'), zip_code: '19002' });
    const responses = await Promise.all([
      post(viewerA, {
        geography_id: geography.id,
        channel_type: 'hoa',
        name: 'Viewer HOA',
        zip_code: '19002',
      }),
      request(api.url).patch(`/api/v1/channels/${channel.id}`).set(viewerA.headers).send({ notes: 'x' }),
      request(api.url).delete(`/api/v1/channels/${channel.id}`).set(viewerA.headers),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status_code: 403, error: 'Forbidden' });
    }
    await request(api.url).get(`/api/v1/channels/${channel.id}`).set(viewerA.headers).expect(200);
  });
});
