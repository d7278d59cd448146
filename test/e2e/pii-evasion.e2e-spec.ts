// The spellings that used to step around the value detectors, sent the way a careless user or an
// attacker would: through the API's write routes, an import and an upload's file name. Each is refused
// (or, for a file name, not kept) and none reaches the database.
import { Role } from '@lbi/contracts';
import { JobQueue } from '@lbi/server';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

const EVASIONS: [string, string][] = [
  ['jane＠example.com', 'an email address'],
  ['jane at example dot com', 'an email address'],
  ['ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ', 'an email address'],
  ['215–555–0142', 'a phone number'],
  ['２１５ ５５５ ０１４２', 'a phone number'],
  ['215/555/0142', 'a phone number'],
  ['215_555_0142', 'a phone number'],
  ['2\u200b1\u200b5-555-0142', 'a phone number'],
  ['cell 555 0142', 'a phone number'],
  ['SSN 123.45.6789', 'a Social Security number'],
  ['ssn: 078051120', 'a Social Security number'],
];

describe('PII spellings that step around a naive detector', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let analyst: Session;
  let clientId: string;
  let geo: string;

  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
    db = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    clientId = (await factory.createClient(platform, uniqueName('Evasion'))).id;
    analyst = await factory.userSession(platform, Role.Analyst, clientId);
    geo = (
      await request(api.url)
        .post('/api/v1/geographies')
        .set(analyst.headers)
        .send({ name: uniqueName('Evasion geo'), zip_codes: ['19002'] })
        .expect(201)
    ).body.id;
  });
  afterAll(() => api?.stop());

  const everything = async () =>
    JSON.stringify(
      await db.query(
        `SELECT c.name, c.notes, r.error_message, r.details, u.original_filename
         FROM clients k LEFT JOIN channels c ON c.client_id = k.id LEFT JOIN ingestion_runs r ON r.client_id = k.id
         LEFT JOIN uploads u ON u.client_id = k.id WHERE k.id = $1`,
        [clientId],
      ),
    );

  it.each(EVASIONS)('refuses %j in a channel note over HTTP (%s)', async (value, kind) => {
    const response = await request(api.url)
      .post('/api/v1/channels')
      .set(analyst.headers)
      .send({ geography_id: geo, channel_type: 'library', name: uniqueName('Library'), notes: value })
      .expect(400);
    expect(response.body.message).toContain(`"notes" contains ${kind}`);
    expect(JSON.stringify(response.body)).not.toContain(value);
  });

  it('refuses them in an imported CSV, never echoing them', async () => {
    const rows = EVASIONS.map(([value], i) => `library,Branch ${i},19002,"${value}"`).join('\n');
    const fileRef = (
      await request(api.url)
        .post('/api/v1/uploads')
        .set(analyst.headers)
        .attach('file', Buffer.from(`channel_type,name,zip_code,notes\n${rows}\n`), 'channels.csv')
        .expect(201)
    ).body.file_ref;
    const started = await request(api.url)
      .post('/api/v1/import/channels')
      .query({ geography_id: geo, file_ref: fileRef })
      .set(analyst.headers)
      .expect(202);
    await api.app.get(JobQueue).drain(60_000);
    const run = (
      await request(api.url)
        .get(`/api/v1/ingestion-runs/${started.body.ingestion_run_id}`)
        .set(analyst.headers)
    ).body;
    expect(run.status).toBe('failed');
    expect(run.details.error_count).toBe(EVASIONS.length);
    const stored = await everything();
    for (const [value] of EVASIONS) expect(stored).not.toContain(value);
  });

  it('does not keep an upload file name that holds PII in any of these spellings', async () => {
    for (const name of ['jane＠example.com.csv', '215–555–0142 list.csv', 'ssn 078051120.csv']) {
      const response = await request(api.url)
        .post('/api/v1/uploads')
        .set(analyst.headers)
        .attach('file', Buffer.from('channel_type,name,zip_code\nlibrary,Ambler Library,19002\n'), name)
        .expect(201);
      expect(response.body.filename).toBe('upload.csv');
    }
    expect(await everything()).not.toMatch(/jane|0142|078051120/);
  });
});
