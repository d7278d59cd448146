import request from 'supertest';
import { startTestApi } from '../support/start-test-api';

describe('API over HTTP', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
  });
  afterAll(() => api.stop());

  it('answers /api/v1/health with the database and the queue up, and nothing more', async () => {
    const response = await request(api.url).get('/api/v1/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up' }, queue: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' }, queue: { status: 'up' } },
    });
  });

  it('publishes the OpenAPI document with the bearer scheme, and Swagger UI', async () => {
    const document = (await request(api.url).get('/api/v1/openapi.json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/v1/health']).toBeDefined();
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await request(api.url).get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers unknown routes in the contract error shape', async () => {
    const response = await request(api.url).get('/api/v1/no-such-thing').expect(404);
    expect(response.body).toEqual({ status_code: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('tags every log line of a request with its request id and echoes it', async () => {
    const requestId = 'e2e-request-0001';
    const response = await request(api.url)
      .get('/api/v1/no-such-thing?key=query-secret')
      .set('X-Request-Id', requestId);
    expect(response.headers['x-request-id']).toBe(requestId);
    const lines = api.logs.filter((line) => line.includes(requestId));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line).req.id).toBe(requestId);
    expect(api.logs.join('')).not.toContain('query-secret');
  });

  it('generates a request id when none (or a malformed one) is given', async () => {
    const response = await request(api.url).get('/api/v1/health').set('X-Request-Id', 'bad id with spaces');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs request bodies or credentials', async () => {
    await request(api.url)
      .post('/api/v1/no-such-thing')
      .set('Authorization', 'Bearer header-token-value')
      .send({ password: 'body-password-value', email: 'someone@agency.example', note: 'body-free-text' });
    const text = api.logs.join('');
    expect(text).toContain('/api/v1/no-such-thing');
    for (const secret of [
      'body-password-value',
      'someone@agency.example',
      'body-free-text',
      'header-token-value',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
