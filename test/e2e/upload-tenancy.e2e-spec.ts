// Uploads and tenant reads sent the way real clients send them: the head first and the body later,
// on keep-alive connections that earlier requests of other tenants (or the platform admin) used, and
// many at once. Every answer must be the caller's own tenant's.
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lbi/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { BodyPiece, multipartFile, rawRequest, RawResponse } from '../support/raw-http';
import { startTestApi } from '../support/start-test-api';
import { testRedisUrl } from '../support/test-env';

const CSV = 'channel_type,name,zip_code,estimated_reach\nhoa,Oak Hill Estates HOA,19002,420\n';

describe('uploads and reads over slow, shared keep-alive connections', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let uploadDir: string;
  let platform: Session;
  let analystA: Session;
  let analystB: Session;
  let clientA: string;
  let clientB: string;
  let geoA: string;
  let geoB: string;
  let createGeography: (session: Session) => Promise<string>;
  const agents: Agent[] = [];
  const keepAlive = (maxSockets: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets });
    agents.push(agent);
    return agent;
  };

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-slow-uploads-'));
    // With REDIS_URL (CI) the API runs on the Bull driver; without it, inline: both drivers are covered.
    const redis = testRedisUrl();
    api = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      UPLOAD_DIR: uploadDir,
      ...(redis ? { REDIS_URL: redis, QUEUE_PREFIX: `lbi-slow-${randomUUID().slice(0, 8)}` } : {}),
    });
    db = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    platform = await factory.platformAdmin();
    clientA = (await factory.createClient(platform, uniqueName('Slow A'))).id;
    clientB = (await factory.createClient(platform, uniqueName('Slow B'))).id;
    analystA = await factory.userSession(platform, Role.Analyst, clientA);
    analystB = await factory.userSession(platform, Role.Analyst, clientB);
    const geography = async (session: Session) =>
      (
        await request(api.url)
          .post('/api/v1/geographies')
          .set(session.headers)
          .send({ name: uniqueName('Slow geo'), zip_codes: ['19002', '19003'] })
          .expect(201)
      ).body.id as string;
    createGeography = geography;
    geoA = await geography(analystA);
    geoB = await geography(analystB);
  });

  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    await api.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const auth = (session: Session, extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${session.token}`,
    ...extra,
  });

  function slowUpload(
    session: Session,
    agent: Agent,
    pacing: 'delay40' | 'delay200' | 'bytes',
    content: string = CSV,
  ): Promise<RawResponse> {
    const part = multipartFile(content, 'channels.csv');
    const body: BodyPiece[] =
      pacing === 'bytes'
        ? [{ data: Buffer.concat([part.head, part.content, part.tail]), byteByByte: true, delayMs: 40 }]
        : [
            { data: part.head, delayMs: pacing === 'delay40' ? 40 : 200 },
            { data: part.content, delayMs: pacing === 'delay40' ? 40 : 200 },
            { data: part.tail, delayMs: 10 },
          ];
    return rawRequest(api.url, {
      method: 'POST',
      path: '/api/v1/uploads',
      headers: auth(session, { 'Content-Type': part.contentType }),
      body,
      agent,
    });
  }

  const ownerOf = async (fileRef: string): Promise<string | undefined> =>
    (await db.query(`SELECT client_id FROM uploads WHERE file_ref = $1`, [fileRef]))[0]?.client_id;

  const importAs = (session: Session, geographyId: string, fileRef: string) =>
    request(api.url)
      .post('/api/v1/import/channels')
      .query({ geography_id: geographyId, file_ref: fileRef })
      .set(session.headers);

  const previous = {
    'the platform admin acting in the other tenant': () => ({
      session: () => platform,
      headers: () => ({ 'X-Client-Id': clientB }),
    }),
    "the other tenant's user": () => ({ session: () => analystB, headers: () => ({}) }),
  };

  describe.each(Object.keys(previous))('after a request by %s on the same connection', (who) => {
    it.each(['delay40', 'delay200', 'bytes'] as const)(
      'an upload whose body arrives late (%s) answers 201 and belongs to the uploader',
      async (pacing) => {
        const agent = keepAlive(1);
        const before = previous[who as keyof typeof previous]();
        const first = await rawRequest(api.url, {
          method: 'GET',
          path: '/api/v1/geographies',
          headers: auth(before.session(), before.headers()),
          agent,
        });
        expect(first.status).toBe(200);
        expect((first.body as { client_id: string }[]).every((g) => g.client_id === clientB)).toBe(true);

        const uploaded = await slowUpload(analystA, agent, pacing);
        expect({ status: uploaded.status, body: uploaded.body }).toEqual({
          status: 201,
          body: expect.objectContaining({ file_ref: expect.stringMatching(/^[0-9a-f]{32}$/) }),
        });
        // The same connection carried both requests.
        expect(uploaded.reusedSocket).toBe(true);
        expect(uploaded.socketId).toBe(first.socketId);
        const fileRef = (uploaded.body as { file_ref: string }).file_ref;
        expect(await ownerOf(fileRef)).toBe(clientA);
        // The storage callback logs under this request's id, not an empty or a neighbour's context.
        const stored = api.logs.map((line) => JSON.parse(line)).find((entry) => entry.file_ref === fileRef);
        expect(stored).toMatchObject({ msg: 'upload stored', req: { id: uploaded.headers['x-request-id'] } });
        // The other tenant cannot import it; its owner can (into a geography of its own here: on Bull
        // without a worker an earlier case's import is still queued for geoA, which would answer 409).
        await importAs(analystB, geoB, fileRef).expect(404);
        await importAs(analystA, await createGeography(analystA), fileRef).expect(202);
      },
    );
  });

  it('a tenant user never gets the platform admin’s "send X-Client-Id" message, however the body arrives', async () => {
    const agent = keepAlive(1);
    const answers = await Promise.all(
      (['delay40', 'bytes', 'delay200'] as const).map((pacing) => slowUpload(analystB, agent, pacing)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      expect(answer.text).not.toMatch(/X-Client-Id/);
      expect(await ownerOf((answer.body as { file_ref: string }).file_ref)).toBe(clientB);
    }
  });

  it('50 concurrent requests of two tenants on 4 shared keep-alive connections each see only their own data', async () => {
    const agent = keepAlive(4);
    const tenants = [
      { name: 'A', session: analystA, clientId: clientA, own: geoA, other: geoB },
      { name: 'B', session: analystB, clientId: clientB, own: geoB, other: geoA },
    ];
    const kinds = ['upload', 'list', 'detail', 'foreign-detail', 'write'] as const;
    const checks = Array.from(
      { length: 50 },
      async (_, i): Promise<{ label: string; fileRef?: string; clientId?: string }> => {
        const tenant = tenants[i % 2];
        const kind = kinds[Math.floor(i / 2) % kinds.length];
        const headers = auth(tenant.session);
        const label = `#${i} ${kind} by ${tenant.name}`;
        if (kind === 'upload') {
          const answer = await slowUpload(tenant.session, agent, i % 4 === 0 ? 'bytes' : 'delay40');
          expect([label, answer.status, answer.status === 201 ? null : answer.body]).toEqual([
            label,
            201,
            null,
          ]);
          return {
            label,
            fileRef: (answer.body as { file_ref: string }).file_ref,
            clientId: tenant.clientId,
          };
        }
        if (kind === 'write') {
          const payload = JSON.stringify({
            geography_id: tenant.own,
            channel_type: 'library',
            name: `Branch library ${i} ${randomUUID().slice(0, 6)}`,
            zip_code: '19002',
          });
          const answer = await rawRequest(api.url, {
            method: 'POST',
            path: '/api/v1/channels',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: [
              { data: payload.slice(0, 10), delayMs: 20 },
              { data: payload.slice(10), delayMs: 20 },
            ],
            agent,
          });
          expect([label, answer.status, (answer.body as { client_id?: string }).client_id]).toEqual([
            label,
            201,
            tenant.clientId,
          ]);
          return { label };
        }
        const path =
          kind === 'list'
            ? '/api/v1/geographies'
            : `/api/v1/geographies/${kind === 'detail' ? tenant.own : tenant.other}`;
        const answer = await rawRequest(api.url, { method: 'GET', path, headers, agent });
        if (kind === 'list') {
          const ids = (answer.body as { id: string; client_id: string }[]).map((g) => [g.id, g.client_id]);
          expect([label, answer.status]).toEqual([label, 200]);
          expect(ids).toContainEqual([tenant.own, tenant.clientId]);
          expect(ids.every(([, owner]) => owner === tenant.clientId)).toBe(true);
        } else if (kind === 'detail') {
          expect([label, answer.status, (answer.body as { client_id: string }).client_id]).toEqual([
            label,
            200,
            tenant.clientId,
          ]);
        } else {
          expect([label, answer.status, answer.status === 404 ? null : answer.body]).toEqual([
            label,
            404,
            null,
          ]);
        }
        return { label };
      },
    );
    const results = await Promise.all(checks);
    for (const result of results) {
      if ('fileRef' in result && result.fileRef)
        expect([result.label, await ownerOf(result.fileRef)]).toEqual([result.label, result.clientId]);
    }
    // No request lost its tenant along the way (that would be logged as an error).
    expect(api.logs.filter((line) => /tenant context|without its tenant/i.test(line))).toEqual([]);
  });

  it('a multi-megabyte CSV streamed in small writes arrives whole and belongs to the uploader', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `community_event,Community fair number ${i},19002,${100 + (i % 900)}`,
    );
    const content = `channel_type,name,zip_code,estimated_reach\n${rows.join('\n')}\n`;
    expect(content.length).toBeGreaterThan(2_500_000);
    const part = multipartFile(content, 'big-channels.csv');
    const bytes = part.content;
    const body: BodyPiece[] = [{ data: part.head, delayMs: 40 }];
    for (let offset = 0; offset < bytes.length; offset += 16 * 1024) {
      body.push({
        data: bytes.subarray(offset, offset + 16 * 1024),
        delayMs: offset % (256 * 1024) === 0 ? 5 : 0,
      });
    }
    body.push({ data: part.tail });
    const answer = await rawRequest(api.url, {
      method: 'POST',
      path: '/api/v1/uploads',
      headers: auth(analystA, { 'Content-Type': part.contentType }),
      body,
      agent: keepAlive(1),
    });
    expect(answer.status).toBe(201);
    const uploaded = answer.body as { file_ref: string; size_bytes: number };
    expect(uploaded.size_bytes).toBe(bytes.length);
    const [row] = await db.query(`SELECT client_id, sha256 FROM uploads WHERE file_ref = $1`, [
      uploaded.file_ref,
    ]);
    expect(row).toEqual({ client_id: clientA, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});
