import { CATEGORIES } from './categories';
import { buildReport } from './report';
import { AS_OF, allZips, geography, shuffle, signals } from './spec-helpers';
import type { ChannelInput, EventInput, ReportInput } from './types';

describe('buildReport on the real Philadelphia-suburbs figures', () => {
  const channels: ChannelInput[] = [
    { id: 'c1', channel_type: 'hoa', name: 'Blue Bell HOA', zip_code: '19422', estimated_reach: 1200 },
    {
      id: 'c2',
      channel_type: 'real_estate_office',
      name: 'Main Line Realty',
      zip_code: '19401',
      estimated_reach: 5000,
    },
    { id: 'c3', channel_type: 'library', name: 'County library', zip_code: null, estimated_reach: 20000 },
  ];
  const events: EventInput[] = [
    {
      event_name: 'Spring Home Show',
      start_date: '2027-02-06',
      end_date: '2027-02-07',
      zip_code: null,
      category: null,
    },
  ];
  const base: ReportInput = {
    geography: geography(),
    category: 'roofing',
    as_of: AS_OF,
    census_signals: signals,
    channels,
    events,
    freshness: [
      {
        source_type: 'census',
        last_success_at: '2026-11-20T00:00:00Z',
        is_stale: false,
        reason: 'offline snapshot',
      },
    ],
    vintage: '2023',
  };

  it('every category yields a non-empty, explained report with tiers and one vintage', () => {
    for (const c of CATEGORIES) {
      const r = buildReport({ ...base, category: c.id });
      expect(r.top_zips.length).toBe(10);
      expect(r.vintage).toBe('2023');
      expect(r.tiers!.flatMap((t) => t.zip_codes)).toEqual(r.top_zips.map((t) => t.zip_code));
      for (const t of r.top_zips) {
        expect(t.why.length).toBeGreaterThanOrEqual(2);
        expect(t.why.length).toBeLessThanOrEqual(4);
        expect(t.why.join(' ')).toMatch(/\d/);
        expect(t.why[0]).toMatch(
          /^Ranks \d+ of \d+ ZIP areas \(ZCTAs\) with a score of [\d.]+( ± [\d.]+)? out of 100; tier \d+/,
        );
        expect(t.tier).toBeGreaterThanOrEqual(1);
      }
      expect(r.buyer_profile.households.value).toBeGreaterThan(0);
      expect(r.buyer_profile.addressable_households.value).toBeGreaterThan(0);
      expect(r.recommended_channels.length + r.channel_types_to_add.length).toBeGreaterThan(0);
      expect(r.timing_window.start_date <= r.timing_window.end_date).toBe(true);
      expect(r.caveats.length).toBeGreaterThan(0);
    }
  });

  it('explains roofing with tested comparisons, units and margins', () => {
    const r = buildReport(base);
    const why = r.top_zips[0].why.join(' ');
    expect(why).toMatch(
      /89% ± 1\.5 pts of homes are owner-occupied, higher than 73% ± 0\.3 pts across the geography \(significant at 90%\)/,
    );
    expect(why).toMatch(
      /Median year built 1939 or earlier, older than 1971 across the geography \(weighted by housing units; not tested: a bottom-coded median\): roofs past replacement age\./,
    );
    expect(r.data_freshness[0].detail).toBe('offline snapshot');
    const text = r.caveats.join(' ');
    expect(text).toMatch(/census data is a snapshot/);
    expect(text).toMatch(/No property data/);
    expect(text).toMatch(/ACS 2019-2023 5-year estimates/);
    expect(text).toMatch(
      /Median year built, Median home value, Median household income: no margin of error in the inputs/,
    );
  });

  it('is deterministic: same input and shuffled input give deep-equal reports', () => {
    const a = buildReport(base);
    expect(buildReport(base)).toEqual(a);
    const c = buildReport({
      ...base,
      census_signals: shuffle(signals, 7),
      geography: { ...base.geography, zip_codes: shuffle(allZips, 3) },
      channels: shuffle(channels, 5),
    });
    expect(c).toEqual(a);
  });

  it('buyer profile MOE arithmetic, by hand on 19401 and 19403', () => {
    const r = buildReport({ ...base, geography: geography(['19401', '19403']), channels: [] });
    const p = r.buyer_profile;
    // households: 16793 ± 771 and 18973 ± 695 → 35766 ± √(771² + 695²) = 1038
    expect(p.households).toEqual({ value: 35766, moe: 1038 });
    // owners 7419 ± 646 + 13925 ± 717 = 21344 ± √(646² + 717²) = 965.09; p = 21344 / 35766 = 0.5968
    // MOE = √(965.09² − 0.5968² · 1038.01²) / 35766 = 0.0207
    expect(p.owner_share.value).toBeCloseTo(0.5968, 4);
    expect(p.owner_share.moe).toBeCloseTo(0.0207, 4);
    expect(p.median_household_income).toMatchObject({
      min: 68646,
      max: 101996,
      household_weighted: Math.round((68646 * 16793 + 101996 * 18973) / 35766),
      display_range: '$68,646 – $101,996',
    });
    // Home value weighted by its own universe, owner-occupied homes: (225,700 · 7,419 + 355,700 · 13,925) / 21,344
    expect(p.median_home_value.estimate).toMatchObject({
      value: Math.round((225700 * 7419 + 355700 * 13925) / 21344),
      universe: 'owner-occupied homes',
    });
    expect(p.median_year_built).toMatchObject({ min: 1958, max: 1977 });
    expect(p.notes.join(' ')).toMatch(/Medians cannot be summed/);
    // Roofing: owner homes built before 2010 (B25036) is not loaded → owner households, an upper bound.
    expect(p.addressable_households).toEqual({
      value: 21344,
      moe: 965,
      basis: 'owner-occupied households (an upper bound: the cross-tabulation is not in the inputs)',
    });
  });

  it('with no channels: recommended_channels is [] and channel types to add are named', () => {
    const r = buildReport({ ...base, channels: [] });
    expect(r.recommended_channels).toEqual([]);
    expect(r.channel_types_to_add.map((t) => t.channel_type)).toEqual([
      'hoa',
      'civic_association',
      'home_show',
    ]);
    expect(r.channel_types_to_add[0].why).toMatch(/^HOA reaches roofing buyers/);
    expect(r.caveats.join(' ')).toMatch(/No channels/);
  });

  it('ranks channels by type relevance, reach and coverage, each with why', () => {
    const r = buildReport({ ...base, category: 'moving' });
    expect(r.recommended_channels[0].channel_id).toBe('c2');
    expect(r.recommended_channels[0].covers_top_zip).toBe(true);
    expect(r.recommended_channels[0].why).toMatch(/^Real estate office channels are a strong fit for moving/);
    const hoa = buildReport(base).recommended_channels.find((c) => c.channel_type === 'hoa')!;
    expect(hoa.why).toMatch(/^HOA channels/);
  });

  it('is never silently empty: no census signals is named', () => {
    const r = buildReport({ ...base, census_signals: [], channels: [], events: [], freshness: [] });
    expect(r.top_zips).toEqual([]);
    const text = r.caveats.join(' ');
    expect(text).toMatch(/No census signals/);
    expect(text).toMatch(/No events/);
    expect(text).toMatch(/No channels/);
    expect(text).toMatch(/No data-freshness/);
    expect(r.channel_types_to_add.length).toBeGreaterThan(0);
  });

  it('names ZIPs without a ZCTA and lists them as missing', () => {
    const r = buildReport({
      ...base,
      geography: {
        ...geography(['19401', '19403', '00901']),
        zcta_resolution: [
          { zip: '19401', zcta: '19401' },
          { zip: '19403', zcta: '19403' },
          { zip: '00901', zcta: null },
        ],
      },
    });
    expect(r.caveats.join(' ')).toMatch(/ZIPs without a ZCTA \(no Census figures\): 00901/);
    expect(r.top_zips.map((t) => t.zip_code)).not.toContain('00901');
    expect(r.missing_zips).toEqual([{ zip_code: '00901', reason: expect.stringMatching(/^no ZCTA/) }]);
  });
});

describe('derived features with MOE on a full signal set (SYNTHETIC figures for two ZIPs)', () => {
  const sig = (zip: string, metric: string, value: number, moe: number | null = null) => ({
    zip_code: zip,
    zcta: zip,
    metric,
    value,
    margin_of_error: moe,
  });
  // B25034 year-built lines and B25024 units in structure, as a live refresh would fetch them.
  const full = (zip: string, owners: number, old: number) => [
    sig(zip, 'occupied_units', 1000, 50),
    sig(zip, 'owner_occupied', owners, 40),
    sig(zip, 'renter_occupied', 1000 - owners, 40),
    sig(zip, 'units_in_structure_total', 1000, 50),
    sig(zip, 'units_1_detached', 700, 60),
    sig(zip, 'year_built_total', 1000, 50),
    sig(zip, 'year_built_1970_1979', old / 2, 30),
    sig(zip, 'year_built_1960_1969', old / 2, 40),
    sig(zip, 'year_built_1950_1959', 0, 20),
    sig(zip, 'year_built_1940_1949', 0, 25),
    sig(zip, 'year_built_1939_or_earlier', 0, 10),
    sig(zip, 'median_year_built', 1975, 3),
    sig(zip, 'median_home_value', 300000, 20000),
  ];

  it('older_stock_share sums B25034 with the zero-estimate rule; a ZIP without property data is not penalised', () => {
    const r = buildReport({
      geography: { id: 'g', name: 'two', zip_codes: ['10001', '10002'] },
      category: 'windows_doors',
      as_of: '2026-03-01',
      census_signals: [...full('10001', 800, 600), ...full('10002', 500, 200)],
    });
    expect(r.top_zips[0].zip_code).toBe('10001');
    const older = r.top_zips[0].components.find((c) => c.feature === 'older_stock_share')!;
    expect(older.value).toBeCloseTo(0.6, 6);
    // Numerator MOE: √(30² + 40² + largest zero-estimate MOE 25²) = √3125; p = 0.6 of 1000 ± 50.
    const moeNum = Math.sqrt(30 ** 2 + 40 ** 2 + 25 ** 2);
    expect(older.moe).toBeCloseTo(Math.sqrt(moeNum ** 2 - 0.36 * 50 ** 2) / 1000, 6);
    // The pooled geography share: (600 + 200) / 2000, its overlap f for 10001 is 1000 / 2000.
    expect(older.geography_value).toBeCloseTo(0.4, 6);
    expect(older.overlap_share).toBe(0.5);
    expect(r.caveats.join(' ')).not.toMatch(/older_stock_share\) is not in the inputs/);
    // Owner homes built before 1980 (B25036) are not loaded: owner households, said to be an upper bound.
    expect(r.buyer_profile.addressable_households).toMatchObject({
      value: 1300,
      basis: expect.stringMatching(/upper bound/),
    });
  });
});
