import { Role, type GeographyResponse, type TradeAreaPreviewResponse } from '@lbi/contracts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

// Rings and county sets over HTTP: the preview (nothing saved), creation with every ZIP rule, widening
// a ring later, and the 400s that name the field to fix.

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('trade areas over HTTP', () => {
  let api: Api;
  let admin: Session;
  let viewer: Session;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const client = await factory.createClient(platform);
    admin = await factory.userSession(platform, Role.Admin, client.id);
    viewer = await factory.userSession(admin, Role.Client);
  });
  afterAll(() => api?.stop());

  const preview = (session: Session, query: string) =>
    request(api.url).get(`/api/v1/trade-areas/preview?${query}`).set(session.headers);
  const create = (body: object) => request(api.url).post('/api/v1/geographies').set(admin.headers).send(body);

  it('previews a ring for any role: ZIPs nearest first with distances, and saves nothing', async () => {
    const before = (await request(api.url).get('/api/v1/geographies').set(admin.headers).expect(200)).body
      .length;
    const response = await preview(viewer, 'zip_code=19087&radius_miles=5').expect(200);
    const body = response.body as TradeAreaPreviewResponse;
    expect(body.trade_area).toMatchObject({
      kind: 'ring',
      zip_code: '19087',
      zcta: '19087',
      radius_miles: 5,
    });
    expect(body.zip_codes[0]).toBe('19087');
    expect(body.zctas[0]).toMatchObject({ zcta: '19087', zip_code: '19087', distance_miles: 0 });
    const distances = body.zctas.map((z) => z.distance_miles as number);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(5);
    expect(body.zctas[1]).toEqual({
      zcta: expect.any(String),
      zip_code: expect.any(String),
      lat: expect.any(Number),
      lon: expect.any(Number),
      land_sq_mi: expect.any(Number),
      distance_miles: expect.any(Number),
    });
    const after = (await request(api.url).get('/api/v1/geographies').set(admin.headers).expect(200)).body
      .length;
    expect(after).toBe(before);
  });

  it('previews a county set with each ZCTA’s main county and land share', async () => {
    const body = (await preview(admin, 'counties=42091,42017').expect(200)).body as TradeAreaPreviewResponse;
    expect(body.trade_area).toEqual({ kind: 'counties', counties: ['42017', '42091'] });
    expect(body.zip_codes).toEqual(expect.arrayContaining(['19002', '18901', '19446']));
    for (const zcta of body.zctas) {
      expect(
        ['42017', '42091'].includes(zcta.main_county as string) || (zcta.land_share as number) >= 0.5,
      ).toBe(true);
    }
  });

  it.each([
    ['zip_code=19087&radius_miles=0', ['radius_miles must be a number of miles from 1 to 100']],
    ['zip_code=19087&radius_miles=250', ['radius_miles must be a number of miles from 1 to 100']],
    ['zip_code=19087', ['radius_miles must be a number of miles from 1 to 100']],
    [
      'zip_code=00001&radius_miles=5',
      ["zip_code: '00001' is not a ZIP code in the UDS Mapper 2022 ZIP code to ZCTA crosswalk"],
    ],
    [
      'counties=42091,99999',
      ["counties[1]: '99999' is not a county FIPS code of the Census ZCTA-county relationship file"],
    ],
    [
      'counties=4209',
      ['counties[0] must be a 5-digit county FIPS code (state + county, e.g. "42091"), as a quoted string'],
    ],
  ])('refuses a bad preview (%s) with a 400 naming the field', async (query, message) => {
    const response = await preview(admin, query).expect(400);
    expect(response.body).toMatchObject({ status_code: 400, error: 'Bad Request', message });
  });

  it('refuses a preview that is both or neither', async () => {
    for (const query of ['', 'zip_code=19087&radius_miles=5&counties=42091']) {
      const response = await preview(admin, query).expect(400);
      expect(response.body.message).toContain('Ask for a ring (zip_code and radius_miles) or for counties');
    }
  });

  it('creates a ring geography that keeps its centre and radius, with a distance per ZIP', async () => {
    const response = await create({
      name: uniqueName('Around Wayne'),
      around: { zip_code: '19087', radius_miles: 3 },
    }).expect(201);
    const ring = response.body as GeographyResponse;
    expect(ring.trade_area).toMatchObject({ kind: 'ring', zip_code: '19087', radius_miles: 3 });
    expect(ring.zip_codes[0]).toBe('19087');
    expect(
      ring.zcta_resolution.every((r) => typeof r.distance_miles === 'number' && r.distance_miles <= 3),
    ).toBe(true);
    expect(ring.zcta_resolution.every((r) => r.join_type === 'zip_matches_zcta')).toBe(true);
    // The preview said the same.
    const same = (await preview(admin, 'zip_code=19087&radius_miles=3').expect(200))
      .body as TradeAreaPreviewResponse;
    expect(ring.zip_codes).toEqual(same.zip_codes);

    // Widened later: the centre stays, more ZIPs come in, the ZIPs that stay keep theirs.
    const widened = await request(api.url)
      .patch(`/api/v1/geographies/${ring.id}`)
      .set(admin.headers)
      .send({ around: { radius_miles: 8 } })
      .expect(200);
    const wide = widened.body as GeographyResponse;
    expect(wide.trade_area).toMatchObject({ kind: 'ring', zip_code: '19087', radius_miles: 8 });
    expect(wide.zip_codes.length).toBeGreaterThan(ring.zip_codes.length);
    expect(wide.zip_codes).toEqual(expect.arrayContaining(ring.zip_codes));

    // Replacing the ZIPs by hand makes it a plain ZIP list.
    const edited = await request(api.url)
      .patch(`/api/v1/geographies/${ring.id}`)
      .set(admin.headers)
      .send({ zip_codes: ['19087', '19010'] })
      .expect(200);
    expect(edited.body.trade_area).toBeNull();
    const notRing = await request(api.url)
      .patch(`/api/v1/geographies/${ring.id}`)
      .set(admin.headers)
      .send({ around: { radius_miles: 8 } })
      .expect(400);
    expect(notRing.body.message).toEqual([
      'around.zip_code is required: this geography is not a ring yet, so it has no centre to keep',
    ]);
  });

  it('creates a county geography under every ZIP rule', async () => {
    const response = await create({ name: uniqueName('Bucks'), counties: ['42017'] }).expect(201);
    const bucks = response.body as GeographyResponse;
    expect(bucks.trade_area).toEqual({ kind: 'counties', counties: ['42017'] });
    expect(bucks.zip_codes).toContain('18901');
    expect(bucks.zcta_resolution.every((r) => r.zcta === r.zip)).toBe(true);
  });

  it.each([
    [
      { around: { zip_code: '19087', radius_miles: 101 } },
      ['around.radius_miles must be a number of miles from 1 to 100'],
    ],
    [
      { around: { zip_code: '96939', radius_miles: 5 } },
      [
        'around.zip_code: ZIP 96939 has no ZCTA with a Census internal point, so it cannot be the centre of a ring; choose a nearby ZIP',
      ],
    ],
    [
      { around: { radius_miles: 5 } },
      ['around.zip_code must be the 5-digit ZIP code at the centre of the ring, e.g. "19087"'],
    ],
    [{ around: '19087' }, ['around must be an object: {"zip_code": "19087", "radius_miles": 10}']],
    [
      { counties: ['42017', '99999'] },
      ["counties[1]: '99999' is not a county FIPS code of the Census ZCTA-county relationship file"],
    ],
    [{ counties: [] }, ['counties must list 5-digit county FIPS codes, e.g. ["42091", "42017"]']],
    [
      { zip_codes: ['19087'], counties: ['42017'] },
      'Send only one of zip_codes, counties: each says which ZIPs the geography holds',
    ],
    [{ around: { zip_code: '10001', radius_miles: 100 }, name: 'x' }, undefined],
  ])('refuses %j with a 400 naming the field', async (body, message) => {
    const response = await create({ name: uniqueName('Bad'), ...body });
    if (message === undefined) {
      // 100 miles around Manhattan holds fewer than 5,000 ZIPs: accepted.
      expect(response.status).toBe(201);
      expect(response.body.zip_codes.length).toBeLessThanOrEqual(5000);
      return;
    }
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(message);
  });

  it('refuses a county set over the 5,000-ZIP cap, saying how many it holds', async () => {
    // Every county of California, Texas, Florida and New York (from the bundled ZCTA-county file).
    const counties = [
      ...new Set(
        readFileSync(resolve(__dirname, '../../data/geo/zcta_counties_2020.csv'), 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[1])
          .filter((county) => /^(06|48|12|36)\d{3}$/.test(county ?? '')),
      ),
    ];
    const response = await create({ name: uniqueName('Too big'), counties }).expect(400);
    expect(response.body.message).toEqual([
      expect.stringMatching(
        /^counties: the area holds [\d,]+ ZIP codes, more than 5,000: choose fewer counties$/,
      ),
    ]);
  });
});
