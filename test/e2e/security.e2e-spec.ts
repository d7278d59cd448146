// Security checks that the other suites do not make (docs/RELIABILITY.md, "Security"): forged and
// orphaned tokens, CORS closed by default, uploaded files never served, and an OpenAPI document that
// lists only the API's own operations and gives nothing of the deployment away. Tampered, foreign-
// signed and expired tokens are in auth.e2e-spec.ts, tokens without `exp` and of deactivated or reset
// accounts in tokens.e2e-spec.ts, sign-in throttling in auth.e2e-spec.ts, security headers in
// public-surface.e2e-spec.ts.
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lbi/contracts';
import { AuthUserCache } from '@lbi/features';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session } from '../support/auth-factory';
import { declaredRoutes } from '../support/route-walk';
import { startTestApi } from '../support/start-test-api';
import { TEST_JWT_SECRET, testDatabaseUrl } from '../support/test-env';

const FOREIGN_ORIGIN = 'https://evil.example';
const MARKER = 'Ambler Library Marker 5c1e';
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with the given header and claims, signed with HMAC `hash` over the API's own test secret. */
function token(header: object, claims: object, hash = 'sha256'): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac(hash, TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

describe('security', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let consoleDir: string;
  let uploadDir: string;
  let factory: AuthFactory;
  let admin: Session;
  let analyst: Session;

  beforeAll(async () => {
    // A console directory with an index.html, so the static server and its fallback are in play.
    consoleDir = mkdtempSync(join(tmpdir(), 'lbi-console-'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>LBI console</title>');
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-security-uploads-'));
    api = await startTestApi({ CONSOLE_DIR: consoleDir, UPLOAD_DIR: uploadDir });
    db = api.app.get(DataSource);
    factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    admin = await factory.userSession(platform, Role.Admin, (await factory.createClient(platform)).id);
    analyst = await factory.userSession(admin, Role.Analyst);
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(consoleDir, { recursive: true, force: true });
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const me = (bearer: string) => request(api.url).get('/api/v1/auth/me').set('Authorization', bearer);

  /** The claims of a real session's token (signature checked by the API, not here). */
  const claimsOf = (session: Session) =>
    JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  describe('tokens', () => {
    it('refuses alg "none" in every spelling, with or without a signature', async () => {
      const claims = claimsOf(admin);
      const signature = admin.token.split('.')[2];
      await me(admin.headers.Authorization).expect(200);
      for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
        const unsigned = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
        for (const bearer of [`${unsigned}.`, unsigned, `${unsigned}.${signature}`]) {
          const response = await me(`Bearer ${bearer}`);
          expect([alg, bearer.split('.').length, response.status]).toEqual([
            alg,
            bearer.split('.').length,
            401,
          ]);
          expect(response.body).toMatchObject({ status_code: 401, error: 'Unauthorized' });
        }
      }
    });

    it('accepts only HS256: the same claims signed with HS384 or HS512 and the right secret are refused', async () => {
      const claims = claimsOf(admin);
      await me(`Bearer ${token({ alg: 'HS256', typ: 'JWT' }, claims)}`).expect(200);
      await me(`Bearer ${token({ alg: 'HS384', typ: 'JWT' }, claims, 'sha384')}`).expect(401);
      await me(`Bearer ${token({ alg: 'HS512', typ: 'JWT' }, claims, 'sha512')}`).expect(401);
    });

    it('refuses the token of a deleted user, and a well-signed one whose user never existed', async () => {
      const doomed = await factory.userSession(admin, Role.Analyst);
      await me(doomed.headers.Authorization).expect(200);
      // No route deletes a user: it goes from the database, and every user change evicts the token
      // check's cache (an entry nothing evicts expires after AUTH_CACHE_TTL_MS, 5 s).
      await db.query(`DELETE FROM users WHERE id = $1`, [doomed.user.id]);
      await api.app.get(AuthUserCache).changed(doomed.user.id);
      for (const path of ['/api/v1/auth/me', '/api/v1/geographies']) {
        const refused = await request(api.url).get(path).set(doomed.headers).expect(401);
        expect(refused.body).toMatchObject({ status_code: 401, error: 'Unauthorized' });
      }
      const ghost = { ...claimsOf(analyst), sub: '6f1f3c0e-0000-4000-8000-00000000dead' };
      await me(`Bearer ${token({ alg: 'HS256', typ: 'JWT' }, ghost)}`).expect(401);
    });

    it('answers 401, not 500, for well-signed tokens with nonsense claims', async () => {
      const base = claimsOf(analyst);
      const header = { alg: 'HS256', typ: 'JWT' };
      for (const claims of [
        { ...base, sub: "' OR '1'='1" },
        { ...base, sub: 42 },
        { ...base, sub: null },
        { ...base, sub: undefined },
        { ...base, ver: 'zero' },
        { ...base, ver: 1.5 },
        { ...base, exp: 'never' },
        { ...base, exp: Math.floor(Date.now() / 1000) - 60 },
      ]) {
        const response = await me(`Bearer ${token(header, claims)}`);
        expect([claims, response.status]).toEqual([claims, 401]);
      }
    });

    it('takes role and tenant from the account, never from the token: forged claims change nothing', async () => {
      const forged = { ...claimsOf(analyst), role: 'admin', client_id: null };
      const bearer = `Bearer ${token({ alg: 'HS256', typ: 'JWT' }, forged)}`;
      const answer = await me(bearer).expect(200);
      expect(answer.body).toMatchObject({ role: 'analyst', client_id: analyst.user.client_id });
      await request(api.url).get('/api/v1/users').set('Authorization', bearer).expect(403);
      await request(api.url).get('/api/v1/health/details').set('Authorization', bearer).expect(403);
    });

    it('reads the token from the Authorization header only: never from a query string, a cookie or another scheme', async () => {
      const raw = analyst.token;
      await request(api.url).get('/api/v1/auth/me').query({ access_token: raw }).expect(401);
      await request(api.url)
        .get('/api/v1/auth/me')
        .set('Cookie', `access_token=${raw}; token=${raw}`)
        .expect(401);
      await me(`Basic ${raw}`).expect(401);
      await me(`Token ${raw}`).expect(401);
      await me(raw).expect(401);
    });
  });

  describe('CORS (closed by default)', () => {
    it('sends no Access-Control-Allow-* header to a foreign Origin, on reads, sign-in and preflights', async () => {
      const answers = [
        await request(api.url).get('/api/v1/health').set('Origin', FOREIGN_ORIGIN),
        await request(api.url).get('/api/v1/auth/me').set(analyst.headers).set('Origin', FOREIGN_ORIGIN),
        await request(api.url)
          .post('/api/v1/auth/login')
          .set('Origin', FOREIGN_ORIGIN)
          .send({ email: analyst.email, password: analyst.password }),
        await request(api.url)
          .options('/api/v1/auth/login')
          .set('Origin', FOREIGN_ORIGIN)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'content-type, authorization'),
        await request(api.url)
          .options('/api/v1/geographies')
          .set('Origin', 'null')
          .set('Access-Control-Request-Method', 'DELETE'),
      ];
      const labels = ['GET health', 'GET me', 'POST login', 'OPTIONS login', 'OPTIONS geographies'];
      answers.forEach((response, i) => {
        const cors = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
        expect([labels[i], response.status < 500, cors]).toEqual([labels[i], true, []]);
      });
      // Same-origin use is unaffected: the console signs in without CORS.
      expect(answers[2].status).toBe(200);
    });
  });

  describe('uploaded files are never served', () => {
    it('no URL, API or static, answers an upload’s content', async () => {
      const uploaded = await request(api.url)
        .post('/api/v1/uploads')
        .set(analyst.headers)
        .attach('file', Buffer.from(`channel_type,name,zip_code\nlibrary,${MARKER},19002\n`), 'lib.csv')
        .expect(201);
      const ref: string = uploaded.body.file_ref;
      const paths = [
        `/api/v1/uploads/${ref}`,
        '/api/v1/uploads',
        `/api/v1/uploads/${ref}/download`,
        `/api/v1/import/channels/${ref}`,
        `/uploads/${ref}`,
        `/${ref}`,
        `/.data/uploads/${ref}`,
        `/..%2f..%2f${encodeURIComponent(uploadDir.slice(1))}%2f${ref}`,
        `/%2e%2e/%2e%2e${uploadDir}/${ref}`,
        `/static/../../${ref}`,
        `/index.html/../${ref}`,
      ];
      for (const path of paths) {
        for (const session of [analyst.headers, {}]) {
          const response = await request(api.url).get(path).set(session);
          expect([path, response.text.includes(MARKER)]).toEqual([path, false]);
          expect([path, response.status < 500]).toEqual([path, true]);
          // An API path is refused; a console path is a 404 or the console's own page.
          if (path.startsWith('/api/'))
            expect([path, [401, 404].includes(response.status)]).toEqual([path, true]);
          if (response.status === 200)
            expect([path, response.text]).toEqual([path, expect.stringContaining('LBI console')]);
        }
      }
    });

    it('refuses to start with UPLOAD_DIR inside CONSOLE_DIR, where the static server would publish it', async () => {
      const nested = join(consoleDir, 'uploads');
      mkdirSync(nested, { recursive: true });
      await expect(startTestApi({ CONSOLE_DIR: consoleDir, UPLOAD_DIR: nested })).rejects.toThrow(
        /UPLOAD_DIR .*inside CONSOLE_DIR/,
      );
    });
  });

  describe('the OpenAPI document', () => {
    it('lists exactly the controllers’ operations: no documentation, static or Express-only route', async () => {
      const document = (await request(api.url).get('/api/v1/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      const declared = declaredRoutes(api.app).map((route) => route.route);
      expect([...documented].sort()).toEqual([...new Set(declared)].sort());
      expect(documented.filter((route) => /\/docs|openapi|swagger|\*|internal|debug/i.test(route))).toEqual(
        [],
      );
    });

    it('gives nothing of the deployment away: no secret, connection string, file path or server URL', async () => {
      const text = (await request(api.url).get('/api/v1/openapi.json').expect(200)).text;
      for (const secret of [
        TEST_JWT_SECRET,
        testDatabaseUrl(),
        uploadDir,
        consoleDir,
        process.cwd(),
        'node_modules',
      ])
        expect([secret, text.includes(secret)]).toEqual([secret, false]);
      expect(JSON.parse(text).servers ?? []).toEqual([]);
    });
  });
});
