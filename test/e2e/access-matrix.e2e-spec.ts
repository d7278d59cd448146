import { Role } from '@lbi/contracts';
import request from 'supertest';
import { AuthFactory, Session, TEST_PASSWORD, uniqueEmail, uniqueName } from '../support/auth-factory';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { declaredRoutes } from '../support/route-walk';
import { startTestApi } from '../support/start-test-api';

/** Who may call what: the contract's role matrix, written out. A new route must be added here. */
type Actor = 'platform' | 'admin' | 'analyst' | 'client';
const ACTORS: Actor[] = ['platform', 'admin', 'analyst', 'client'];
const EVERYONE: Actor[] = ACTORS;
/** Tenant writes: admins and analysts (and the platform admin inside a tenant), never the client role. */
const WRITERS: Actor[] = ['platform', 'admin', 'analyst'];

const ACCESS: Record<string, Actor[] | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/health': 'public',
  'GET /api/v1/demo': 'public',
  'GET /api/v1/health/details': ['platform'],
  'GET /api/v1/auth/me': EVERYONE,
  'POST /api/v1/clients': ['platform'],
  'GET /api/v1/clients': EVERYONE,
  'GET /api/v1/clients/:id': EVERYONE,
  'POST /api/v1/users': ['platform', 'admin'],
  'GET /api/v1/users': ['platform', 'admin'],
  'PATCH /api/v1/users/:id': ['platform', 'admin'],
  'POST /api/v1/geographies': WRITERS,
  'GET /api/v1/geographies': EVERYONE,
  'GET /api/v1/geographies/:id': EVERYONE,
  'PATCH /api/v1/geographies/:id': WRITERS,
  'POST /api/v1/zip-codes/check': WRITERS,
  'DELETE /api/v1/geographies/:id': WRITERS,
  'POST /api/v1/channels': WRITERS,
  'GET /api/v1/channels': EVERYONE,
  'GET /api/v1/channels/:id': EVERYONE,
  'PATCH /api/v1/channels/:id': WRITERS,
  'DELETE /api/v1/channels/:id': WRITERS,
  'GET /api/v1/signals': EVERYONE,
  'GET /api/v1/trade-areas/preview': EVERYONE,
  'POST /api/v1/geographies/:id/refresh-census': WRITERS,
  'POST /api/v1/geographies/:id/refresh-business': WRITERS,
  'POST /api/v1/census-cache/fills': ['platform'],
  'GET /api/v1/census-cache/fills': ['platform'],
  'GET /api/v1/census-cache/fills/:id': ['platform'],
  'GET /api/v1/geographies/:id/freshness': EVERYONE,
  'GET /api/v1/ingestion-runs': EVERYONE,
  'GET /api/v1/ingestion-runs/:id': EVERYONE,
  'POST /api/v1/uploads': WRITERS,
  'POST /api/v1/import/property': WRITERS,
  'POST /api/v1/import/events': WRITERS,
  'POST /api/v1/import/channels': WRITERS,
  'GET /api/v1/categories': EVERYONE,
  'POST /api/v1/geographies/:id/recompute-scores': WRITERS,
  'GET /api/v1/geographies/:id/scores': EVERYONE,
  'POST /api/v1/reports': WRITERS,
  'GET /api/v1/reports': EVERYONE,
  'GET /api/v1/reports/:id': EVERYONE,
  'GET /api/v1/reports/:id/export': EVERYONE,
  'POST /api/v1/scans': WRITERS,
  'GET /api/v1/scans': EVERYONE,
  'GET /api/v1/scans/:id': EVERYONE,
  'GET /api/v1/scans/:id/export': EVERYONE,
};

/** A small valid events CSV for the upload and import routes. */
const MATRIX_CSV = 'event_name,start_date,zip_code\nMatrix Home Show,2026-04-11,19002\n';

async function uploadCsv(url: string, headers: Record<string, string>): Promise<string> {
  const response = await request(url)
    .post('/api/v1/uploads')
    .set(headers)
    .attach('file', Buffer.from(MATRIX_CSV), 'matrix.csv')
    .expect(201);
  return (response.body as { file_ref: string }).file_ref;
}

interface Tenant {
  clientId: string;
  sessions: Record<'admin' | 'analyst' | 'client', Session>;
  /** A geography with one channel, seeded over HTTP by the tenant's admin. */
  geographyId: string;
  channelId: string;
}

describe('access matrix and tenant isolation over HTTP', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let platform: Session;
  let tenantA: Tenant;
  let tenantB: Tenant;
  // Census refreshes started by the matrix run against a local fake, never the real API.
  let fakeCensus: FakeCensusServer;
  /** A Census ingestion run of each tenant, started over HTTP by its admin. */
  let runA: string;
  let runB: string;
  /** An uploaded CSV of each tenant. */
  let fileRefA: string;
  let fileRefB: string;
  /** A finished report of each tenant. */
  let reportA: string;
  let reportB: string;
  /** A finished scan of each tenant (Delaware: few ZCTAs, so few requests to the fake API). */
  let scanA: string;
  let scanB: string;
  /** A public cache fill started by the platform admin. */
  let fillId: string;

  async function finishedScan(headers: Record<string, string>): Promise<string> {
    const created = await request(api.url)
      .post('/api/v1/scans')
      .set(headers)
      .send({ category: 'roofing', state: 'DE', limit: 5 })
      .expect(202);
    const id = (created.body as { id: string }).id;
    for (let i = 0; i < 200; i += 1) {
      const scan = await request(api.url).get(`/api/v1/scans/${id}`).set(headers);
      if (scan.body.status === 'success') return id;
      if (scan.body.status === 'failed') throw new Error(`scan failed: ${scan.body.error_message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('scan not finished in time');
  }

  async function finishedReport(headers: Record<string, string>, geographyId: string): Promise<string> {
    const created = await request(api.url)
      .post('/api/v1/reports')
      .set(headers)
      .send({ geography_id: geographyId, category: 'roofing' })
      .expect(202);
    const id = (created.body as { id: string }).id;
    for (let i = 0; i < 100; i += 1) {
      const report = await request(api.url).get(`/api/v1/reports/${id}`).set(headers);
      if (report.body.status === 'success') return id;
      if (report.body.status === 'failed') throw new Error(`report failed: ${report.body.error_message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('report not finished in time');
  }

  async function newCensusRun(headers: Record<string, string>, geographyId: string): Promise<string> {
    const response = await request(api.url)
      .post(`/api/v1/geographies/${geographyId}/refresh-census`)
      .set(headers)
      .expect(202);
    return (response.body as { ingestion_run_id: string }).ingestion_run_id;
  }

  async function tenant(factory: AuthFactory, label: string): Promise<Tenant> {
    const client = await factory.createClient(platform, uniqueName(label));
    const admin = await factory.userSession(platform, Role.Admin, client.id);
    const geographyId = await newGeography(admin.headers);
    return {
      clientId: client.id,
      sessions: {
        admin,
        analyst: await factory.userSession(admin, Role.Analyst),
        client: await factory.userSession(admin, Role.Client),
      },
      geographyId,
      channelId: await newChannel(admin.headers, geographyId),
    };
  }

  async function newGeography(headers: Record<string, string>): Promise<string> {
    const response = await request(api.url)
      .post('/api/v1/geographies')
      .set(headers)
      .send({ name: uniqueName('Matrix geography'), zip_codes: ['19002', '19034'] })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async function newChannel(headers: Record<string, string>, geographyId: string): Promise<string> {
    const response = await request(api.url)
      .post('/api/v1/channels')
      .set(headers)
      .send({
        geography_id: geographyId,
        channel_type: 'hoa',
        name: uniqueName('Matrix HOA'),
        zip_code: '19002',
      })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  beforeAll(async () => {
    fakeCensus = await startFakeCensusServer();
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', CENSUS_API_BASE_URL: fakeCensus.baseUrl });
    const factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    tenantA = await tenant(factory, 'Tenant A');
    tenantB = await tenant(factory, 'Tenant B');
    runA = await newCensusRun(tenantA.sessions.admin.headers, tenantA.geographyId);
    runB = await newCensusRun(tenantB.sessions.admin.headers, tenantB.geographyId);
    fileRefA = await uploadCsv(api.url, tenantA.sessions.admin.headers);
    fileRefB = await uploadCsv(api.url, tenantB.sessions.admin.headers);
    reportA = await finishedReport(tenantA.sessions.admin.headers, tenantA.geographyId);
    reportB = await finishedReport(tenantB.sessions.admin.headers, tenantB.geographyId);
    scanA = await finishedScan(tenantA.sessions.admin.headers);
    scanB = await finishedScan(tenantB.sessions.admin.headers);
    const fills = await request(api.url)
      .post('/api/v1/census-cache/fills')
      .set(platform.headers)
      .send({ scope: 'DE', datasets: ['acs'] })
      .expect(202);
    fillId = (fills.body as { id: string }[])[0].id;
  });
  afterAll(async () => {
    await api.stop();
    await fakeCensus.close();
  });

  const sessionOf = (actor: Actor, of: Tenant = tenantA): Session =>
    actor === 'platform' ? platform : of.sessions[actor];

  /** A request an allowed caller could make: ids of its own tenant, a valid body. */
  async function call(route: string, actor: Actor) {
    const [method, path] = route.split(' ');
    const session = sessionOf(actor);
    const ownUser = tenantA.sessions.analyst.user.id;
    // DELETE gets a fresh object each time, so that every allowed caller has one to delete.
    const adminA = tenantA.sessions.admin.headers;
    const geographyId =
      route === 'DELETE /api/v1/geographies/:id' ? await newGeography(adminA) : tenantA.geographyId;
    const channelId =
      route === 'DELETE /api/v1/channels/:id'
        ? await newChannel(adminA, tenantA.geographyId)
        : tenantA.channelId;
    const url = path
      .replace('/clients/:id', `/clients/${tenantA.clientId}`)
      .replace('/users/:id', `/users/${ownUser}`)
      .replace('/geographies/:id', `/geographies/${geographyId}`)
      .replace('/channels/:id', `/channels/${channelId}`)
      .replace(/\/signals$/, `/signals?geography_id=${tenantA.geographyId}`)
      .replace('/ingestion-runs/:id', `/ingestion-runs/${runA}`)
      .replace(/\/scores$/, '/scores?category=roofing')
      .replace('/reports/:id', `/reports/${reportA}`)
      .replace('/scans/:id', `/scans/${scanA}`)
      .replace('/fills/:id', `/fills/${fillId}`)
      .replace(/\/preview$/, '/preview?zip_code=19002&radius_miles=3')
      .replace(/\/export$/, '/export?format=json')
      .replace(
        /\/import\/(property|events|channels)$/,
        (importPath) => `${importPath}?geography_id=${tenantA.geographyId}&file_ref=${fileRefA}`,
      );
    const bodies: Record<string, object> = {
      'POST /api/v1/clients': { name: uniqueName('Matrix') },
      'POST /api/v1/users': {
        email: uniqueEmail('matrix'),
        password: TEST_PASSWORD,
        role: 'analyst',
        client_id: tenantA.clientId,
      },
      'PATCH /api/v1/users/:id': { is_active: true },
      'POST /api/v1/geographies': { name: uniqueName('Matrix'), zip_codes: ['19002'] },
      'POST /api/v1/zip-codes/check': { zip_codes: ['19002', '1900'] },
      'PATCH /api/v1/geographies/:id': { zip_codes: ['19002', '19034'] },
      'POST /api/v1/channels': {
        geography_id: tenantA.geographyId,
        channel_type: 'library',
        name: uniqueName('Matrix library'),
        city: 'Ambler',
        state: 'PA',
      },
      'PATCH /api/v1/channels/:id': { estimated_reach: 100 },
      'POST /api/v1/reports': { geography_id: tenantA.geographyId, category: 'moving' },
      'POST /api/v1/scans': { category: 'moving', state: 'DE', limit: 3 },
      'POST /api/v1/census-cache/fills': { scope: 'DE', datasets: ['acs'] },
    };
    const agent = request(api.url);
    const pending = (
      agent[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'] as (url: string) => request.Test
    )(url)
      .set(session.headers)
      .set(actor === 'platform' ? { 'X-Client-Id': tenantA.clientId } : {});
    if (route === 'POST /api/v1/uploads')
      return pending.attach('file', Buffer.from(MATRIX_CSV), 'matrix.csv');
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
      // A refresh or import the previous actor started may still be in flight: the 409 that names it
      // is the route's own answer, given after authorization passed.
      const inFlight = response.status === 409 && typeof response.body.ingestion_run_id === 'string';
      expect(inFlight ? 202 : response.status).toBeLessThan(400);
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

  describe('geographies, channels and signals of another tenant answer 404', () => {
    const tenantRoles = ['admin', 'analyst', 'client'] as const;
    const missingId = '00000000-0000-4000-8000-000000000000';

    async function expectLikeMissing(send: (id: string) => request.Test, foreignId: string): Promise<void> {
      const foreign = await send(foreignId);
      const missing = await send(missingId);
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body).replace(foreignId, missingId)).toBe(JSON.stringify(missing.body));
    }

    it.each(tenantRoles)('GET /geographies/:id, /channels/:id and /signals as %s', async (role) => {
      const headers = tenantA.sessions[role].headers;
      const get = (path: string) => request(api.url).get(path).set(headers);
      await get(`/api/v1/geographies/${tenantA.geographyId}`).expect(200);
      await get(`/api/v1/channels/${tenantA.channelId}`).expect(200);
      await expectLikeMissing((id) => get(`/api/v1/geographies/${id}`), tenantB.geographyId);
      await expectLikeMissing((id) => get(`/api/v1/channels/${id}`), tenantB.channelId);
      await expectLikeMissing((id) => get(`/api/v1/signals?geography_id=${id}`), tenantB.geographyId);
      await expectLikeMissing((id) => get(`/api/v1/channels?geography_id=${id}`), tenantB.geographyId);
    });

    it.each(['admin', 'analyst'] as const)(
      'PATCH and DELETE /geographies/:id and /channels/:id as %s',
      async (role) => {
        const headers = tenantA.sessions[role].headers;
        const agent = () => request(api.url);
        await expectLikeMissing(
          (id) => agent().patch(`/api/v1/geographies/${id}`).set(headers).send({ name: 'Taken over' }),
          tenantB.geographyId,
        );
        await expectLikeMissing(
          (id) => agent().patch(`/api/v1/channels/${id}`).set(headers).send({ notes: 'Taken over' }),
          tenantB.channelId,
        );
        await expectLikeMissing(
          (id) =>
            agent().post('/api/v1/channels').set(headers).send({
              geography_id: id,
              channel_type: 'hoa',
              name: 'Intruder HOA',
              city: 'Ambler',
              state: 'PA',
            }),
          tenantB.geographyId,
        );
        await expectLikeMissing(
          (id) => agent().delete(`/api/v1/channels/${id}`).set(headers),
          tenantB.channelId,
        );
        await expectLikeMissing(
          (id) => agent().delete(`/api/v1/geographies/${id}`).set(headers),
          tenantB.geographyId,
        );
        // Tenant B's objects are untouched.
        const adminB = tenantB.sessions.admin.headers;
        const geography = await agent()
          .get(`/api/v1/geographies/${tenantB.geographyId}`)
          .set(adminB)
          .expect(200);
        expect(geography.body.name).not.toBe('Taken over');
        const channel = await agent().get(`/api/v1/channels/${tenantB.channelId}`).set(adminB).expect(200);
        expect(channel.body.notes).toBeNull();
      },
    );
  });

  describe('Census refresh, freshness and ingestion runs of another tenant answer 404', () => {
    const missingId = '00000000-0000-4000-8000-000000000000';

    it.each(['admin', 'analyst', 'client'] as const)('as %s', async (role) => {
      const headers = tenantA.sessions[role].headers;
      const sends: [(id: string) => request.Test, string][] = [
        [(id) => request(api.url).get(`/api/v1/ingestion-runs/${id}`).set(headers), runB],
        [
          (id) => request(api.url).get(`/api/v1/geographies/${id}/freshness`).set(headers),
          tenantB.geographyId,
        ],
      ];
      if (role !== 'client') {
        sends.push(
          [
            (id) => request(api.url).post(`/api/v1/geographies/${id}/refresh-census`).set(headers),
            tenantB.geographyId,
          ],
          [
            (id) => request(api.url).post(`/api/v1/geographies/${id}/refresh-business`).set(headers),
            tenantB.geographyId,
          ],
        );
      }
      await request(api.url).get(`/api/v1/ingestion-runs/${runA}`).set(headers).expect(200);
      for (const [send, foreignId] of sends) {
        const foreign = await send(foreignId);
        const missing = await send(missingId);
        expect(foreign.status).toBe(404);
        expect(JSON.stringify(foreign.body).replace(foreignId, missingId)).toBe(JSON.stringify(missing.body));
      }
    });
  });

  describe('reports and scores of another tenant answer 404', () => {
    const missingId = '00000000-0000-4000-8000-000000000000';

    it.each(['admin', 'analyst', 'client'] as const)('as %s', async (role) => {
      const headers = tenantA.sessions[role].headers;
      const sends: [(id: string) => request.Test, string][] = [
        [(id) => request(api.url).get(`/api/v1/reports/${id}`).set(headers), reportB],
        [(id) => request(api.url).get(`/api/v1/reports/${id}/export?format=csv`).set(headers), reportB],
        [
          (id) => request(api.url).get(`/api/v1/geographies/${id}/scores?category=roofing`).set(headers),
          tenantB.geographyId,
        ],
      ];
      if (role !== 'client') {
        sends.push(
          [
            (id) =>
              request(api.url)
                .post('/api/v1/reports')
                .set(headers)
                .send({ geography_id: id, category: 'roofing' }),
            tenantB.geographyId,
          ],
          [
            (id) => request(api.url).post(`/api/v1/geographies/${id}/recompute-scores`).set(headers),
            tenantB.geographyId,
          ],
        );
      }
      await request(api.url).get(`/api/v1/reports/${reportA}`).set(headers).expect(200);
      for (const [send, foreignId] of sends) {
        const foreign = await send(foreignId);
        const missing = await send(missingId);
        expect(foreign.status).toBe(404);
        expect(JSON.stringify(foreign.body).replace(foreignId, missingId)).toBe(JSON.stringify(missing.body));
      }
    });

    it.each(['admin', 'analyst', 'client'] as const)('GET /scans/:id and its export as %s', async (role) => {
      const headers = tenantA.sessions[role].headers;
      const sends: [(id: string) => request.Test, string][] = [
        [(id) => request(api.url).get(`/api/v1/scans/${id}`).set(headers), scanB],
        [(id) => request(api.url).get(`/api/v1/scans/${id}/export?format=csv`).set(headers), scanB],
      ];
      if (role !== 'client') {
        sends.push([
          (id) =>
            request(api.url)
              .post('/api/v1/geographies')
              .set(headers)
              .send({ name: uniqueName('From a foreign scan'), from_scan: { scan_id: id, top: 3 } }),
          scanB,
        ]);
      }
      await request(api.url).get(`/api/v1/scans/${scanA}`).set(headers).expect(200);
      for (const [send, foreignId] of sends) {
        const foreign = await send(foreignId);
        const missing = await send(missingId);
        expect(foreign.status).toBe(404);
        expect(JSON.stringify(foreign.body).replace(foreignId, missingId)).toBe(JSON.stringify(missing.body));
      }
      const list = await request(api.url).get('/api/v1/scans').set(headers).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(scanB);
      expect(JSON.stringify(list.body)).toContain(scanA);
    });

    it.each(['admin', 'analyst', 'client'] as const)('GET /reports never lists them, as %s', async (role) => {
      const response = await request(api.url)
        .get('/api/v1/reports')
        .set(tenantA.sessions[role].headers)
        .expect(200);
      const text = JSON.stringify(response.body);
      for (const id of [reportB, tenantB.clientId, tenantB.geographyId]) expect(text).not.toContain(id);
      expect(text).toContain(reportA);
    });
  });

  describe('uploads and geographies of another tenant are unknown to imports (404)', () => {
    it.each(['admin', 'analyst'] as const)('POST /import/* as %s', async (role) => {
      const headers = tenantA.sessions[role].headers;
      const missingRef = '0'.repeat(32);
      const missingGeography = '00000000-0000-4000-8000-000000000000';
      for (const kind of ['property', 'events', 'channels']) {
        const send = (geographyId: string, fileRef: string) =>
          request(api.url)
            .post(`/api/v1/import/${kind}`)
            .query({ geography_id: geographyId, file_ref: fileRef })
            .set(headers);
        const foreignRef = await send(tenantA.geographyId, fileRefB);
        const missingRefAnswer = await send(tenantA.geographyId, missingRef);
        expect(foreignRef.status).toBe(404);
        expect(JSON.stringify(foreignRef.body).replace(fileRefB, missingRef)).toBe(
          JSON.stringify(missingRefAnswer.body),
        );
        const foreignGeography = await send(tenantB.geographyId, fileRefA);
        const missingGeographyAnswer = await send(missingGeography, fileRefA);
        expect(foreignGeography.status).toBe(404);
        expect(JSON.stringify(foreignGeography.body).replace(tenantB.geographyId, missingGeography)).toBe(
          JSON.stringify(missingGeographyAnswer.body),
        );
      }
    });
  });

  describe('lists never include another tenant’s rows', () => {
    it.each(['admin', 'analyst', 'client'] as const)('GET /ingestion-runs as %s', async (role) => {
      const response = await request(api.url)
        .get('/api/v1/ingestion-runs')
        .set(tenantA.sessions[role].headers)
        .expect(200);
      const text = JSON.stringify(response.body);
      for (const id of [runB, tenantB.clientId, tenantB.geographyId]) expect(text).not.toContain(id);
      expect(text).toContain(runA);
    });

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

    it.each(['admin', 'analyst', 'client'] as const)(
      'GET /geographies, /channels and /signals as %s',
      async (role) => {
        const headers = tenantA.sessions[role].headers;
        const geographies = await request(api.url).get('/api/v1/geographies').set(headers).expect(200);
        const channels = await request(api.url).get('/api/v1/channels').set(headers).expect(200);
        const signals = await request(api.url)
          .get(`/api/v1/signals?geography_id=${tenantA.geographyId}`)
          .set(headers)
          .expect(200);
        for (const body of [geographies.body, channels.body, signals.body]) {
          const text = JSON.stringify(body);
          for (const id of [tenantB.clientId, tenantB.geographyId, tenantB.channelId])
            expect(text).not.toContain(id);
        }
        expect(JSON.stringify(geographies.body)).toContain(tenantA.geographyId);
        expect(JSON.stringify(channels.body)).toContain(tenantA.channelId);
      },
    );

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
