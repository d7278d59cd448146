import { randomUUID } from 'node:crypto';
import { CLIENT_ID_HEADER, Role } from '@lbi/contracts';
import { Client, ClientsService, Geography, User } from '@lbi/features';
import { PiiViolationError, defaultValueScan } from '@lbi/pii';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, TEST_PASSWORD, uniqueEmail, uniqueName } from '../support/auth-factory';
import { DeclaredRoute, declaredRoutes } from '../support/route-walk';
import { startTestApi } from '../support/start-test-api';

// The PII guard end to end (ARCHITECTURE.md convention 6): every write route the app registers refuses
// PII in its body and query with 400 naming the field and the kind, stores nothing and logs no value;
// the account email is accepted exactly where it is declared; and the TypeORM subscriber refuses what
// reaches the database some other way.

type Api = Awaited<ReturnType<typeof startTestApi>>;
type Method = 'post' | 'put' | 'patch' | 'delete';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The only handlers that may accept PII, and what: account emails. A new exemption is a reviewed change. */
const EXPECTED_EXEMPTIONS = ['POST /api/v1/auth/login: email', 'POST /api/v1/users: email'];

// PII values the requests carry: none may appear in a response, a log line or the database.
const PERSON_NAME = 'Quimby Jane Examplewoman';
const PHONE = '215-555-0142';
const FREE_TEXT = `Call ${PHONE}`;
const QUERY_PHONE = '610-555-0199';
const ADDRESS = '4187 Sycamore Hollow Lane';
const ALL_VALUES = [PERSON_NAME, PHONE, QUERY_PHONE, ADDRESS];

/** Formats that mark a string field as not free text (ids, secrets, the exempt email, dates, URLs). */
const NON_TEXT_FORMATS = new Set(['uuid', 'email', 'password', 'date', 'date-time', 'uri']);

interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, OpenApiSchema>;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> } }>
  >;
  components: { schemas: Record<string, OpenApiSchema> };
}

describe('PII guard', () => {
  let api: Api;
  let dataSource: DataSource;
  let factory: AuthFactory;
  let platform: Session;
  let tenant: { id: string; name: string };
  let tenantAdmin: Session;
  let writeRoutes: DeclaredRoute[];
  let openApi: OpenApiDocument;

  /** The platform admin acting in the test tenant: a role every route allows. */
  const asAdminOfTenant = () => ({ ...platform.headers, [CLIENT_ID_HEADER]: tenant.id });

  const send = (route: DeclaredRoute, url: string) => {
    const method = route.route.split(' ')[0].toLowerCase() as Method;
    return request(api.url)[method](url).set(asAdminOfTenant());
  };

  /** A real id of the test tenant for a path parameter, from the table its resource names; else any UUID. */
  async function idFor(resource: string): Promise<string> {
    const table = { reports: 'intelligence_reports' }[resource] ?? resource.replace(/-/g, '_');
    if (table === 'clients') return tenant.id;
    const columns: { column_name: string }[] = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const names = columns.map((column) => column.column_name);
    if (!names.includes('id') || !names.includes('client_id')) return randomUUID();
    const rows: { id: string }[] = await dataSource.query(
      `SELECT id FROM "${table}" WHERE client_id = $1 ORDER BY created_at LIMIT 1`,
      [tenant.id],
    );
    return rows[0]?.id ?? randomUUID();
  }

  /** `/api/v1/users/:id` -> `/api/v1/users/<a user of the test tenant>`. */
  async function urlFor(route: DeclaredRoute): Promise<string> {
    const segments = route.route.split(' ')[1].split('/');
    for (let i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(':')) segments[i] = await idFor(segments[i - 1]);
    }
    return segments.join('/');
  }

  /** The string fields of a route's JSON body (from the OpenAPI document) that the guard scans in full. */
  function scannedTextFields(route: DeclaredRoute): string[] {
    const [method, path] = route.route.split(' ');
    const operation = openApi.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    let schema = operation?.requestBody?.content?.['application/json']?.schema;
    if (schema?.$ref) schema = openApi.components.schemas[schema.$ref.split('/').pop() as string];
    return Object.entries(schema?.properties ?? {})
      .filter(([, property]) => property.type === 'string' && !NON_TEXT_FORMATS.has(property.format ?? ''))
      .map(([name]) => name)
      .filter((name) => defaultValueScan(name) === 'all' && !route.allowPiiFields.includes(name));
  }

  let tables: string[] = [];

  /**
   * A fingerprint of every table: its row count and the newest row version (xmin). Any committed
   * insert, update or delete changes it; a refused request must leave it unchanged.
   */
  async function databaseFingerprint(): Promise<Record<string, string>> {
    const rows: { table_name: string; digest: string }[] = await dataSource.query(
      tables
        .map(
          (table) =>
            `SELECT '${table}' AS table_name,
                    count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS digest FROM "${table}"`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.table_name, row.digest]));
  }

  /** Rows anywhere in the database whose text holds `value`. */
  async function rowsContaining(value: string): Promise<string[]> {
    const found: string[] = [];
    for (const table of tables) {
      const [row]: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(t::text, $1) > 0`,
        [value],
      );
      if (row.n > 0) found.push(`${table}: ${row.n}`);
    }
    return found;
  }

  /**
   * Sends a write with PII and checks the refusal: 400 in the contract shape, naming each expected
   * field and kind, without the value; and nothing stored.
   */
  async function expectRefused(
    route: DeclaredRoute,
    url: string,
    body: Record<string, unknown>,
    expectedParts: string[],
  ): Promise<void> {
    const before = await databaseFingerprint();
    const response = await send(route, url).send(body);
    const label = `${route.route} ${JSON.stringify(Object.keys(body))} ${url}`;
    expect([label, response.status]).toEqual([label, 400]);
    expect(response.body).toEqual({
      status_code: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^PII is not accepted: /),
    });
    for (const part of expectedParts)
      expect([label, response.body.message]).toEqual([label, expect.stringContaining(part)]);
    for (const value of ALL_VALUES)
      expect([label, response.text]).toEqual([label, expect.not.stringContaining(value)]);
    expect([label, await databaseFingerprint()]).toEqual([label, before]);
  }

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    dataSource = api.app.get(DataSource);
    const found: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = found.map((row) => row.table_name);
    factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    tenant = await factory.createClient(platform);
    tenantAdmin = await factory.userSession(platform, Role.Admin, tenant.id);
    await factory.userSession(tenantAdmin, Role.Analyst);
    writeRoutes = declaredRoutes(api.app).filter((route) =>
      WRITE_METHODS.includes(route.route.split(' ')[0]),
    );
    openApi = (await request(api.url).get('/api/v1/openapi.json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => api?.stop());

  describe('request bodies and queries of every write route', () => {
    it('walks the write routes, and only the account-email handlers have exemptions', () => {
      expect(writeRoutes.map((route) => route.route)).toEqual(
        expect.arrayContaining([
          'POST /api/v1/auth/login',
          'POST /api/v1/clients',
          'PATCH /api/v1/users/:id',
        ]),
      );
      const exemptions = writeRoutes
        .filter((route) => route.allowPiiFields.length > 0)
        .map((route) => `${route.route}: ${route.allowPiiFields.join(', ')}`);
      expect(exemptions.sort()).toEqual([...EXPECTED_EXEMPTIONS].sort());
      // Reads have none either.
      expect(declaredRoutes(api.app).filter((route) => route.allowPiiFields.length > 0)).toHaveLength(
        EXPECTED_EXEMPTIONS.length,
      );
    });

    it('refuses PII keys in the body of every write route', async () => {
      for (const route of writeRoutes) {
        await expectRefused(route, await urlFor(route), { owner_name: PERSON_NAME, phone: PHONE }, [
          'field "owner_name" looks like a person name (key)',
          'field "phone" looks like a phone number (key)',
        ]);
      }
    });

    it('refuses a PII value in every scanned text field of every write route that has one', async () => {
      const tested: string[] = [];
      for (const route of writeRoutes) {
        const url = await urlFor(route);
        for (const field of scannedTextFields(route)) {
          await expectRefused(route, url, { [field]: FREE_TEXT }, [
            `field "${field}" contains a phone number (value)`,
          ]);
          await expectRefused(route, url, { [field]: `Ship to ${ADDRESS}` }, [
            `field "${field}" contains a street address (value)`,
          ]);
          tested.push(`${route.route} ${field}`);
        }
      }
      // Not vacuous: the client's name is free text, and the user role is a scanned string.
      expect(tested).toEqual(
        expect.arrayContaining(['POST /api/v1/clients name', 'POST /api/v1/users role']),
      );
    });

    it('refuses PII in the query string of every write route, exemptions or not', async () => {
      for (const route of writeRoutes) {
        const url = `${await urlFor(route)}?phone=${encodeURIComponent(QUERY_PHONE)}`;
        await expectRefused(route, url, {}, [
          'field "query.phone" looks like a phone number (key)',
          'field "query.phone" contains a phone number (value)',
        ]);
      }
    });

    it('stored none of the values and logged none of them, but logged the refusals', async () => {
      for (const value of ALL_VALUES) expect([value, await rowsContaining(value)]).toEqual([value, []]);
      const clients = await request(api.url).get('/api/v1/clients').set(platform.headers).expect(200);
      for (const value of ALL_VALUES) expect(JSON.stringify(clients.body)).not.toContain(value);
      const logs = api.logs.join('');
      expect(logs).toContain('pii refused');
      expect(logs).toContain('"path":"owner_name","kind":"person-name key"');
      for (const value of ALL_VALUES) expect(logs).not.toContain(value);
    });
  });

  describe('account emails', () => {
    it('accepts an email where an account is created, stores it, and the account can sign in', async () => {
      const email = uniqueEmail('pii-guard');
      const created = await request(api.url)
        .post('/api/v1/users')
        .set(tenantAdmin.headers)
        .send({ email, password: TEST_PASSWORD, role: 'analyst' })
        .expect(201);
      const rows: { email: string }[] = await dataSource.query('SELECT email FROM users WHERE id = $1', [
        created.body.id,
      ]);
      expect(rows).toEqual([{ email }]);
      const session = await factory.login(email, TEST_PASSWORD);
      expect(session.user).toMatchObject({ id: created.body.id, email, client_id: tenant.id });
    });

    it('keeps the exemption narrow: other PII next to the email is refused, and nothing is created', async () => {
      const email = uniqueEmail('pii-guard-phone');
      const response = await request(api.url)
        .post('/api/v1/users')
        .set(tenantAdmin.headers)
        .send({ email, password: TEST_PASSWORD, role: 'analyst', phone: PHONE })
        .expect(400);
      expect(response.body.message).toContain('field "phone" looks like a phone number (key)');
      expect(response.body.message).not.toMatch(/field "email"/);
      expect(response.text).not.toContain(PHONE);
      expect(await dataSource.query('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    });

    it('refuses an email on POST /clients, naming the field, never the value', async () => {
      const email = uniqueEmail('client-contact');
      const name = uniqueName('Emailless');
      const response = await request(api.url)
        .post('/api/v1/clients')
        .set(platform.headers)
        .send({ name, email })
        .expect(400);
      expect(response.body).toEqual({
        status_code: 400,
        error: 'Bad Request',
        message: expect.stringContaining('field "email" looks like an email address (key)'),
      });
      expect(response.text).not.toContain(email);
      expect(await dataSource.query('SELECT id FROM clients WHERE name = $1', [name])).toEqual([]);
      expect(api.logs.join('')).not.toContain(email);
    });

    it('refuses an email on PATCH /users/:id, which takes none', async () => {
      const target = await factory.userSession(tenantAdmin, Role.Client);
      const email = uniqueEmail('renamed');
      const response = await request(api.url)
        .patch(`/api/v1/users/${target.user.id}`)
        .set(tenantAdmin.headers)
        .send({ email })
        .expect(400);
      expect(response.body.message).toContain('field "email" looks like an email address (key)');
      expect(response.text).not.toContain(email);
      const rows: { email: string }[] = await dataSource.query('SELECT email FROM users WHERE id = $1', [
        target.user.id,
      ]);
      expect(rows).toEqual([{ email: target.email }]);
    });
  });

  describe('the database layer (TypeORM subscriber)', () => {
    /** The PiiViolationError a write rejects with. */
    async function violationOf(write: Promise<unknown>): Promise<PiiViolationError> {
      const error = await write.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PiiViolationError);
      return error as PiiViolationError;
    }

    it('refuses an insert with PII in a column, and stores nothing', async () => {
      const clients = dataSource.getRepository(Client);
      const error = await violationOf(clients.save(clients.create({ name: ADDRESS })));
      expect(error.violations).toEqual([{ path: 'name', kind: 'street-address value' }]);
      expect(error.message).not.toContain(ADDRESS);
      expect(await clients.countBy({ name: ADDRESS })).toBe(0);
    });

    it('lets a clean insert through', async () => {
      const clients = dataSource.getRepository(Client);
      const name = uniqueName('Main Street Business Association');
      const saved = await clients.save(clients.create({ name }));
      expect(await clients.findOneBy({ id: saved.id })).toMatchObject({ name });
    });

    it('refuses updates, through save() and through update()', async () => {
      const clients = dataSource.getRepository(Client);
      const name = uniqueName('Renamed Later');
      const saved = await clients.save(clients.create({ name }));
      await violationOf(clients.save({ ...saved, name: FREE_TEXT }));
      const error = await violationOf(clients.update(saved.id, { name: FREE_TEXT }));
      expect(error.violations).toEqual([{ path: 'name', kind: 'phone-number value' }]);
      expect(await clients.findOneBy({ id: saved.id })).toMatchObject({ name });
    });

    it('walks jsonb columns', async () => {
      const geographies = dataSource.getRepository(Geography);
      const name = uniqueName('Jsonb');
      const error = await violationOf(
        geographies.save(
          geographies.create({
            clientId: tenant.id,
            name,
            zipCodes: ['19002'],
            zctaResolution: [{ zip: '19002', zcta: '19002', join_type: 'direct', note: `ask at ${PHONE}` }],
          }),
        ),
      );
      expect(error.violations).toEqual([{ path: 'zcta_resolution[0].note', kind: 'phone-number value' }]);
      expect(await dataSource.query('SELECT id FROM geographies WHERE name = $1', [name])).toEqual([]);
    });

    it('answers a refusal at the database layer over HTTP with 400 in the contract shape, not 500', async () => {
      // A service that derives PII the request check could not see (simulated): the subscriber stops it.
      const clients = dataSource.getRepository(Client);
      const spy = jest
        .spyOn(api.app.get(ClientsService), 'create')
        .mockImplementation(() => clients.save(clients.create({ name: `HQ at ${ADDRESS}` })));
      try {
        const response = await request(api.url)
          .post('/api/v1/clients')
          .set(platform.headers)
          .send({ name: uniqueName('Derived') })
          .expect(400);
        expect(response.body).toEqual({
          status_code: 400,
          error: 'Bad Request',
          message:
            'PII is not accepted: field "name" contains a street address (value). Remove it and try again.',
        });
      } finally {
        spy.mockRestore();
      }
      expect(await rowsContaining(ADDRESS)).toEqual([]);
      const logs = api.logs.join('');
      expect(logs).toContain('"path":"name","kind":"street-address value"');
      expect(logs).not.toContain(ADDRESS);
    });

    it('accepts users.email (the one exemption) and does not read the password hash', async () => {
      const users = dataSource.getRepository(User);
      const email = uniqueEmail('subscriber');
      const saved = await users.save(
        users.create({
          email,
          hashedPassword: '$argon2id$v=19$m=19456,t=2,p=1$123 Main St$215-555-0100',
          role: Role.Analyst,
          clientId: tenant.id,
          isActive: true,
        }),
      );
      expect(await users.findOneBy({ id: saved.id })).toMatchObject({ email });
      await users.delete(saved.id);
    });
  });
});
