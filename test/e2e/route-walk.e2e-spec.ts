import { API_PREFIX } from '@lbi/contracts';
import request from 'supertest';
import { declaredRoutes, registeredExpressRoutes } from '../support/route-walk';
import { startTestApi } from '../support/start-test-api';

/** Served by Swagger outside Nest routing: public by the contract. */
const DOCUMENTATION = [
  /^GET \/api\/docs(\/|-json$|-yaml$|$)/,
  new RegExp(`^GET /${API_PREFIX}/openapi\\.(json|yaml)$`),
];

/** The routes that may be public (CONTRACT.md): everything else needs a bearer token and roles. */
// GET /demo answers the demo logins only in demo mode (204 otherwise): the sign-in page lists them.
const PUBLIC_ROUTES = ['POST /api/v1/auth/login', 'GET /api/v1/health', 'GET /api/v1/demo'];

describe('route walk: deny by default', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
  });
  afterAll(() => api?.stop());

  it('finds the controllers’ routes', () => {
    const routes = declaredRoutes(api.app).map((route) => route.route);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/auth/me', 'PATCH /api/v1/users/:id']),
    );
  });

  it('every route is either @Public() or declares @Roles(...)', () => {
    const unguarded = declaredRoutes(api.app)
      .filter((route) => !route.isPublic && !(route.roles && route.roles.length > 0))
      .map((route) => `${route.route} (${route.handler})`);
    expect(unguarded).toEqual([]);
  });

  it('only the contract’s public routes are @Public()', () => {
    const publicRoutes = declaredRoutes(api.app)
      .filter((route) => route.isPublic)
      .map((route) => route.route);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('every protected route answers 401 without a token', async () => {
    const protectedRoutes = declaredRoutes(api.app).filter((route) => !route.isPublic);
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const { route } of protectedRoutes) {
      const [method, path] = route.split(' ');
      const url = path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const response = await request(api.url)[method.toLowerCase() as 'get'](url).send({});
      expect(`${route} -> ${response.status}`).toBe(`${route} -> 401`);
    }
  });

  it('every route the HTTP server registered is a controller handler or the API documentation', () => {
    const declared = new Set(declaredRoutes(api.app).map((route) => route.route));
    const registered = registeredExpressRoutes(api.app);
    expect(registered.length).toBeGreaterThan(declared.size - 1);
    const unknown = registered.filter(
      (route) => !declared.has(route) && !DOCUMENTATION.some((pattern) => pattern.test(route)),
    );
    expect(unknown).toEqual([]);
  });
});
