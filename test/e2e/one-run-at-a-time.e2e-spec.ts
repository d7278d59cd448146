// One tenant cannot fill the shared queue: a refresh or import already queued or running for the same
// geography and source answers 409 with that run's id, however many requests arrive at once.
import { Role } from '@lbi/contracts';
import { JobQueue } from '@lbi/server';
import request from 'supertest';
import { AuthFactory, Session, uniqueName } from '../support/auth-factory';
import { FakeCensusServer, startFakeCensusServer } from '../support/fake-census/fake-census-server';
import { startTestApi } from '../support/start-test-api';

describe('one run per geography and source at a time', () => {
  let fake: FakeCensusServer;
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let analyst: Session;
  let geo: string;

  beforeAll(async () => {
    // A slow Census API keeps the first refresh running while the others arrive.
    fake = await startFakeCensusServer({ mode: 'slow', modeOptions: { delayMs: 700 } });
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent', CENSUS_API_BASE_URL: fake.baseUrl });
    const factory = new AuthFactory(api);
    const platform = await factory.platformAdmin();
    analyst = await factory.userSession(platform, Role.Analyst, (await factory.createClient(platform)).id);
    geo = (
      await request(api.url)
        .post('/api/v1/geographies')
        .set(analyst.headers)
        .send({ name: uniqueName('Busy'), zip_codes: ['19002', '19003'] })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await api?.stop();
    await fake?.close();
  });

  it('accepts one of 30 simultaneous refreshes and answers the other 29 with 409 naming its run', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        request(api.url).post(`/api/v1/geographies/${geo}/refresh-census`).set(analyst.headers),
      ),
    );
    const accepted = answers.filter((a) => a.status === 202);
    const refused = answers.filter((a) => a.status === 409);
    expect([accepted.length, refused.length]).toEqual([1, 29]);
    const runId = accepted[0].body.ingestion_run_id;
    for (const answer of refused) {
      expect(answer.body).toEqual({
        status_code: 409,
        error: 'Conflict',
        message: expect.stringMatching(
          new RegExp(
            `^A Census refresh of this geography is already (queued|running) \\(ingestion run ${runId}\\); wait for it to finish`,
          ),
        ),
        ingestion_run_id: runId,
      });
    }
    await api.app.get(JobQueue).drain(60_000);
    // Once it has finished, the next refresh is accepted.
    await request(api.url).post(`/api/v1/geographies/${geo}/refresh-census`).set(analyst.headers).expect(202);
    await api.app.get(JobQueue).drain(60_000);
  });

  it('answers 409 to a second import of the same source while the first waits; another source is fine', async () => {
    const csv = (kind: string) =>
      kind === 'events'
        ? 'event_name,start_date,zip_code\nFair,2026-06-01,19002\n'
        : 'channel_type,name,zip_code\nlibrary,Ambler Library,19002\n';
    const ref = async (kind: string) =>
      (
        await request(api.url)
          .post('/api/v1/uploads')
          .set(analyst.headers)
          .attach('file', Buffer.from(csv(kind)), `${kind}.csv`)
          .expect(201)
      ).body.file_ref as string;
    const start = (kind: string, fileRef: string) =>
      request(api.url)
        .post(`/api/v1/import/${kind}`)
        .query({ geography_id: geo, file_ref: fileRef })
        .set(analyst.headers);
    // A refresh first, so the inline queue is busy and the imports stay queued behind it.
    await request(api.url).post(`/api/v1/geographies/${geo}/refresh-census`).set(analyst.headers).expect(202);
    const [channelsA, channelsB, events] = [
      await ref('channels'),
      await ref('channels'),
      await ref('events'),
    ];
    const first = await start('channels', channelsA).expect(202);
    const second = await start('channels', channelsB).expect(409);
    expect(second.body.ingestion_run_id).toBe(first.body.ingestion_run_id);
    expect(second.body.message).toMatch(/^A channels import of this geography is already queued/);
    await start('events', events).expect(202);
    await api.app.get(JobQueue).drain(60_000);
  });
});
