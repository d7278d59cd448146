import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, TEST_PASSWORD, uniqueEmail, uniqueName } from '../support/auth-factory';
import { declaredRoutes } from '../support/route-walk';
import { startTestApi } from '../support/start-test-api';

/** Who may call what: the contract's role matrix, written out. A new route must be added here. */
type Actor = 'platform' | 'admin' | 'analyst' | 'client';
const ACTORS: Actor[] = ['platform', 'admin', 'analyst', 'client'];
const EVERYONE: Actor[] = ACTORS;

const ACCESS: Record<string, Actor[] | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/health': 'public',
  'GET /api/v1/auth/me': EVERYONE,
  'POST /api/v1/clients': ['platform'],
  'GET /api/v1/clients': EVERYONE,
  'GET /api/v1/clients/:id': EVERYONE,
  'POST /api/v1/users': ['platform', 'admin'],
  'GET /api/v1/users': ['platform', 'admin'],
  'PATCH /api/v1/users/:id': ['platform', 'admin'],
};

interface Tenant {
  clientId: string;
  sessions: Record<'admin' | 'analyst' | 'client', Session>;
}

describe('access matrix and tenant isolation over HTTP', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let platform: Session;
  let tenantA: Tenant;
  let tenantB: Tenant;

  async function tenant(factory: AuthFactory, label: string): Promise<Tenant> {
    const client = await factory.createClient(platform, uniqueName(label));
    const admin = await factory.userSession(platform, Role.Admin, client.id);
    return {
      clientId: client.id,
      sessions: {
        admin,
        analyst: await factory.userSession(admin, Role.Analyst),
        client: await factory.userSession(admin, Role.Client),
      },
    };
  }

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    const factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    tenantA = await tenant(factory, 'Tenant A');
    tenantB = await tenant(factory, 'Tenant B');
  });
  afterAll(() => api.stop());

  const sessionOf = (actor: Actor, of: Tenant = tenantA): Session =>
    actor === 'platform' ? platform : of.sessions[actor];

  /** A request an allowed caller could make: ids of its own tenant, a valid body. */
  function call(route: string, actor: Actor) {
    const [method, path] = route.split(' ');
    const session = sessionOf(actor);
    const ownUser = tenantA.sessions.analyst.user.id;
    const url = path
      .replace('/clients/:id', `/clients/${tenantA.clientId}`)
      .replace('/users/:id', `/users/${ownUser}`);
    const bodies: Record<string, object> = {
      'POST /api/v1/clients': { name: uniqueName('Matrix') },
      'POST /api/v1/users': {
        email: uniqueEmail('matrix'),
        password: TEST_PASSWORD,
        role: 'analyst',
        client_id: tenantA.clientId,
      },
      'PATCH /api/v1/users/:id': { is_active: true },
    };
    const agent = request(api.url);
    const pending = (
      agent[method.toLowerCase() as 'get' | 'post' | 'patch'] as (url: string) => request.Test
    )(url)
      .set(session.headers)
      .set(actor === 'platform' ? { 'X-Client-Id': tenantA.clientId } : {});
    return bodies[route] ? pending.send(bodies[route]) : pending;
  }

  it('lists every registered route in the matrix', () => {
    const registered = declaredRoutes(api.app)
      .map((route) => route.route)
      .sort();
    expect(registered).toEqual(Object.keys(ACCESS).sort());
  });

  const protectedRoutes = Object.entries(ACCESS).filter(([, allowed]) => allowed !== 'public') as [
    string,
    Actor[],
  ][];

  it.each(
    protectedRoutes.flatMap(([route, allowed]) =>
      ACTORS.map((actor) => [route, actor, allowed.includes(actor)] as const),
    ),
  )('%s as %s: allowed=%s', async (route, actor, allowed) => {
    const response = await call(route, actor);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(400);
    } else {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status_code: 403, error: 'Forbidden' });
    }
  });

  it('refuses every write to the read-only client role', () => {
    for (const [route, allowed] of protectedRoutes) {
      if (!route.startsWith('GET '))
        expect({ route, client: allowed.includes('client') }).toEqual({ route, client: false });
    }
  });

  describe('another tenant’s objects answer 404, exactly as missing ones', () => {
    const tenantRoles = ['admin', 'analyst', 'client'] as const;

    it.each(tenantRoles)('GET /clients/:id as %s', async (role) => {
      const session = tenantA.sessions[role];
      await request(api.url).get(`/api/v1/clients/${tenantA.clientId}`).set(session.headers).expect(200);
      const missingId = '00000000-0000-4000-8000-000000000000';
      const foreign = await request(api.url).get(`/api/v1/clients/${tenantB.clientId}`).set(session.headers);
      const missing = await request(api.url).get(`/api/v1/clients/${missingId}`).set(session.headers);
      expect(foreign.status).toBe(404);
      // Word for word the answer for an id that does not exist: nothing about the other tenant shows.
      expect(JSON.stringify(foreign.body).replace(tenantB.clientId, missingId)).toBe(
        JSON.stringify(missing.body),
      );
    });

    it('PATCH /users/:id as a tenant admin', async () => {
      const admin = tenantA.sessions.admin;
      const foreignUser = tenantB.sessions.analyst.user.id;
      const foreign = await request(api.url)
        .patch(`/api/v1/users/${foreignUser}`)
        .set(admin.headers)
        .send({ is_active: false });
      expect(foreign.status).toBe(404);
      // Nothing changed on the other side: that user still signs in.
      await new AuthFactory(api).login(tenantB.sessions.analyst.email, TEST_PASSWORD);
    });
  });

  describe('lists never include another tenant’s rows', () => {
    const foreignIds = () => [tenantB.clientId, ...Object.values(tenantB.sessions).map((s) => s.user.id)];

    it.each(['admin', 'analyst', 'client'] as const)('GET /clients as %s', async (role) => {
      const response = await request(api.url)
        .get('/api/v1/clients')
        .set(tenantA.sessions[role].headers)
        .expect(200);
      const text = JSON.stringify(response.body);
      for (const id of foreignIds()) expect(text).not.toContain(id);
      expect(text).toContain(tenantA.clientId);
    });

    it('GET /users as a tenant admin, and as the platform admin inside tenant A', async () => {
      for (const headers of [
        tenantA.sessions.admin.headers,
        { ...platform.headers, 'X-Client-Id': tenantA.clientId },
      ]) {
        const response = await request(api.url).get('/api/v1/users').set(headers).expect(200);
        const text = JSON.stringify(response.body);
        for (const id of foreignIds()) expect(text).not.toContain(id);
        expect(text).toContain(tenantA.sessions.analyst.user.id);
      }
    });
  });
});
