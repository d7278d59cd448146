import { DEFAULT_ACS_VARIABLE_IDS } from './acs-variables';
import {
  CENSUS_MAX_URL_LENGTH,
  CENSUS_MAX_ZCTAS_PER_REQUEST,
  groupVariables,
  planCensusRequests,
  redactApiKey,
} from './request-plan';

const BASE = 'https://api.census.gov/data';
const KEY = 'abc123SECRETkey0000000000000000000000000';

// 2,000 distinct five-digit ZCTA-shaped strings; the planner only checks their shape.
const manyZctas = Array.from({ length: 2000 }, (_, i) => String(10000 + i * 3));

describe('planCensusRequests', () => {
  it('puts NAME first, the ZCTAs in one comma-separated `for`, no `in=`, and the key last', () => {
    const [request, ...rest] = planCensusRequests({
      baseUrl: `${BASE}/`,
      year: 2023,
      variables: ['B01003_001E', 'B01003_001M'],
      zctas: ['19002', '19034'],
      apiKey: KEY,
    });
    expect(rest).toHaveLength(0);
    expect(request.url).toBe(
      `${BASE}/2023/acs/acs5?get=NAME,B01003_001E,B01003_001M&for=zip%20code%20tabulation%20area:19002,19034&key=${KEY}`,
    );
    expect(request.publicUrl).toBe(
      `${BASE}/2023/acs/acs5?get=NAME,B01003_001E,B01003_001M&for=zip%20code%20tabulation%20area:19002,19034`,
    );
    expect(request.url).not.toContain('in=');
    expect(request.variables).toEqual(['NAME', 'B01003_001E', 'B01003_001M']);
    expect(request).toMatchObject({ index: 0, group: 0, chunk: 0, year: 2023, dataset: 'acs/acs5' });
  });

  it('never puts the key into publicUrl, and leaves url key-free without one', () => {
    const withKey = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: DEFAULT_ACS_VARIABLE_IDS,
      zctas: manyZctas,
      apiKey: KEY,
    });
    withKey.forEach((r) => {
      expect(r.publicUrl).not.toContain(KEY);
      expect(r.publicUrl).not.toContain('key=');
      expect(r.url).toContain(`&key=${KEY}`);
    });
    const noKey = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: ['B01003_001E'],
      zctas: ['19002'],
    });
    expect(noKey[0].url).toBe(noKey[0].publicUrl);
    const blankKey = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: ['B01003_001E'],
      zctas: ['19002'],
      apiKey: '  ',
    });
    expect(blankKey[0].url).toBe(blankKey[0].publicUrl);
  });

  it('keeps at most 50 variables per request, NAME included', () => {
    const plan = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: DEFAULT_ACS_VARIABLE_IDS,
      zctas: ['19002'],
    });
    plan.forEach((r) => expect(r.variables.length).toBeLessThanOrEqual(50));
    const asked = plan.flatMap((r) => r.variables.filter((v) => v !== 'NAME'));
    expect(asked.sort()).toEqual([...DEFAULT_ACS_VARIABLE_IDS].sort());
    expect(new Set(plan.map((r) => r.group)).size).toBe(Math.ceil(DEFAULT_ACS_VARIABLE_IDS.length / 49));
  });

  it('keeps every URL under the length budget and the request count at chunks x groups', () => {
    const plan = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: DEFAULT_ACS_VARIABLE_IDS,
      zctas: manyZctas,
      apiKey: KEY,
    });
    plan.forEach((r) => expect(r.url.length).toBeLessThanOrEqual(CENSUS_MAX_URL_LENGTH));
    const perRequest = Math.max(...plan.map((r) => (r.zctas === '*' ? 0 : r.zctas.length)));
    expect(perRequest).toBeGreaterThan(500);
    expect(perRequest).toBeLessThanOrEqual(CENSUS_MAX_ZCTAS_PER_REQUEST);
    const groups = new Set(plan.map((r) => r.group)).size;
    expect(plan.length).toBeLessThanOrEqual(Math.ceil(manyZctas.length / perRequest) * groups);
    const covered = plan.filter((r) => r.group === 0).flatMap((r) => r.zctas as string[]);
    expect(covered).toEqual(manyZctas);
  });

  it('honours a smaller caller limit and de-duplicates ZCTAs and variables', () => {
    const plan = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: ['B01003_001E', 'NAME', 'B01003_001E', 'B01003_001M'],
      zctas: ['19002', '19034', '19002', '18036', '18041', '18054'],
      maxZctasPerRequest: 2,
    });
    expect(plan.map((r) => r.zctas)).toEqual([['19002', '19034'], ['18036', '18041'], ['18054']]);
    expect(plan[0].variables).toEqual(['NAME', 'B01003_001E', 'B01003_001M']);
  });

  it('asks for every ZCTA with `*` in one request per variable group', () => {
    const plan = planCensusRequests({
      baseUrl: BASE,
      year: 2023,
      variables: DEFAULT_ACS_VARIABLE_IDS,
      zctas: '*',
    });
    expect(plan.length).toBe(new Set(plan.map((r) => r.group)).size);
    expect(plan[0].publicUrl).toMatch(/&for=zip%20code%20tabulation%20area:\*$/);
  });

  it('refuses what the API would refuse, with a clear message', () => {
    const ok = { baseUrl: BASE, year: 2023, variables: ['B01003_001E'], zctas: ['19002'] };
    expect(() => planCensusRequests({ ...ok, variables: ['B0100_001E'] })).toThrow(
      /not ACS variable ids: B0100_001E/,
    );
    expect(() => planCensusRequests({ ...ok, variables: [] })).toThrow(/no Census variables/);
    expect(() => planCensusRequests({ ...ok, zctas: ['1900'] })).toThrow(/not 5-digit ZCTAs: 1900/);
    expect(() => planCensusRequests({ ...ok, zctas: [] })).toThrow(/no ZCTAs/);
    expect(() => planCensusRequests({ ...ok, maxVariablesPerRequest: 51 })).toThrow(/2\.\.50/);
    expect(() => planCensusRequests({ ...ok, year: 1999 })).toThrow(/invalid ACS year/);
    expect(() => planCensusRequests({ ...ok, baseUrl: 'ftp://x' })).toThrow(/http/);
  });
});

describe('groupVariables', () => {
  it('keeps each estimate with its MOE when that costs no extra group', () => {
    const vars = Array.from({ length: 25 }, (_, i) => {
      const base = `B25034_${String(i + 1).padStart(3, '0')}`;
      return [`${base}E`, `${base}M`];
    }).flat();
    const groups = groupVariables(vars, 49);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toHaveLength(48);
    expect(groups[0].at(-1)).toBe('B25034_024M');
  });

  it('falls back to plain chunks when pairing would need more groups', () => {
    const vars = ['B01003_001E', 'B01003_001M', 'B25001_001E', 'B25001_001M', 'B25002_003E'];
    expect(groupVariables(vars, 3)).toHaveLength(2);
  });
});

describe('redactApiKey', () => {
  it('removes the key parameter and the key text itself', () => {
    expect(redactApiKey(`GET ${BASE}/2023/acs/acs5?get=NAME&key=${KEY}&for=us:1`)).toBe(
      `GET ${BASE}/2023/acs/acs5?get=NAME&key=REDACTED&for=us:1`,
    );
    expect(redactApiKey(`your key ${KEY} is invalid`, KEY)).toBe('your key REDACTED is invalid');
  });
});
