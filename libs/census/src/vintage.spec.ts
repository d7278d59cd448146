import { CensusHttp } from './census-fetch';
import {
  VintageKeyError,
  candidateVintages,
  censusCatalogUrl,
  discoverNewestAcs5Vintage,
  pickNewestAcs5Vintage,
  vintageProbeUrls,
} from './vintage';

// Entries shaped like api.census.gov/data.json (a DCAT catalogue): c_vintage and c_dataset per dataset.
const catalog = {
  dataset: [
    { c_vintage: 2022, c_dataset: ['acs', 'acs5'] },
    { c_vintage: 2023, c_dataset: ['acs', 'acs5'] },
    { c_vintage: 2024, c_dataset: ['acs', 'acs1'] },
    { c_vintage: 2024, c_dataset: ['acs', 'acs5', 'profile'] },
    { c_dataset: ['acs', 'acs5'] },
    { c_vintage: 2021, c_dataset: ['dec', 'pl'] },
  ],
};

describe('pickNewestAcs5Vintage', () => {
  it('takes the newest detailed-tables acs5 vintage only', () => {
    expect(pickNewestAcs5Vintage(catalog)).toBe(2023);
  });

  it('reads string years and skips unavailable entries', () => {
    expect(
      pickNewestAcs5Vintage({
        dataset: [
          { c_vintage: '2024', c_dataset: ['acs', 'acs5'] },
          { c_vintage: 2025, c_dataset: ['acs', 'acs5'], c_isAvailable: false },
        ],
      }),
    ).toBe(2024);
  });

  it('is null for anything else', () => {
    expect(pickNewestAcs5Vintage({ dataset: [] })).toBeNull();
    expect(pickNewestAcs5Vintage({})).toBeNull();
    expect(pickNewestAcs5Vintage(null)).toBeNull();
    expect(pickNewestAcs5Vintage('x')).toBeNull();
  });
});

describe('candidateVintages and URLs', () => {
  it('starts at last year and walks down', () => {
    // On 2026-01-15 the 2020-2024 release (out 2026-01-29) is not served yet: probing 2025 and 2024
    // fails and 2023 answers.
    expect(candidateVintages(new Date('2026-01-15T12:00:00Z'))).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(candidateVintages(new Date('2027-06-01T00:00:00Z'), 2)).toEqual([2026, 2025]);
  });

  it('builds the catalogue and probe URLs, the key only in url', () => {
    expect(censusCatalogUrl('https://api.census.gov/data/')).toBe('https://api.census.gov/data.json');
    expect(vintageProbeUrls('https://api.census.gov/data', 2023, 'K3Y')).toEqual({
      url: 'https://api.census.gov/data/2023/acs/acs5?get=NAME&for=us:1&key=K3Y',
      publicUrl: 'https://api.census.gov/data/2023/acs/acs5?get=NAME&for=us:1',
    });
  });
});

describe('discoverNewestAcs5Vintage', () => {
  const usBody = '[["NAME","us"],\n["United States","1"]]';

  it('uses the catalogue when it answers', async () => {
    const calls: string[] = [];
    const http: CensusHttp = async (url) => {
      calls.push(url);
      return { status: 200, headers: {}, body: JSON.stringify(catalog) };
    };
    const found = await discoverNewestAcs5Vintage({
      baseUrl: 'https://api.census.gov/data',
      http,
      today: new Date('2026-01-15'),
    });
    expect(found).toEqual({ year: 2023, method: 'catalog', consulted: ['https://api.census.gov/data.json'] });
    expect(calls).toHaveLength(1);
  });

  it('probes from last year down when the catalogue fails', async () => {
    const http: CensusHttp = async (url) => {
      if (url.endsWith('data.json')) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      if (url.includes('/2023/')) return { status: 200, headers: {}, body: usBody };
      return { status: 404, headers: {}, body: 'Not Found' };
    };
    const found = await discoverNewestAcs5Vintage({
      baseUrl: 'https://api.census.gov/data',
      http,
      today: new Date('2026-01-15'),
      apiKey: 'K3Y',
    });
    expect(found).toEqual({
      year: 2023,
      method: 'probe',
      consulted: [
        'https://api.census.gov/data.json',
        'https://api.census.gov/data/2025/acs/acs5?get=NAME&for=us:1',
        'https://api.census.gov/data/2024/acs/acs5?get=NAME&for=us:1',
        'https://api.census.gov/data/2023/acs/acs5?get=NAME&for=us:1',
      ],
    });
  });

  it('stops on a key problem and returns null when nothing answers', async () => {
    const htmlPage: CensusHttp = async () => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>Invalid Key</html>',
    });
    await expect(
      discoverNewestAcs5Vintage({
        baseUrl: 'https://x.test/data',
        http: htmlPage,
        today: new Date('2026-01-15'),
        apiKey: 'K3Y',
      }),
    ).rejects.toThrow(VintageKeyError);
    const down: CensusHttp = async () => ({ status: 503, headers: {}, body: '' });
    expect(
      await discoverNewestAcs5Vintage({
        baseUrl: 'https://x.test/data',
        http: down,
        today: new Date('2026-01-15'),
      }),
    ).toBeNull();
  });
});
