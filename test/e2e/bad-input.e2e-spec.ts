// Bad input, table-driven (docs/RELIABILITY.md, "Bad input"): malformed uploads, imports, JSON bodies,
// query strings and paths. Every refusal is a 4xx in the contract shape whose message says what to
// fix and repeats nothing of the refused input; nothing is stored; no request logs an error; and the
// server is healthy after each batch. A file that is a well-formed CSV or calendar but wrong inside is
// accepted by POST /uploads and refused by its import run (POST /import/* answers 202 by contract):
// the run fails naming row and column, and writes nothing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lbi/contracts';
import { JobQueue } from '@lbi/server';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { fieldCases } from '../support/bad-input-fields';
import { CANARY, UPLOAD_REFUSALS } from '../support/bad-input-files';
import { requestCases } from '../support/bad-input-requests';
import { RUN_FAILURES } from '../support/bad-input-runs';
import { startTestApi } from '../support/start-test-api';
import { repeatedBytes, streamedUpload } from '../support/streamed-upload';

const MIB = 1024 * 1024;
const ERROR_SHAPE = {
  status_code: expect.any(Number),
  error: expect.any(String),
  message: expect.anything(),
};

describe('bad input: malformed uploads, imports and requests', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let uploadDir: string;
  let analyst: Session;
  let clientId: string;
  let geo: string;
  let otherGeo: string;
  let icsRef: string;
  const tally = { refused: 0, runsFailed: 0 };

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-bad-input-'));
    api = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      UPLOAD_DIR: uploadDir,
      ICS_MAX_EVENTS: '50',
      ICS_MAX_BYTES: String(64 * 1024),
    });
    db = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    clientId = (await factory.createClient(platform, uniqueName('Bad input'))).id;
    analyst = await factory.userSession(platform, Role.Analyst, clientId);
    const otherClient = await factory.createClient(platform, uniqueName('Bad input other'));
    const other = await factory.userSession(platform, Role.Analyst, otherClient.id);
    geo = await geography(analyst);
    otherGeo = await geography(other);
    icsRef = (
      await upload(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        'cal.ics',
      ).expect(201)
    ).body.file_ref;
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  async function geography(session: Session): Promise<string> {
    const response = await request(api.url)
      .post('/api/v1/geographies')
      .set(session.headers)
      .send({ name: uniqueName('Bad input geo'), zip_codes: ['19002', '19003'] })
      .expect(201);
    return response.body.id;
  }

  const upload = (content: Buffer | string, filename = 'data.csv') =>
    request(api.url)
      .post('/api/v1/uploads')
      .set(analyst.headers)
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), filename);

  /** Row counts of everything a request of the tenant could write, and the files on disk. */
  async function stored(): Promise<Record<string, unknown>> {
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM uploads WHERE client_id = $1)::int AS uploads,
              (SELECT count(*) FROM ingestion_runs WHERE client_id = $1)::int AS runs,
              (SELECT count(*) FROM geographies WHERE client_id = $1)::int AS geographies,
              (SELECT count(*) FROM channels WHERE client_id = $1)::int AS channels,
              (SELECT count(*) FROM demand_signals WHERE client_id = $1)::int AS signals,
              (SELECT count(*) FROM property_aggregates WHERE client_id = $1)::int AS property,
              (SELECT count(*) FROM intelligence_reports WHERE client_id = $1)::int AS reports`,
      [clientId],
    );
    return { ...counts, files: readdirSync(uploadDir).length };
  }

  /** Rows the imports write (channels, signals, property aggregates): a failed run leaves them as they were. */
  const imported = async () => {
    const { channels, signals, property } = await stored();
    return { channels, signals, property };
  };

  /** A refusal in the contract shape, saying what to fix, without the refused input. */
  function expectRefusal(
    label: string,
    response: { status: number; body: unknown; text: string },
    status: number,
    message: RegExp,
    echoes: string[] = [],
  ): void {
    expect([label, response.status]).toEqual([label, status]);
    expect([label, response.body]).toEqual([label, { ...ERROR_SHAPE, status_code: status }]);
    const text = [(response.body as { message: unknown }).message].flat().join(' | ');
    expect([label, text]).toEqual([label, expect.stringMatching(message)]);
    for (const echo of [CANARY, ...echoes])
      expect([label, echo, response.text.includes(echo)]).toEqual([label, echo, false]);
  }

  async function expectHealthy(): Promise<void> {
    const health = await request(api.url).get('/api/v1/health').expect(200);
    expect(health.body.status).toBe('ok');
    // No request of the batch reached the generic 500 path.
    expect(api.logs.filter((line) => /"msg":"(unhandled error|tenant context missing)"/.test(line))).toEqual(
      [],
    );
  }

  describe('files POST /uploads refuses', () => {
    it.each(UPLOAD_REFUSALS.map((c) => [c.label, c] as const))('%s', async (label, refusal) => {
      const before = await stored();
      const response = await upload(refusal.content, refusal.filename);
      expectRefusal(label, response, refusal.status, refusal.message);
      expect(await stored()).toEqual(before);
      tally.refused += 1;
    });

    it('a 100 MB single line, streamed: refused (its "column name" is 100 MB long), nothing kept', async () => {
      const before = await stored();
      const response = await streamedUpload(
        api.url,
        analyst.headers,
        'one-line.csv',
        repeatedBytes('x', MIB, 100),
      );
      expectRefusal('100 MB line', response, 415, /a column name is over 200 characters/);
      expect(await stored()).toEqual(before);
      tally.refused += 1;
    });

    it('a multipart body without a file field, or with two files, is refused with what to send', async () => {
      const before = await stored();
      const none = await request(api.url).post('/api/v1/uploads').set(analyst.headers).field('note', CANARY);
      expectRefusal('no file', none, 400, /field named "file"/);
      const two = await request(api.url)
        .post('/api/v1/uploads')
        .set(analyst.headers)
        .attach('file', Buffer.from('a,b\n1,2\n'), 'a.csv')
        .attach('file', Buffer.from('a,b\n1,2\n'), 'b.csv');
      expectRefusal('two files', two, 400, /exactly one file, in a field named "file"/);
      expect(await stored()).toEqual(before);
      tally.refused += 2;
    });

    it('leaves the server healthy', expectHealthy);
  });

  describe('files whose import run fails, writing nothing', () => {
    async function failedRun(kind: string, content: Buffer | string, filename?: string) {
      const ref = (await upload(content, filename).expect(201)).body.file_ref;
      const started = await request(api.url)
        .post(`/api/v1/import/${kind}`)
        .query({ geography_id: geo, file_ref: ref })
        .set(analyst.headers)
        .expect(202);
      await api.app.get(JobQueue).drain(120_000);
      const run = await request(api.url)
        .get(`/api/v1/ingestion-runs/${started.body.ingestion_run_id}`)
        .set(analyst.headers)
        .expect(200);
      return run;
    }

    it.each(RUN_FAILURES.map((c) => [c.label, c] as const))('%s', async (label, failure) => {
      const before = await imported();
      const run = await failedRun(failure.kind, failure.content, failure.filename);
      expect([label, run.body.status, run.body.records_upserted]).toEqual([label, 'failed', 0]);
      expect([label, run.body.error_message]).toEqual([label, expect.stringMatching(failure.message)]);
      expect([label, run.text.includes(CANARY)]).toEqual([label, false]);
      expect(await imported()).toEqual(before);
      tally.runsFailed += 1;
    });

    it('a CSV with a 100 MB row after its header, streamed: the run stops at 64 KB and names line 2', async () => {
      const before = await imported();
      const row = [
        Buffer.from('event_name,start_date\n"'),
        ...repeatedBytes('y', MIB, 100),
        Buffer.from('",2026-05-01\n'),
      ];
      const uploaded = await streamedUpload(api.url, analyst.headers, 'long-row.csv', row);
      expect(uploaded.status).toBe(201);
      const started = await request(api.url)
        .post('/api/v1/import/events')
        .query({ geography_id: geo, file_ref: uploaded.body.file_ref })
        .set(analyst.headers)
        .expect(202);
      await api.app.get(JobQueue).drain(120_000);
      const run = (
        await request(api.url)
          .get(`/api/v1/ingestion-runs/${started.body.ingestion_run_id}`)
          .set(analyst.headers)
      ).body;
      expect(run).toMatchObject({ status: 'failed', records_upserted: 0 });
      expect(run.error_message).toMatch(
        /record that starts on line 2 is longer than 64 KB: is a quote \(".*unclosed/,
      );
      expect(await imported()).toEqual(before);
      tally.runsFailed += 1;
    });

    it('controls: a UTF-8 BOM with CRLF line ends, and SQL or formula text in a free-text name, import as data', async () => {
      // Text fields hold any text: it is bound as a parameter (never SQL) and no export writes it to a
      // spreadsheet cell (the report CSV holds ZIP figures only; exports escape formula triggers anyway).
      const names = [`Robert'); DROP TABLE channels;--`, `=HYPERLINK("http://x.example","y")`, '@SUM(1+1)'];
      const csv = `\uFEFFchannel_type,name,zip_code\r\n${names.map((n) => `library,"${n.replace(/"/g, '""')}",19002`).join('\r\n')}\r\n`;
      const ref = (await upload(csv).expect(201)).body.file_ref;
      const started = await request(api.url)
        .post('/api/v1/import/channels')
        .query({ geography_id: geo, file_ref: ref })
        .set(analyst.headers)
        .expect(202);
      await api.app.get(JobQueue).drain(60_000);
      const run = await request(api.url)
        .get(`/api/v1/ingestion-runs/${started.body.ingestion_run_id}`)
        .set(analyst.headers);
      expect(run.body).toMatchObject({ status: 'success', records_upserted: 3 });
      const listed = await request(api.url)
        .get('/api/v1/channels')
        .query({ geography_id: geo })
        .set(analyst.headers)
        .expect(200);
      expect(listed.body.map((c: { name: string }) => c.name).sort()).toEqual([...names].sort());
      await db.query(`DELETE FROM channels WHERE geography_id = $1`, [geo]);
    });

    it('leaves the server healthy', expectHealthy);
  });

  describe('requests refused at the door', () => {
    const cases = () => {
      const ctx = { url: api.url, headers: analyst.headers, geo, otherGeo, icsRef };
      return [...requestCases(ctx), ...fieldCases(ctx)];
    };

    it('runs every case of the table', async () => {
      const table = cases();
      expect(table.length).toBeGreaterThanOrEqual(50);
      for (const [label, send, status, message, echoes] of table) {
        const before = await stored();
        expectRefusal(label, await send(), status, message, echoes);
        expect([label, await stored()]).toEqual([label, before]);
        tally.refused += 1;
      }
    });

    it('leaves the server healthy', expectHealthy);
  });

  it('logged none of the refused input (request paths are logged as sent, nothing else)', () => {
    const leaked = api.logs.filter((line) => line.replace(/"path":"[^"]*"/g, '').includes(CANARY));
    expect(leaked).toEqual([]);
    expect(api.logs.some((line) => line.includes('"msg":"request completed"'))).toBe(true);
  });

  it('counted at least 60 refusals at the door and 30 failed runs', () => {
    expect(tally.refused).toBeGreaterThanOrEqual(60);
    expect(tally.runsFailed).toBeGreaterThanOrEqual(30);
    process.stdout.write(
      `bad input: ${tally.refused} refused at the door, ${tally.runsFailed} failed runs\n`,
    );
  });
});
