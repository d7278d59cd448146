import { CensusHttp } from '@lbi/census';
import { CensusKeyError, clearVintageCache, resolveAcsVintage, SNAPSHOT_ACS_YEAR } from './census-vintage';

const catalog = JSON.stringify({
  dataset: [{ c_vintage: 2024, c_dataset: ['acs', 'acs5'], c_isAvailable: true }],
});

describe('resolveAcsVintage', () => {
  beforeEach(() => clearVintageCache());

  it('uses ACS_YEAR when configured, without asking the API', async () => {
    const http = jest.fn<ReturnType<CensusHttp>, Parameters<CensusHttp>>();
    await expect(
      resolveAcsVintage({ configuredYear: 2022, baseUrl: 'http://x/data', http }),
    ).resolves.toEqual({
      year: 2022,
      source: 'ACS_YEAR',
    });
    expect(http).not.toHaveBeenCalled();
  });

  it('discovers the newest vintage once and caches it for a day', async () => {
    const http = jest.fn<ReturnType<CensusHttp>, Parameters<CensusHttp>>(async () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: catalog,
    }));
    const now = new Date('2026-03-01T00:00:00Z');
    expect(await resolveAcsVintage({ baseUrl: 'http://x/data', http, now })).toEqual({
      year: 2024,
      source: 'catalog',
    });
    expect(await resolveAcsVintage({ baseUrl: 'http://x/data', http, now })).toEqual({
      year: 2024,
      source: 'cached',
    });
    expect(http).toHaveBeenCalledTimes(1);
    const nextDay = new Date(now.getTime() + 25 * 3600 * 1000);
    await resolveAcsVintage({ baseUrl: 'http://x/data', http, now: nextDay });
    expect(http).toHaveBeenCalledTimes(2);
  });

  it('falls back to the snapshot year with a note when nothing answers', async () => {
    const http: CensusHttp = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    const found = await resolveAcsVintage({ baseUrl: 'http://x/data', http, now: new Date('2026-03-01') });
    expect(found.year).toBe(SNAPSHOT_ACS_YEAR);
    expect(found.source).toBe('snapshot-default');
    expect(found.note).toContain('named no ACS 5-year vintage');
  });

  it('turns an invalid-key answer into a CensusKeyError without the key', async () => {
    const http: CensusHttp = async (url) =>
      url.endsWith('.json')
        ? { status: 404, headers: {}, body: 'nope' }
        : {
            status: 200,
            headers: { 'content-type': 'text/html' },
            body: '<html><title>Invalid Key</title>Invalid Key</html>',
          };
    const error = await resolveAcsVintage({
      baseUrl: 'http://x/data',
      http,
      apiKey: 'SECRET-KEY-9',
      now: new Date('2026-03-01'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CensusKeyError);
    expect((error as Error).message).toContain('key is invalid');
    expect((error as Error).message).not.toContain('SECRET-KEY-9');
  });
});
