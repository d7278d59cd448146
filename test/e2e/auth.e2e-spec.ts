import { createHmac } from 'node:crypto';
import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, TEST_PASSWORD, uniqueEmail, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const INVALID_CREDENTIALS = {
  status_code: 401,
  error: 'Unauthorized',
  message: 'Email or password is incorrect',
};
const USER_KEYS = ['client_id', 'created_at', 'email', 'id', 'is_active', 'role'];
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

/** A JWT signed here with another key: well-formed, but not one the API issued. */
function foreignToken(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('auth, clients and users over HTTP', () => {
  let api: Api;
  let factory: AuthFactory;
  let platform: Session;
  let clientA: { id: string; name: string };
  let clientB: { id: string; name: string };
  let adminA: Session;
  let analystA: Session;
  let viewerA: Session;
  let adminB: Session;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    clientA = await factory.createClient(platform);
    clientB = await factory.createClient(platform);
    adminA = await factory.userSession(platform, Role.Admin, clientA.id);
    analystA = await factory.userSession(adminA, Role.Analyst);
    viewerA = await factory.userSession(adminA, Role.Client);
    adminB = await factory.userSession(platform, Role.Admin, clientB.id);
  });
  afterAll(() => api?.stop());

  describe('POST /auth/login', () => {
    it('answers a bearer token, its lifetime and the user (no password hash)', async () => {
      const response = await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email: `  ${analystA.email.toUpperCase()} `, password: TEST_PASSWORD })
        .expect(200);
      expect(response.body).toEqual({
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'Bearer',
        expires_in: 3600,
        user: {
          id: analystA.user.id,
          email: analystA.email,
          role: 'analyst',
          client_id: clientA.id,
          is_active: true,
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      });
      expect(JSON.stringify(response.body)).not.toMatch(/hashed|argon2/);
    });

    it('answers the same 401 for an unknown email, a wrong password and an inactive account', async () => {
      const inactive = await factory.userSession(adminA, Role.Analyst);
      await request(api.url)
        .patch(`/api/v1/users/${inactive.user.id}`)
        .set(adminA.headers)
        .send({ is_active: false })
        .expect(200);
      const attempts = [
        { email: uniqueEmail('nobody'), password: TEST_PASSWORD },
        { email: analystA.email, password: 'a-wrong-password-123' },
        { email: inactive.email, password: TEST_PASSWORD },
      ];
      for (const attempt of attempts) {
        const response = await request(api.url).post('/api/v1/auth/login').send(attempt).expect(401);
        expect(response.body).toEqual(INVALID_CREDENTIALS);
      }
      // The inactive account's earlier token stops working at once.
      const me = await request(api.url).get('/api/v1/auth/me').set(inactive.headers).expect(401);
      expect(me.body.message).toMatch(/deactivated or no longer exists/);
    });

    it('validates the body in the contract shape', async () => {
      const response = await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email: analystA.email, password: TEST_PASSWORD, remember: true })
        .expect(400);
      expect(response.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringMatching(/remember should not exist/)]),
      });
      const missing = await request(api.url).post('/api/v1/auth/login').send({}).expect(400);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/email/), expect.stringMatching(/password/)]),
      );
    });

    it('logs sign-ins by user id, never emails, passwords or tokens', () => {
      const text = api.logs.join('');
      expect(text).toContain('login succeeded');
      expect(text).toContain(analystA.user.id);
      expect(text).toContain('login refused');
      for (const secret of [
        analystA.email,
        platform.email,
        TEST_PASSWORD,
        'a-wrong-password-123',
        analystA.token,
      ]) {
        expect(text).not.toContain(secret);
      }
    });
  });

  describe('bearer tokens (deny by default)', () => {
    it('refuses a protected route without a token, in the contract shape', async () => {
      const response = await request(api.url).get('/api/v1/auth/me').expect(401);
      expect(response.body).toEqual({
        status_code: 401,
        error: 'Unauthorized',
        message: expect.stringMatching(/Authorization: Bearer/),
      });
      await request(api.url).get('/api/v1/users').expect(401);
      await request(api.url).get('/api/v1/clients').expect(401);
    });

    it('refuses malformed, tampered and foreign-signed tokens', async () => {
      const [header, payload, signature] = adminA.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const escalated = Buffer.from(JSON.stringify({ ...claims, sub: platform.user.id })).toString(
        'base64url',
      );
      const tokens = [
        'not-a-jwt',
        `${header}.${escalated}.${signature}`,
        foreignToken({ ...claims, sub: platform.user.id }, 'some-other-secret-of-sufficient-length-0000'),
      ];
      for (const token of tokens) {
        const response = await request(api.url)
          .get('/api/v1/auth/me')
          .set('Authorization', `Bearer ${token}`)
          .expect(401);
        expect(response.body).toMatchObject({ status_code: 401, message: expect.stringMatching(/invalid/) });
      }
    });

    it('keeps health and the API documentation public, and unknown routes 404', async () => {
      await request(api.url).get('/api/v1/health').expect(200);
      await request(api.url).get('/api/v1/openapi.json').expect(200);
      const unknown = await request(api.url).get('/api/v1/no-such-thing').expect(404);
      expect(unknown.body.status_code).toBe(404);
    });

    it('declares the bearer scheme on protected operations and none on public ones', async () => {
      const document = (await request(api.url).get('/api/v1/openapi.json').expect(200)).body;
      expect(document.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
      expect(document.paths['/api/v1/health'].get.security).toEqual([]);
      for (const [path, item] of Object.entries(
        document.paths as Record<string, Record<string, { security?: unknown }>>,
      )) {
        for (const [method, operation] of Object.entries(item)) {
          const isPublic = ['post /api/v1/auth/login', 'get /api/v1/health', 'get /api/v1/demo'].includes(
            `${method} ${path}`,
          );
          expect([`${method} ${path}`, operation.security]).toEqual([
            `${method} ${path}`,
            isPublic ? [] : [{ bearer: [] }],
          ]);
        }
      }
      expect(document.paths['/api/v1/users'].post.requestBody).toBeDefined();
    });
  });

  describe('GET /auth/me', () => {
    it.each([
      ['platform admin', () => platform, 'admin', () => null],
      ['tenant admin', () => adminA, 'admin', () => clientA.id],
      ['analyst', () => analystA, 'analyst', () => clientA.id],
      ['client', () => viewerA, 'client', () => clientA.id],
    ])('answers the %s', async (_label, session, role, clientId) => {
      const response = await request(api.url).get('/api/v1/auth/me').set(session().headers).expect(200);
      expect(Object.keys(response.body).sort()).toEqual(USER_KEYS);
      expect(response.body).toMatchObject({
        id: session().user.id,
        email: session().email,
        role,
        client_id: clientId(),
        is_active: true,
      });
    });
  });

  describe('clients', () => {
    it('lets only the platform admin create clients; duplicate names answer 409', async () => {
      for (const session of [adminA, analystA, viewerA]) {
        const response = await request(api.url)
          .post('/api/v1/clients')
          .set(session.headers)
          .send({ name: uniqueName('Nope') })
          .expect(403);
        expect(response.body).toMatchObject({ status_code: 403, error: 'Forbidden' });
      }
      const conflict = await request(api.url)
        .post('/api/v1/clients')
        .set(platform.headers)
        .send({ name: clientA.name })
        .expect(409);
      expect(conflict.body).toMatchObject({
        status_code: 409,
        message: expect.stringMatching(/already exists/),
      });
      await request(api.url).post('/api/v1/clients').set(platform.headers).send({ name: '' }).expect(400);
    });

    it('shows the platform admin every client and anyone else only their own', async () => {
      const all = await request(api.url).get('/api/v1/clients').set(platform.headers).expect(200);
      const ids = all.body.map((client: { id: string }) => client.id);
      expect(ids).toEqual(expect.arrayContaining([clientA.id, clientB.id]));
      for (const session of [adminA, analystA, viewerA]) {
        const own = await request(api.url).get('/api/v1/clients').set(session.headers).expect(200);
        expect(own.body).toEqual([{ id: clientA.id, name: clientA.name, created_at: expect.any(String) }]);
        await request(api.url).get(`/api/v1/clients/${clientA.id}`).set(session.headers).expect(200);
        const other = await request(api.url)
          .get(`/api/v1/clients/${clientB.id}`)
          .set(session.headers)
          .expect(404);
        const missing = await request(api.url)
          .get(`/api/v1/clients/${MISSING_UUID}`)
          .set(session.headers)
          .expect(404);
        expect({ ...other.body, message: other.body.message.replace(clientB.id, MISSING_UUID) }).toEqual(
          missing.body,
        );
      }
      await request(api.url).get(`/api/v1/clients/${clientB.id}`).set(platform.headers).expect(200);
    });
  });

  describe('users', () => {
    it('lets a tenant admin create users in its own client only', async () => {
      const email = uniqueEmail('new-analyst');
      const created = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: email.toUpperCase(), password: TEST_PASSWORD, role: 'analyst' })
        .expect(201);
      expect(created.body).toMatchObject({ email, role: 'analyst', client_id: clientA.id, is_active: true });
      expect(Object.keys(created.body).sort()).toEqual(USER_KEYS);

      const otherTenant = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'analyst', client_id: clientB.id })
        .expect(403);
      expect(otherTenant.body.message).toMatch(/your own client/);
      const platformAdmin = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'admin', client_id: null })
        .expect(403);
      expect(platformAdmin.body.message).toMatch(/Only the platform admin can create platform admins/);
    });

    it('validates new users: email, password length, role; duplicates answer 409', async () => {
      const invalid = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: 'not-an-email', password: 'short', role: 'owner', extra: 1 })
        .expect(400);
      expect(invalid.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([
          'email must be an email address',
          'password must be at least 12 characters',
          'role must be one of: admin, analyst, client',
          'property extra should not exist',
        ]),
      });
      const duplicate = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: analystA.email, password: TEST_PASSWORD, role: 'analyst' })
        .expect(409);
      expect(duplicate.body).toEqual({
        status_code: 409,
        error: 'Conflict',
        message: 'A user with this email already exists in this client (see GET /users)',
      });
    });

    it('never reveals that an email has an account in another client: it is simply free here', async () => {
      // adminB's address belongs to client B; for client A it is as new as any other.
      const created = await request(api.url)
        .post('/api/v1/users')
        .set(adminA.headers)
        .send({ email: adminB.email, password: `${TEST_PASSWORD}-a`, role: 'analyst' })
        .expect(201);
      expect(created.body).toMatchObject({ email: adminB.email, client_id: clientA.id, role: 'analyst' });
      // The password picks the account: each person signs in to their own client.
      const inB = await factory.login(adminB.email, TEST_PASSWORD);
      expect(inB.user).toMatchObject({ id: adminB.user.id, client_id: clientB.id });
      const inA = await factory.login(adminB.email, `${TEST_PASSWORD}-a`);
      expect(inA.user).toMatchObject({ id: created.body.id, client_id: clientA.id });
    });

    it('asks for client_id when one email and password open accounts in two clients', async () => {
      const email = uniqueEmail('two-clients');
      for (const admin of [adminA, adminB]) {
        await request(api.url)
          .post('/api/v1/users')
          .set(admin.headers)
          .send({ email, password: TEST_PASSWORD, role: 'analyst' })
          .expect(201);
      }
      const ambiguous = await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email, password: TEST_PASSWORD })
        .expect(400);
      expect(ambiguous.body.message).toMatch(/send client_id as well/);
      const chosen = await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email, password: TEST_PASSWORD, client_id: clientB.id })
        .expect(200);
      expect(chosen.body.user.client_id).toBe(clientB.id);
      await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email, password: 'a-wrong-password-123', client_id: clientB.id })
        .expect(401);
    });

    it('lists only the tenant admin’s own users and never a password hash', async () => {
      const response = await request(api.url).get('/api/v1/users').set(adminA.headers).expect(200);
      const clientIds = new Set(response.body.map((user: { client_id: string }) => user.client_id));
      expect([...clientIds]).toEqual([clientA.id]);
      const ids = response.body.map((user: { id: string }) => user.id);
      expect(ids).toEqual(expect.arrayContaining([adminA.user.id, analystA.user.id, viewerA.user.id]));
      expect(ids).not.toContain(adminB.user.id);
      expect(ids).not.toContain(platform.user.id);
      expect(JSON.stringify(response.body)).not.toMatch(/hashed|argon2|password/);
    });

    it('answers 404 for another tenant’s user, exactly as for a missing one', async () => {
      const other = await request(api.url)
        .patch(`/api/v1/users/${adminB.user.id}`)
        .set(adminA.headers)
        .send({ is_active: false })
        .expect(404);
      const missing = await request(api.url)
        .patch(`/api/v1/users/${MISSING_UUID}`)
        .set(adminA.headers)
        .send({ is_active: false })
        .expect(404);
      expect(other.body.message.replace(adminB.user.id, 'ID')).toBe(
        missing.body.message.replace(MISSING_UUID, 'ID'),
      );
      await request(api.url)
        .patch(`/api/v1/users/${platform.user.id}`)
        .set(adminA.headers)
        .send({ password: 'another-long-password' })
        .expect(404);
      // Nothing changed: the other tenant's admin still works.
      await request(api.url).get('/api/v1/auth/me').set(adminB.headers).expect(200);
    });

    it('lets a tenant admin change role, active flag and password of its users', async () => {
      const target = await factory.userSession(adminA, Role.Client);
      const updated = await request(api.url)
        .patch(`/api/v1/users/${target.user.id}`)
        .set(adminA.headers)
        .send({ role: 'analyst', password: 'a-brand-new-passphrase' })
        .expect(200);
      expect(updated.body).toMatchObject({ id: target.user.id, role: 'analyst', is_active: true });
      await request(api.url)
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: TEST_PASSWORD })
        .expect(401);
      const relogged = await factory.login(target.email, 'a-brand-new-passphrase');
      expect(relogged.user.role).toBe('analyst');
      await request(api.url)
        .patch(`/api/v1/users/${target.user.id}`)
        .set(adminA.headers)
        .send({ password: 'short' })
        .expect(400);
      await request(api.url)
        .patch(`/api/v1/users/${target.user.id}`)
        .set(adminA.headers)
        .send({})
        .expect(400);
      const self = await request(api.url)
        .patch(`/api/v1/users/${adminA.user.id}`)
        .set(adminA.headers)
        .send({ is_active: false })
        .expect(400);
      expect(self.body.message).toMatch(/cannot deactivate yourself/);
    });

    it('refuses user management to analysts and clients (403), and writes to clients', async () => {
      for (const session of [analystA, viewerA]) {
        await request(api.url).get('/api/v1/users').set(session.headers).expect(403);
        const create = await request(api.url)
          .post('/api/v1/users')
          .set(session.headers)
          .send({ email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'client' })
          .expect(403);
        expect(create.body).toEqual({
          status_code: 403,
          error: 'Forbidden',
          message: `Your role (${session.user.role}) cannot do this; it needs: admin`,
        });
        await request(api.url)
          .patch(`/api/v1/users/${session.user.id}`)
          .set(session.headers)
          .send({ role: 'admin' })
          .expect(403);
      }
    });
  });

  describe('the platform admin and X-Client-Id', () => {
    it('sees every tenant’s users without X-Client-Id and one tenant’s with it', async () => {
      const all = await request(api.url).get('/api/v1/users').set(platform.headers).expect(200);
      const allIds = all.body.map((user: { id: string }) => user.id);
      expect(allIds).toEqual(expect.arrayContaining([adminA.user.id, adminB.user.id, platform.user.id]));

      const inB = await request(api.url)
        .get('/api/v1/users')
        .set(platform.headers)
        .set('X-Client-Id', clientB.id)
        .expect(200);
      expect(new Set(inB.body.map((user: { client_id: string }) => user.client_id))).toEqual(
        new Set([clientB.id]),
      );
    });

    it('creates users in the X-Client-Id client, in a named client, and other platform admins', async () => {
      const viaHeader = await request(api.url)
        .post('/api/v1/users')
        .set(platform.headers)
        .set('X-Client-Id', clientB.id)
        .send({ email: uniqueEmail('b-analyst'), password: TEST_PASSWORD, role: 'analyst' })
        .expect(201);
      expect(viaHeader.body.client_id).toBe(clientB.id);
      const named = await request(api.url)
        .post('/api/v1/users')
        .set(platform.headers)
        .send({
          email: uniqueEmail('a-viewer'),
          password: TEST_PASSWORD,
          role: 'client',
          client_id: clientA.id,
        })
        .expect(201);
      expect(named.body.client_id).toBe(clientA.id);
      await request(api.url)
        .post('/api/v1/users')
        .set(platform.headers)
        .send({ email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'client', client_id: MISSING_UUID })
        .expect(404);

      const second = await factory.userSession(platform, Role.Admin, null);
      expect(second.user).toMatchObject({ role: 'admin', client_id: null });
      const noClient = await request(api.url)
        .post('/api/v1/users')
        .set(platform.headers)
        .send({ email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'analyst' })
        .expect(400);
      expect(noClient.body.message).toMatch(/must belong to a client/);
    });

    it('answers 400 for a malformed X-Client-Id and 404 for an unknown one', async () => {
      const malformed = await request(api.url)
        .get('/api/v1/users')
        .set(platform.headers)
        .set('X-Client-Id', 'client-a')
        .expect(400);
      expect(malformed.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: expect.stringMatching(/X-Client-Id must be the UUID of a client/),
      });
      const unknown = await request(api.url)
        .get('/api/v1/users')
        .set(platform.headers)
        .set('X-Client-Id', MISSING_UUID)
        .expect(404);
      expect(unknown.body.message).toMatch(/No client with id .* \(from X-Client-Id\)/);
    });

    it('refuses X-Client-Id of another client from a tenant user', async () => {
      await request(api.url)
        .get('/api/v1/users')
        .set(adminA.headers)
        .set('X-Client-Id', clientA.id)
        .expect(200);
      const response = await request(api.url)
        .get('/api/v1/users')
        .set(adminA.headers)
        .set('X-Client-Id', clientB.id)
        .expect(403);
      expect(response.body.message).toMatch(/platform admin only/);
    });
  });
});

describe('sign-in throttling and token expiry', () => {
  let api: Api;
  let factory: AuthFactory;
  let platform: Session;

  beforeAll(async () => {
    // The contract's defaults (10 per IP, 5 per email and IP, per minute) and two-second tokens (JWT
    // expiry has whole-second resolution: one second could leave almost no time to use a token).
    api = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      LOGIN_RATE_LIMIT_PER_IP: '10',
      LOGIN_RATE_LIMIT_PER_EMAIL: '5',
      JWT_EXPIRES_IN: '2s',
    });
    factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
  });
  afterAll(() => api?.stop());

  const attempt = (email: string, ip: string) =>
    request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email, password: 'a-wrong-password-123' });

  it('answers 429 with Retry-After after 5 attempts for one email from one IP', async () => {
    const email = uniqueEmail('target');
    for (let i = 0; i < 5; i += 1) await attempt(email, '198.51.100.1').expect(401);
    const refused = await attempt(email.toUpperCase(), '198.51.100.1').expect(429);
    expect(refused.body).toEqual({
      status_code: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many sign-in attempts; wait \d+ seconds and try again$/),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another email from that IP, and that email from another IP, are still heard.
    await attempt(uniqueEmail('other'), '198.51.100.1').expect(401);
    await attempt(email, '198.51.100.2').expect(401);
  });

  it('never locks the real user out: wrong passwords for an address from many IPs only slow it down', async () => {
    const platformNow = await factory.login(platform.email, platform.password);
    const admin = await factory.userSession(
      platformNow,
      Role.Admin,
      (await factory.createClient(platformNow)).id,
    );
    for (let i = 0; i < 8; i += 1) await attempt(admin.email, `192.0.2.${i + 1}`).expect(401);
    const started = Date.now();
    const response = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.18.0.1')
      .send({ email: admin.email, password: TEST_PASSWORD })
      .expect(200);
    expect(response.body.user.id).toBe(admin.user.id);
    // It waited (8 failures, 5 free: 250 ms × 2³), but got in.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('answers 429 with Retry-After after 10 attempts from one IP, whatever the emails', async () => {
    for (let i = 0; i < 10; i += 1) await attempt(uniqueEmail(`spray${i}`), '203.0.113.7').expect(401);
    const refused = await attempt(uniqueEmail('spray'), '203.0.113.7').expect(429);
    expect(refused.body.status_code).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await attempt(uniqueEmail('elsewhere'), '203.0.113.8').expect(401);
  });

  it('does not throttle other routes', async () => {
    for (let i = 0; i < 15; i += 1) await request(api.url).get('/api/v1/health').expect(200);
  });

  it('refuses an expired token with 401', async () => {
    expect(platform.token).toBeDefined();
    const fresh = await factory.login(platform.email, platform.password);
    await request(api.url).get('/api/v1/auth/me').set(fresh.headers).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const response = await request(api.url).get('/api/v1/auth/me').set(fresh.headers).expect(401);
    expect(response.body).toEqual({
      status_code: 401,
      error: 'Unauthorized',
      message: 'Your access token has expired; sign in again',
    });
  });
});
