// Tokens end when the account changes under them: a password reset or a deactivation ends every
// token issued before it, and a token must expire.
import { createHmac } from 'node:crypto';
import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, TEST_PASSWORD } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

const TEST_SECRET = 'test-secret-of-sufficient-length-0123456789';

/** A token signed with the API's own test secret: valid signature, claims chosen by the test. */
function signedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', TEST_SECRET).update(unsigned).digest('base64url')}`;
}

describe('token lifetime and revocation', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let factory: AuthFactory;
  let platform: Session;
  let admin: Session;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', JWT_SECRET: TEST_SECRET });
    factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    admin = await factory.userSession(platform, Role.Admin, (await factory.createClient(platform)).id);
  });
  afterAll(() => api?.stop());

  const me = (token: string) =>
    request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('ends the old tokens when the password is reset, and the new password signs in', async () => {
    const analyst = await factory.userSession(admin, Role.Analyst);
    await me(analyst.token).expect(200);
    await request(api.url)
      .patch(`/api/v1/users/${analyst.user.id}`)
      .set(admin.headers)
      .send({ password: `${TEST_PASSWORD}-new` })
      .expect(200);
    const refused = await me(analyst.token).expect(401);
    expect(refused.body.message).toMatch(/sign in again|deactivated|no longer/i);
    const fresh = await factory.login(analyst.email, `${TEST_PASSWORD}-new`);
    await me(fresh.token).expect(200);
  });

  it('ends the tokens of a deactivated account, and they stay dead after it is re-activated', async () => {
    const analyst = await factory.userSession(admin, Role.Analyst);
    const patch = (body: object) =>
      request(api.url).patch(`/api/v1/users/${analyst.user.id}`).set(admin.headers).send(body).expect(200);
    await patch({ is_active: false });
    await me(analyst.token).expect(401);
    await patch({ is_active: true });
    await me(analyst.token).expect(401);
    await me((await factory.login(analyst.email, TEST_PASSWORD)).token).expect(200);
  });

  it('refuses a correctly signed token without an expiry, and one of another token version', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: admin.user.id, role: 'admin', client_id: admin.user.client_id, iat: now };
    await me(signedToken({ ...claims, ver: 0 })).expect(401);
    await me(signedToken({ ...claims, ver: 0, exp: now + 600 })).expect(200);
    await me(signedToken({ ...claims, ver: 7, exp: now + 600 })).expect(401);
    await me(signedToken({ ...claims, exp: now + 600 })).expect(401);
  });

  it('resetting the platform admin through the CLI path ends its old tokens too', async () => {
    const { UsersService } = await import('@lbi/features');
    await me(platform.token).expect(200);
    await api.app.get(UsersService).createOrResetPlatformAdmin(platform.email, `${TEST_PASSWORD}-reset`);
    await me(platform.token).expect(401);
  });
});
