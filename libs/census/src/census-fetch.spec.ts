import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The fake API lives with the test support code; only specs may reach it by relative path.
import {
  FakeCensusServer,
  startFakeCensusServer,
} from '../../../test/support/fake-census/fake-census-server';
import { DEFAULT_ACS_VARIABLE_IDS, variableIdsForMetrics } from './acs-variables';
import { CensusFetchError, CensusHttp, CensusProgressEvent, fetchCensusData } from './census-fetch';
import { planCensusRequests } from './request-plan';
import { CensusRow } from './response';
import { discoverNewestAcs5Vintage } from './vintage';
import { parseCsv } from './zip-crosswalk';

const KEY = 'abc123SECRETkey0000000000000000000000000';

// Real figures to compare with, read straight from the bundled files.
function readCsv(file: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(resolve(__dirname, '../../../data/census', file), 'utf8'));
  return new Map(rows.map((cells) => [cells[0], Object.fromEntries(header.map((h, i) => [h, cells[i]]))]));
}
const tenure = readCsv('acs5_2023_zcta_population_housing_tenure.csv');
const suburbs = readCsv('acs5_2023_zcta_philadelphia_suburbs.csv');

/** A minimal node:http client with the shape fetchCensusData expects: no redirects, timeouts reject. */
const nodeHttp: CensusHttp = (url, { timeoutMs }) =>
  new Promise((resolveResponse, reject) => {
    const req = httpRequest(url, { method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolveResponse({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    req.on('error', reject);
    req.end();
  });

function recordingSleep() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

function find(rows: CensusRow[], zcta: string, metric: string): CensusRow | undefined {
  return rows.find((r) => r.zcta === zcta && r.metric === metric);
}

async function captureError(promise: Promise<unknown>): Promise<CensusFetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CensusFetchError) return err;
    throw err;
  }
  throw new Error('expected the run to fail');
}

describe('fetchCensusData against the fake Census API', () => {
  let server: FakeCensusServer;

  beforeAll(async () => {
    server = await startFakeCensusServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.setMode('normal');
    server.requests.length = 0;
  });

  const plan = (zctas: string[] | '*', variables: readonly string[] = DEFAULT_ACS_VARIABLE_IDS, extra = {}) =>
    planCensusRequests({ baseUrl: server.baseUrl, year: 2023, variables, zctas, apiKey: KEY, ...extra });

  it('returns the real figures, with nulls where the bundled data has none', async () => {
    const zctas = ['19002', '19034', '18081', '19369', '78701', '99999'];
    const requests = plan(zctas, DEFAULT_ACS_VARIABLE_IDS, { maxZctasPerRequest: 2 });
    const events: CensusProgressEvent[] = [];
    const { sleep, sleeps } = recordingSleep();
    const { rows, stats } = await fetchCensusData({
      requests,
      http: nodeHttp,
      sleep,
      onProgress: (e) => events.push(e),
    });

    const t19002 = tenure.get('19002') as Record<string, string>;
    expect(find(rows, '19002', 'population')?.estimate).toBe(Number(t19002.B01003_001E));
    expect(find(rows, '19002', 'population')?.estimate).toBe(31681);
    expect(find(rows, '19002', 'owner_occupied')).toMatchObject({
      estimate: Number(t19002.B25003_002E),
      moe: Number(t19002.B25003_002M),
    });
    expect(find(rows, '19002', 'median_household_income')?.estimate).toBe(
      Number(suburbs.get('19002')?.B19013_001E),
    );
    // The bundled files hold no B25024 / B01002 / MOE of B01003: the fake answers null, never a number.
    expect(find(rows, '19002', 'units_1_detached')).toMatchObject({ estimate: null, moe: null });
    expect(find(rows, '19002', 'median_age')).toMatchObject({ estimate: null, moe: null });
    expect(find(rows, '19002', 'population')?.moe).toBeNull();
    // 18081's median home value is an empty (annotated) cell in the source: no figure.
    expect(suburbs.get('18081')?.B25077_001E).toBe('');
    expect(find(rows, '18081', 'median_home_value')?.estimate).toBeNull();
    // The source keeps the API's own annotation code for 19369's median year built.
    expect(suburbs.get('19369')?.B25035_001E).toBe('-666666666');
    expect(find(rows, '19369', 'median_year_built')).toMatchObject({
      estimate: null,
      annotation: {
        field: 'estimate',
        code: '-666666666',
        reason: expect.stringMatching(/too few sample observations/),
      },
    });
    // 78701 (Austin) is only in the national files.
    expect(find(rows, '78701', 'renter_occupied')?.estimate).toBe(Number(tenure.get('78701')?.B25003_003E));
    expect(find(rows, '78701', 'median_home_value')?.estimate).toBeNull();

    const groups = new Set(requests.map((r) => r.group)).size;
    expect(requests.length).toBe(Math.ceil(zctas.length / 2) * groups);
    expect(stats).toMatchObject({
      plannedRequests: requests.length,
      requestsMade: requests.length,
      retries: 0,
      completedRequests: requests.length,
      zctasRequested: 6,
      zctasReturned: 5,
      missingZctas: ['99999'],
    });
    expect(stats.notes.join(' ')).toMatch(/1 requested ZCTA\(s\) are not in the Census answer .*: 99999/);
    expect(rows).toHaveLength((5 * DEFAULT_ACS_VARIABLE_IDS.length) / 2);
    expect(sleeps).toEqual([]);
    expect(events.filter((e) => e.type === 'done').map((e) => (e.type === 'done' ? e.completed : 0))).toEqual(
      requests.map((_, i) => i + 1),
    );

    // The key reaches the server but is never recorded, stored or reported.
    expect(server.requests).toHaveLength(requests.length);
    server.requests.forEach((r) => expect(r).toMatch(/&key=REDACTED$/));
    rows.forEach((r) => {
      expect(r.source_url).toBeDefined();
      expect(r.source_url).not.toContain(KEY);
    });
    expect(JSON.stringify({ stats, events })).not.toContain(KEY);
  });

  it('answers in the API format: header first, strings, geography last, ZCTA5 names', async () => {
    const url = `${server.baseUrl}/2023/acs/acs5?get=NAME,B01003_001E,B25003_002M,B25024_002E&for=zip%20code%20tabulation%20area:19034,19002`;
    const res = await nodeHttp(url, { timeoutMs: 5000 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toBe(
      '[["NAME","B01003_001E","B25003_002M","B25024_002E","zip code tabulation area"],\n' +
        '["ZCTA5 19002","31681","472",null,"19002"],\n' +
        '["ZCTA5 19034","7084","204",null,"19034"]]',
    );
    const refused = await nodeHttp(`${url}&in=state:42`, { timeoutMs: 5000 });
    expect(refused).toMatchObject({ status: 400, body: 'error: unknown/unsupported geography heirarchy' });
  });

  it('serves every ZCTA for `*` exactly as the bundled API response', async () => {
    const res = await nodeHttp(
      `${server.baseUrl}/2023/acs/acs5?get=NAME,B01003_001E,B25001_001E&for=zip%20code%20tabulation%20area:*`,
      { timeoutMs: 10000 },
    );
    const original = readFileSync(
      resolve(__dirname, '../../../data/census/api_response_acs5_2023_zcta_all_NAME_B01003_B25001.json'),
      'utf8',
    );
    expect(JSON.parse(res.body)).toEqual(JSON.parse(original));
    expect(server.zctaCount).toBe(33772);
  });

  it('waits for Retry-After on a 429, then succeeds', async () => {
    server.setMode('429', { times: 1 });
    const { sleep, sleeps } = recordingSleep();
    const events: CensusProgressEvent[] = [];
    const { rows, stats } = await fetchCensusData({
      requests: plan(['19002'], ['B01003_001E']),
      http: nodeHttp,
      sleep,
      onProgress: (e) => events.push(e),
    });
    expect(sleeps).toEqual([1000]);
    expect(stats).toMatchObject({ requestsMade: 2, retries: 1 });
    expect(rows).toEqual([expect.objectContaining({ zcta: '19002', metric: 'population', estimate: 31681 })]);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({
      attempt: 1,
      delayMs: 1000,
      reason: expect.stringMatching(/429/),
    });
  });

  it('retries 500s a bounded number of times, then fails as transient', async () => {
    server.setMode('500');
    const { sleep, sleeps } = recordingSleep();
    const error = await captureError(
      fetchCensusData({
        requests: plan(['19002'], ['B01003_001E']),
        http: nodeHttp,
        sleep,
        maxAttempts: 3,
        retry: { random: () => 0.5 },
      }),
    );
    expect(error).toMatchObject({ kind: 'transient', reason: 'gave-up', attempts: 3, status: 500 });
    expect(error.message).toMatch(/^gave up after 3 attempts: the Census API answered 500/);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(error.stats).toMatchObject({ requestsMade: 3, retries: 2, completedRequests: 0 });
  });

  it('gets through "fail n times" (503 busy) with the default attempts', async () => {
    server.setMode('fail-n-times', { times: 2 });
    const { sleep } = recordingSleep();
    const { rows, stats } = await fetchCensusData({
      requests: plan(['19002'], ['B01003_001E']),
      http: nodeHttp,
      sleep,
    });
    expect(stats).toMatchObject({ requestsMade: 3, retries: 2 });
    expect(rows[0].estimate).toBe(31681);
  });

  it('retries a connection reset', async () => {
    server.setMode('reset', { times: 1 });
    const { sleep } = recordingSleep();
    const { rows, stats } = await fetchCensusData({
      requests: plan(['19002'], ['B01003_001E']),
      http: nodeHttp,
      sleep,
    });
    expect(stats.retries).toBe(1);
    expect(rows[0].estimate).toBe(31681);
  });

  it('retries a timeout', async () => {
    server.setMode('slow', { times: 1, delayMs: 1000 });
    const { sleep } = recordingSleep();
    const events: CensusProgressEvent[] = [];
    const { rows, stats } = await fetchCensusData({
      requests: plan(['19002'], ['B01003_001E']),
      http: nodeHttp,
      sleep,
      timeoutMs: 150,
      onProgress: (e) => events.push(e),
    });
    expect(stats.retries).toBe(1);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({
      reason: expect.stringMatching(/ETIMEDOUT/),
    });
    expect(rows[0].estimate).toBe(31681);
  });

  it('fails at once on a 400, with the API text in the message', async () => {
    const { sleep, sleeps } = recordingSleep();
    const error = await captureError(
      fetchCensusData({ requests: plan(['19002'], ['B01003_001E', 'B99999_001E']), http: nodeHttp, sleep }),
    );
    expect(error).toMatchObject({ kind: 'permanent', reason: 'bad-request', attempts: 1, status: 400 });
    expect(error.message).toMatch(
      /^the Census API refused the request: error: unknown variable 'B99999_001E'/,
    );
    expect(error.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);

    server.setMode('400-text');
    const again = await captureError(
      fetchCensusData({ requests: plan(['19002'], ['B01003_001E']), http: nodeHttp, sleep }),
    );
    expect(again.message).toMatch(/unknown\/unsupported geography heirarchy/);
  });

  it('stops the whole run on the first permanent error', async () => {
    const requests = plan(['19002', '19034', '18036'], DEFAULT_ACS_VARIABLE_IDS, { maxZctasPerRequest: 1 });
    server.setMode('400-text');
    const error = await captureError(
      fetchCensusData({ requests, http: nodeHttp, sleep: recordingSleep().sleep, concurrency: 2 }),
    );
    expect(error.kind).toBe('permanent');
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('fails at once on the invalid-key HTML page without echoing the key', async () => {
    server.setMode('html');
    const error = await captureError(
      fetchCensusData({
        requests: plan(['19002'], ['B01003_001E']),
        http: nodeHttp,
        sleep: recordingSleep().sleep,
      }),
    );
    expect(error).toMatchObject({ kind: 'permanent', reason: 'invalid-key', attempts: 1 });
    expect(error.message).toMatch(/^the Census API key is invalid/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(KEY);
    expect(error.publicUrl).not.toContain('key=');
    expect(server.requests).toHaveLength(1);

    server.setMode('html-redirect');
    const redirected = await captureError(
      fetchCensusData({
        requests: plan(['19002'], ['B01003_001E']),
        http: nodeHttp,
        sleep: recordingSleep().sleep,
      }),
    );
    expect(redirected).toMatchObject({ reason: 'invalid-key', status: 302 });
  });

  it('turns 204 into no rows with a note', async () => {
    server.setMode('204');
    const { rows, stats } = await fetchCensusData({
      requests: plan(['19002'], ['B01003_001E']),
      http: nodeHttp,
      sleep: recordingSleep().sleep,
    });
    expect(rows).toEqual([]);
    expect(stats).toMatchObject({ emptyResponses: 1, completedRequests: 1, missingZctas: ['19002'] });
    expect(stats.notes[0]).toMatch(/204 No Content: nothing matched/);

    // The same happens for real when none of the ZCTAs exist.
    server.setMode('normal');
    const none = await fetchCensusData({
      requests: plan(['99999'], ['B01003_001E']),
      http: nodeHttp,
      sleep: recordingSleep().sleep,
    });
    expect(none.rows).toEqual([]);
    expect(none.stats.emptyResponses).toBe(1);
  });

  it('keeps the request count at ceil(ZCTAs / per request) x variable groups for 2,500 real ZCTAs', async () => {
    const zctas = [...tenure.keys()].slice(0, 2500);
    const variables = variableIdsForMetrics([
      'population',
      'occupied_units',
      'owner_occupied',
      'renter_occupied',
      'median_home_value',
    ]);
    const requests = plan(zctas, DEFAULT_ACS_VARIABLE_IDS);
    const perRequest = Math.max(...requests.map((r) => (r.zctas as string[]).length));
    const groups = new Set(requests.map((r) => r.group)).size;
    const { rows, stats } = await fetchCensusData({
      requests,
      http: nodeHttp,
      sleep: recordingSleep().sleep,
    });
    expect(stats.requestsMade).toBe(requests.length);
    expect(stats.requestsMade).toBeLessThanOrEqual(Math.ceil(zctas.length / perRequest) * groups);
    expect(stats.zctasReturned).toBe(2500);
    expect(rows).toHaveLength(2500 * (DEFAULT_ACS_VARIABLE_IDS.length / 2));
    for (const zcta of zctas.slice(0, 50)) {
      expect(find(rows, zcta, 'renter_occupied')?.estimate).toBe(Number(tenure.get(zcta)?.B25003_003E));
    }
    // A small variable list needs one group: one request per chunk.
    const small = plan(zctas, variables);
    expect(small.length).toBe(
      Math.ceil(zctas.length / Math.max(...small.map((r) => (r.zctas as string[]).length))),
    );
  });

  it('discovers the 2023 vintage from /data.json, or by probing when it is absent', async () => {
    const found = await discoverNewestAcs5Vintage({
      baseUrl: server.baseUrl,
      http: nodeHttp,
      today: new Date('2026-01-15'),
    });
    expect(found).toMatchObject({ year: 2023, method: 'catalog' });

    const noCatalog = await startFakeCensusServer({ serveCatalog: false });
    try {
      const probed = await discoverNewestAcs5Vintage({
        baseUrl: noCatalog.baseUrl,
        http: nodeHttp,
        today: new Date('2026-01-15'),
        apiKey: KEY,
      });
      expect(probed).toMatchObject({ year: 2023, method: 'probe' });
      expect(noCatalog.requests).toEqual([
        '/data.json',
        '/data/2025/acs/acs5?get=NAME&for=us:1&key=REDACTED',
        '/data/2024/acs/acs5?get=NAME&for=us:1&key=REDACTED',
        '/data/2023/acs/acs5?get=NAME&for=us:1&key=REDACTED',
      ]);
    } finally {
      await noCatalog.close();
    }
  });
});
