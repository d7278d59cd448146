// What the API shows to anyone on the network: security headers on every answer, a health check that
// says up or down and nothing else, details only for the platform admin, and API docs that can be
// switched off.
import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

describe('public surfaces', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let platform: Session;
  let tenantAdmin: Session;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    const factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    tenantAdmin = await factory.userSession(platform, Role.Admin, (await factory.createClient(platform)).id);
  });
  afterAll(() => api?.stop());

  it('sends security headers with a same-origin content security policy', async () => {
    for (const path of ['/api/v1/health', '/api/v1/no-such-route', '/api/v1/auth/me']) {
      const response = await request(api.url).get(path);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers the public health check with up or down only: no counts, engines or error texts', async () => {
    const response = await request(api.url).get('/api/v1/health').expect(200);
    expect(JSON.stringify(response.body)).not.toMatch(
      /waiting|completed|failed|engine|driver|message|migrations/,
    );
    expect(response.headers['cache-control']).toMatch(/no-store/);
  });

  it('gives the details to the platform admin only', async () => {
    const details = await request(api.url).get('/api/v1/health/details').set(platform.headers).expect(200);
    expect(details.body.details.database).toMatchObject({ status: 'up', migrations_pending: false });
    expect(details.body.details.queue).toMatchObject({ status: 'up', driver: 'inline' });
    const refused = await request(api.url).get('/api/v1/health/details').set(tenantAdmin.headers).expect(403);
    expect(refused.body.message).toMatch(/platform admin only/);
    await request(api.url).get('/api/v1/health/details').expect(401);
  });

  it('never logs the bootstrap admin email at start', async () => {
    const email = 'bootstrap-owner@agency.example';
    const other = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      BOOTSTRAP_ADMIN_EMAIL: email,
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-bootstrap-passphrase',
      API_DOCS: 'false',
    });
    try {
      expect(other.logs.join('\n')).not.toContain(email);
      const started = other.logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'api started');
      expect(started.config.bootstrapAdminEmail).toBe('(set, redacted)');
      // With API_DOCS=false the documents are gone.
      await request(other.url).get('/api/v1/openapi.json').expect(404);
      await request(other.url).get('/api/docs/').expect(404);
    } finally {
      await other.stop();
    }
  });
});
