import { Role, type ZipCheckResponse } from '@lbi/contracts';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { AuthFactory, Session } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

/** The API routes the console needs besides the contract's: ZIP checks, the demo logins, parallel reads. */
describe('API routes the console uses', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let analyst: Session;
  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    const client = await factory.createClient(platform);
    const admin = await factory.userSession(platform, Role.Admin, client.id);
    analyst = await factory.userSession(admin, Role.Analyst);
  });
  afterAll(() => api?.stop());

  it('POST /zip-codes/check answers each entry as a geography save would, and saves nothing', async () => {
    const before = await request(api.url).get('/api/v1/geographies').set(analyst.headers).expect(200);
    const response = await request(api.url)
      .post('/api/v1/zip-codes/check')
      .set(analyst.headers)
      .send({ zip_codes: ['19002', '1900', '19016', '19002-1234', '99999'] })
      .expect(200);
    const { entries } = response.body as ZipCheckResponse;
    expect(entries.map((e) => [e.zip, e.valid, e.duplicate_of])).toEqual([
      ['19002', true, null],
      [null, false, null],
      ['19016', true, null],
      ['19002', true, 0],
      ['99999', false, null],
    ]);
    expect(entries[0].resolution).toMatchObject({
      zcta: '19002',
      join_type: 'zip_matches_zcta',
      state: 'PA',
    });
    expect(entries[0].resolution?.lat).toBeCloseTo(40.16, 1);
    expect(entries[0].resolution?.lon).toBeCloseTo(-75.22, 1);
    expect(entries[2].resolution).toMatchObject({ zip: '19016', zcta: '19013', join_type: 'spatial_join' });
    expect(entries[1].reason).toMatch(/'1900' has 4 digits; ZIP codes have 5/);
    expect(entries[4].reason).toMatch(/'99999' is not a ZIP code in the UDS Mapper 2022/);
    // The same reason a save gives.
    const save = await request(api.url)
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: 'Never saved', zip_codes: ['1900'] })
      .expect(400);
    expect(save.body.message).toEqual([`zip_codes[0]: ${entries[1].reason}`]);
    const after = await request(api.url).get('/api/v1/geographies').set(analyst.headers).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('POST /zip-codes/check refuses an empty or missing list with a message', async () => {
    const empty = await request(api.url)
      .post('/api/v1/zip-codes/check')
      .set(analyst.headers)
      .send({ zip_codes: [] })
      .expect(400);
    expect(empty.body.message).toEqual(['zip_codes must list at least one ZIP code']);
    await request(api.url).post('/api/v1/zip-codes/check').set(analyst.headers).send({}).expect(400);
  });

  it('keeps an upload in the uploader’s tenant when its body arrives after the request head', async () => {
    const boundary = 'lbiboundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="late.csv"\r\nContent-Type: text/csv\r\n\r\n` +
        `event_name,start_date\nLate Home Show,2026-04-11\n\r\n--${boundary}--\r\n`,
    );
    const { port } = new URL(api.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: Number(port),
          method: 'POST',
          path: '/api/v1/uploads',
          headers: {
            ...analyst.headers,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(body.length),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      // The body comes later, as from a browser on a slow network: busboy then reads it outside the
      // request's async context, and the tenant must come from the request, not from that context.
      setTimeout(() => req.end(body), 200);
    });
    expect(answer.status).toBe(201);
    const fileRef = (JSON.parse(answer.body) as { file_ref: string }).file_ref;
    const geography = await request(api.url)
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: 'Late upload', zip_codes: ['19002'] })
      .expect(201);
    await request(api.url)
      .post('/api/v1/import/events')
      .query({ geography_id: geography.body.id, file_ref: fileRef })
      .set(analyst.headers)
      .expect(202);
  });

  it('GET /demo answers 204 with nothing outside demo mode', async () => {
    const response = await request(api.url).get('/api/v1/demo').expect(204);
    expect(response.text).toBe('');
  });

  it('answers many parallel requests of one user correctly (a browser opens a page with several at once)', async () => {
    const geography = await request(api.url)
      .post('/api/v1/geographies')
      .set(analyst.headers)
      .send({ name: 'Parallel reads', zip_codes: ['19002', '19034'] })
      .expect(201);
    const id = geography.body.id as string;
    const paths = [
      `/api/v1/geographies/${id}`,
      `/api/v1/geographies/${id}/freshness`,
      `/api/v1/ingestion-runs?geography_id=${id}`,
      `/api/v1/reports?geography_id=${id}`,
      `/api/v1/signals?geography_id=${id}`,
      `/api/v1/geographies/${id}/scores?category=roofing`,
      '/api/v1/clients',
      '/api/v1/auth/me',
    ];
    const asked = Array.from({ length: 6 }, () => paths).flat();
    const answers = await Promise.all(asked.map((path) => request(api.url).get(path).set(analyst.headers)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    answers.forEach((answer, i) => {
      if (asked[i] === `/api/v1/geographies/${id}`) expect(answer.body.name).toBe('Parallel reads');
      if (asked[i] === '/api/v1/auth/me') expect(answer.body.id).toBe(analyst.user.id);
    });
  });
});
