import { loadConfig } from '@lbi/server';
import { censusStaleness, csvStaleness } from './freshness.service';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600 * 1000);
const zctaByZip = new Map([
  ['19002', '19002'],
  ['19087', '19087'],
  ['19397', '19087'],
]);

describe('censusStaleness', () => {
  it('is stale when never fetched', () => {
    const out = censusStaleness({
      now,
      lastSuccessAt: null,
      zctaByZip,
      zipsWithSignals: new Set(),
      missingZctas: [],
    });
    expect(out).toMatchObject({
      isStale: true,
      reason: 'Census data has never been fetched for this geography',
    });
  });

  it('is fresh within 30 days when every ZIP with a ZCTA has figures', () => {
    const out = censusStaleness({
      now,
      lastSuccessAt: daysAgo(29),
      zctaByZip,
      zipsWithSignals: new Set(['19002', '19087', '19397']),
      missingZctas: [],
    });
    expect(out.isStale).toBe(false);
    expect(out.reason).toContain('29 day');
  });

  it('is stale after 30 days and says so', () => {
    const out = censusStaleness({
      now,
      lastSuccessAt: daysAgo(31),
      zctaByZip,
      zipsWithSignals: new Set(['19002', '19087', '19397']),
      missingZctas: [],
    });
    expect(out).toMatchObject({ isStale: true });
    expect(out.reason).toContain('31 days ago (stale after 30)');
  });

  it('is stale when a ZIP added by an edit has no figures, and names it', () => {
    const out = censusStaleness({
      now,
      lastSuccessAt: daysAgo(1),
      zctaByZip,
      zipsWithSignals: new Set(['19002', '19087']),
      missingZctas: [],
    });
    expect(out.isStale).toBe(true);
    expect(out.zipsWithoutSignals).toEqual(['19397']);
    expect(out.reason).toContain('19397');
  });

  it('does not count ZCTAs the ACS publishes nothing for (per the last run)', () => {
    const out = censusStaleness({
      now,
      lastSuccessAt: daysAgo(1),
      zctaByZip,
      zipsWithSignals: new Set(['19002']),
      missingZctas: ['19087'],
    });
    expect(out.isStale).toBe(false);
  });
});

describe('csvStaleness', () => {
  it('is stale when never imported', () => {
    expect(csvStaleness({ now, lastSuccessAt: null, staleAfterDays: 90 })).toEqual({
      isStale: true,
      reason: 'Never imported for this geography',
    });
  });

  it('follows the configured number of days', () => {
    expect(csvStaleness({ now, lastSuccessAt: daysAgo(10), staleAfterDays: 90 }).isStale).toBe(false);
    const stale = csvStaleness({ now, lastSuccessAt: daysAgo(10), staleAfterDays: 7 });
    expect(stale.isStale).toBe(true);
    expect(stale.reason).toContain('10 days ago (stale after 7)');
  });
});

describe('freshness wording', () => {
  it('says "today", "1 day ago" and "3 days ago", never "0 day(s) ago"', () => {
    const census = (d: number) =>
      censusStaleness({
        now,
        lastSuccessAt: daysAgo(d),
        zctaByZip,
        zipsWithSignals: new Set(zctaByZip.keys()),
        missingZctas: [],
      }).reason;
    expect(census(0)).toBe('refreshed today; every ZIP with a ZCTA has Census figures');
    expect(census(1)).toMatch(/^refreshed 1 day ago;/);
    expect(csvStaleness({ now, lastSuccessAt: daysAgo(3), staleAfterDays: 90 }).reason).toBe(
      'imported 3 days ago',
    );
    expect(csvStaleness({ now, lastSuccessAt: daysAgo(0), staleAfterDays: 90 }).reason).toBe(
      'imported today',
    );
  });
});

describe('CSV_STALE_DAYS', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) };

  it('defaults to 90 days and can be configured', () => {
    expect(loadConfig(base).csvStaleDays).toBe(90);
    expect(loadConfig({ ...base, CSV_STALE_DAYS: '14' }).csvStaleDays).toBe(14);
  });

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ ...base, CSV_STALE_DAYS: '0' })).toThrow(/CSV_STALE_DAYS/);
  });
});
