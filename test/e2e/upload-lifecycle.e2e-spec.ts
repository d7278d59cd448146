// What happens to uploaded files: a file holding personal data is refused before it is kept, or
// deleted the moment an import finds it; every other file is deleted after the retention window; a
// tenant's files fit in its quota; and no error message ever repeats what it refused.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lbi/contracts';
import { UploadPurgeJob } from '@lbi/features';
import { JobQueue } from '@lbi/server';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';

const PERSON = /quimby|jane@|555-0142|oak street/i;
const QUOTA = 4096;

describe('upload lifecycle: PII refusal, retention, quota', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let db: DataSource;
  let uploadDir: string;
  let analyst: Session;
  let clientId: string;
  let geo: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'lbi-lifecycle-'));
    api = await startTestApi({
      CONSOLE_DIR: '/nonexistent',
      UPLOAD_DIR: uploadDir,
      UPLOAD_QUOTA_BYTES: String(QUOTA),
    });
    db = api.app.get(DataSource);
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    clientId = (await factory.createClient(platform, uniqueName('Lifecycle'))).id;
    analyst = await factory.userSession(platform, Role.Analyst, clientId);
    geo = (
      await request(api.url)
        .post('/api/v1/geographies')
        .set(analyst.headers)
        .send({ name: uniqueName('Lifecycle geo'), zip_codes: ['19002', '19003'] })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await api.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (content: string, filename = 'data.csv') =>
    request(api.url)
      .post('/api/v1/uploads')
      .set(analyst.headers)
      .attach('file', Buffer.from(content), filename);
  const startImport = (kind: string, fileRef: string) =>
    request(api.url)
      .post(`/api/v1/import/${kind}`)
      .query({ geography_id: geo, file_ref: fileRef })
      .set(analyst.headers);
  async function importRun(kind: string, fileRef: string) {
    const started = await startImport(kind, fileRef).expect(202);
    await api.app.get(JobQueue).drain(60_000);
    const [run] = await db.query(`SELECT status, error_message, details FROM ingestion_runs WHERE id = $1`, [
      started.body.ingestion_run_id,
    ]);
    return run as { status: string; error_message: string; details: Record<string, unknown> };
  }
  const uploadRow = async (fileRef: string) =>
    (await db.query(`SELECT deleted_at, deleted_reason FROM uploads WHERE file_ref = $1`, [fileRef]))[0];
  const purge = (olderThanMs: number) => api.app.get(UploadPurgeJob).purge({ older_than_ms: olderThanMs });
  const wholeDatabaseText = async () =>
    JSON.stringify(
      await db.query(`SELECT error_message, details FROM ingestion_runs WHERE client_id = $1`, [clientId]),
    );

  it('a header-less CSV whose first row is a person: the run names columns by position, never the row', async () => {
    const ref = (await upload('jane quimby,19002,single_family\nsam quimby,19003,townhouse\n').expect(201))
      .body.file_ref;
    const run = await importRun('property', ref);
    expect(run.status).toBe('failed');
    expect(run.error_message).toMatch(/unknown columns at positions 1, 2, 3 \(of 3\).*lack its header row/);
    expect(await wholeDatabaseText()).not.toMatch(PERSON);
  });

  it('an .ics line with a name, email, phone and street: a fixed reason in the run, and the file deleted', async () => {
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20260601\r\n' +
      'Jane Quimby jane@example.com 215-555-0142 12 Oak Street\r\nSUMMARY:Fair\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const ref = (await upload(ics, 'calendar.ics').expect(201)).body.file_ref;
    const run = await importRun('events', ref);
    expect(run).toMatchObject({
      status: 'failed',
      error_message: 'The iCalendar file could not be read: line 6 is not a property line (NAME:value).',
    });
    expect(await wholeDatabaseText()).not.toMatch(PERSON);
    expect(existsSync(join(uploadDir, ref))).toBe(false);
    expect(await uploadRow(ref)).toMatchObject({ deleted_reason: 'pii' });
  });

  it('a calendar with ORGANIZER / ATTENDEE lines is refused at upload and never kept', async () => {
    const before = readdirSync(uploadDir).sort();
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\n' +
      'ORGANIZER;CN=Jane Quimby:mailto:jane@example.com\r\nATTENDEE:mailto:sam@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const refused = await upload(ics, 'calendar.ics').expect(400);
    expect(refused.body.message).toMatch(/names people \(ORGANIZER, ATTENDEE or CONTACT lines/);
    expect(refused.body.message).not.toMatch(PERSON);
    expect(readdirSync(uploadDir).sort()).toEqual(before);
  });

  it('a CSV refused by an import for a PII value is deleted at once; importing it again answers 410', async () => {
    const ref = (
      await upload(
        'channel_type,name,zip_code,notes\nhoa,Oak Hill HOA,19002,Ask for Jane at 215-555-0142\n',
      ).expect(201)
    ).body.file_ref;
    const run = await importRun('channels', ref);
    expect(run.status).toBe('failed');
    expect(run.details.file_deleted).toBe('pii');
    expect(existsSync(join(uploadDir, ref))).toBe(false);
    const again = await startImport('channels', ref).expect(410);
    expect(again.body.message).toMatch(/refused for personal data and deleted/);
    expect(await wholeDatabaseText()).not.toMatch(PERSON);
  });

  it('deletes every other upload after the retention window, imported or not, unless an import is waiting', async () => {
    const csv = 'channel_type,name,zip_code\nlibrary,Ambler Library,19002\n';
    const imported = (await upload(csv).expect(201)).body.file_ref;
    expect((await importRun('channels', imported)).status).toBe('success');
    const unused = (await upload(csv).expect(201)).body.file_ref;
    const waiting = (await upload(csv).expect(201)).body.file_ref;
    await db.query(
      `INSERT INTO ingestion_runs (client_id, geography_id, source_type, status, file_ref) VALUES ($1, $2, 'csv_channels', 'queued', $3)`,
      [clientId, geo, waiting],
    );
    // Nothing is old enough yet.
    await purge(3_600_000);
    expect(existsSync(join(uploadDir, imported))).toBe(true);
    await purge(0);
    for (const ref of [imported, unused]) {
      expect(existsSync(join(uploadDir, ref))).toBe(false);
      expect(await uploadRow(ref)).toMatchObject({ deleted_reason: 'retention' });
    }
    expect(existsSync(join(uploadDir, waiting))).toBe(true);
    const late = await startImport('channels', unused).expect(410);
    expect(late.body.message).toMatch(
      /deleted 24 h after it was uploaded \(UPLOAD_RETENTION_HOURS\); upload it again/,
    );
    await db.query(`UPDATE ingestion_runs SET status = 'failed' WHERE file_ref = $1`, [waiting]);
    await purge(0);
    expect(existsSync(join(uploadDir, waiting))).toBe(false);
  });

  it('removes files no upload row knows once they are an hour old', async () => {
    const stale = 'a'.repeat(32);
    const fresh = 'b'.repeat(32);
    writeFileSync(join(uploadDir, stale), 'left by a crash');
    writeFileSync(join(uploadDir, fresh), 'being written right now');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(join(uploadDir, stale), twoHoursAgo, twoHoursAgo);
    const result = await purge(3_600_000);
    expect(result.orphans).toBe(1);
    expect(existsSync(join(uploadDir, stale))).toBe(false);
    expect(existsSync(join(uploadDir, fresh))).toBe(true);
  });

  it('caps the storage per tenant with a 413 that names the quota and what is used', async () => {
    await purge(0);
    const big = 'channel_type,name,zip_code\n' + 'library,Ambler Library,19002\n'.repeat(80);
    expect(big.length).toBeGreaterThan(QUOTA / 2);
    await upload(big).expect(201);
    const refused = await upload(big).expect(413);
    expect(refused.body.message).toMatch(
      /^Your client's uploads use 2(\.\d)? KiB of its 4 KiB quota \(UPLOAD_QUOTA_BYTES\); this file needs at least .* more than is left\. Uploads are deleted 24 h after they arrive/,
    );
    // Freed by the retention purge, the space is there again.
    await purge(0);
    await upload(big).expect(201);
  });
});
