import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The fake API lives with the test support code; only specs may reach it by relative path.
import {
  FakeCensusServer,
  startFakeCensusServer,
} from '../../../test/support/fake-census/fake-census-server';
import { fetchBusinessCounts, parseBusinessTable, planBusinessRequests } from './business-patterns';
import { CensusFetchError, CensusHttp } from './census-requests';
import { discoverNewestVintage } from './vintage';
import { parseCsv } from './zip-crosswalk';

// Real 2022 counts to compare with, straight from the bundled file.
const [header, ...lines] = parseCsv(
  readFileSync(resolve(__dirname, '../../../data/business/zbp_2022_pa_naics6.csv'), 'utf8'),
);
const counts = new Map(
  lines.map((cells) => [`${cells[1]}:${cells[0]}`, Number(cells[header.indexOf('Establishments')])]),
);

const fetchHttp: CensusHttp = async (url, { timeoutMs }) => {
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  return { status: res.status, headers, body: await res.text() };
};
const noSleep = async () => undefined;

describe('planBusinessRequests', () => {
  it('asks one NAICS code per request, the key only in url, the geography named as the API does', () => {
    const [request] = planBusinessRequests({
      baseUrl: 'https://api.census.gov/data/',
      year: 2022,
      naics: ['238160'],
      zips: ['19002', '19083'],
      apiKey: 'K3Y-0000',
    });
    expect(request.publicUrl).toBe(
      'https://api.census.gov/data/2022/cbp?get=ESTAB,NAICS2017&for=zip%20code:19002,19083&NAICS2017=238160',
    );
    expect(request.url).toBe(`${request.publicUrl}&key=K3Y-0000`);
  });

  it('splits long ZIP lists and multiplies by the NAICS codes; * is one request per code', () => {
    const zips = Array.from({ length: 2500 }, (_, i) => String(10000 + i));
    expect(
      planBusinessRequests({ baseUrl: 'http://x/data', year: 2022, naics: ['238160', '561730'], zips }),
    ).toHaveLength(6);
    expect(
      planBusinessRequests({ baseUrl: 'http://x/data', year: 2022, naics: ['238160', '561730'], zips: '*' }),
    ).toHaveLength(2);
  });

  it('refuses years before ZIP data moved into cbp, bad NAICS codes and bad ZIPs', () => {
    const base = { baseUrl: 'http://x/data', naics: ['238160'], zips: ['19002'] };
    expect(() => planBusinessRequests({ ...base, year: 2018 })).toThrow(/2019/);
    expect(() => planBusinessRequests({ ...base, year: 2022, naics: ['roof'] })).toThrow(/NAICS/);
    expect(() => planBusinessRequests({ ...base, year: 2022, zips: ['1900'] })).toThrow(/ZIP/);
  });
});

describe('parseBusinessTable', () => {
  const request = { naics: '238160', publicUrl: 'http://x/data/2022/cbp?get=ESTAB' };

  it('reads ESTAB per ZIP and keeps only the all-sizes total when size classes are listed', () => {
    const body = JSON.stringify([
      ['ESTAB', 'NAICS2017', 'EMPSZES', 'zip code'],
      ['14', '238160', '001', '19002'],
      ['9', '238160', '212', '19002'],
      ['3', '238160', '001', '19083'],
    ]);
    expect(parseBusinessTable(body, request)).toEqual([
      { zip: '19002', naics: '238160', establishments: 14, source_url: request.publicUrl },
      { zip: '19083', naics: '238160', establishments: 3, source_url: request.publicUrl },
    ]);
  });

  it('refuses an answer that is not about ZIP codes or whose counts are not whole numbers', () => {
    expect(() => parseBusinessTable('[["ESTAB","county"],["3","091"]]', request)).toThrow(/zip code/);
    expect(() => parseBusinessTable('[["ESTAB","zip code"],["3.5","19002"]]', request)).toThrow(
      /whole number/,
    );
    expect(() => parseBusinessTable('[["NAME","zip code"],["x","19002"]]', request)).toThrow(/ESTAB/);
  });
});

describe('fetchBusinessCounts against the fake Census API', () => {
  let server: FakeCensusServer;
  beforeAll(async () => {
    server = await startFakeCensusServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.setMode('normal'));

  it('returns the real 2022 Pennsylvania counts; ZIPs without a published row are simply absent', async () => {
    const requests = planBusinessRequests({
      baseUrl: server.baseUrl,
      year: 2022,
      naics: ['238160', '561730'],
      zips: ['19002', '19087', '19083', '10001'],
    });
    const { rows, stats } = await fetchBusinessCounts({ requests, http: fetchHttp, sleep: noSleep });
    expect(stats.requestsMade).toBe(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.establishments).toBe(counts.get(`${row.naics}:${row.zip}`));
    // New York is outside the bundled state: no row, never a made-up zero.
    expect(rows.some((r) => r.zip === '10001')).toBe(false);
  });

  it('answers * with every bundled ZIP of the industry, in the API shape', async () => {
    const [request] = planBusinessRequests({
      baseUrl: server.baseUrl,
      year: 2022,
      naics: ['238160'],
      zips: '*',
    });
    const { rows } = await fetchBusinessCounts({ requests: [request], http: fetchHttp, sleep: noSleep });
    const expected = [...counts.keys()].filter((key) => key.startsWith('238160:'));
    expect(rows).toHaveLength(expected.length);
  });

  it('retries like the ACS collector and fails at once on a 400', async () => {
    server.setMode('429', { times: 1, retryAfter: '0' });
    const requests = planBusinessRequests({
      baseUrl: server.baseUrl,
      year: 2022,
      naics: ['238160'],
      zips: ['19002'],
    });
    const retried = await fetchBusinessCounts({ requests, http: fetchHttp, sleep: noSleep });
    expect(retried.stats.retries).toBe(1);
    server.setMode('400-text');
    await expect(fetchBusinessCounts({ requests, http: fetchHttp, sleep: noSleep })).rejects.toBeInstanceOf(
      CensusFetchError,
    );
  });

  it('discovers the newest Business Patterns year from the catalogue, or by probing', async () => {
    const found = await discoverNewestVintage({
      dataset: 'cbp',
      baseUrl: server.baseUrl,
      http: fetchHttp,
      today: new Date('2026-03-01T00:00:00Z'),
    });
    expect(found).toMatchObject({ year: 2022, method: 'catalog' });
    const probing = await startFakeCensusServer({ serveCatalog: false });
    try {
      const probed = await discoverNewestVintage({
        dataset: 'cbp',
        baseUrl: probing.baseUrl,
        http: fetchHttp,
        today: new Date('2026-03-01T00:00:00Z'),
      });
      expect(probed).toMatchObject({ year: 2022, method: 'probe' });
      expect(probing.requests.some((r) => r.startsWith('/data/2022/cbp?get=ESTAB&for=us:1'))).toBe(true);
    } finally {
      await probing.close();
    }
  });
});
