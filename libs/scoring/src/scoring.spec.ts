import { CHANNEL_TYPES } from '@lbi/contracts';

import { CATEGORIES, requireCategory } from './categories';
import { type PhillyRow, loadPhillyRows, phillySignals } from './philly-fixture';
import { buildReport } from './report';
import { SMALL_SAMPLE_HOUSEHOLDS, percentileRanks, scoreZips } from './score-zips';
import { nextSeason, peakRuns, timingWindow } from './timing';
import type { ChannelInput, EventInput, ReportInput } from './types';

const rows = loadPhillyRows();
const signals = phillySignals(rows);
const allZips = rows.map((r) => r.zcta);
const byZip = new Map<string, PhillyRow>(rows.map((r) => [r.zcta, r]));
const AS_OF = '2026-11-26';

const geography = (zips: readonly string[] = allZips): ReportInput['geography'] => ({
  id: 'geo-philly',
  name: 'Philadelphia suburbs',
  zip_codes: zips,
  zcta_resolution: zips.map((z) => ({ zip: z, zcta: z })),
});

const ownerShare = (z: string): number =>
  (byZip.get(z)!.values.B25003_002E as number) / (byZip.get(z)!.values.B25003_001E as number);
const renterShare = (z: string): number =>
  (byZip.get(z)!.values.B25003_003E as number) / (byZip.get(z)!.values.B25003_001E as number);
const yearBuilt = (z: string): number => byZip.get(z)!.values.B25035_001E as number;

/** Household-weighted geography figure over ZIPs that have the value (year built: no -666666666). */
function geographyAverage(f: (z: string) => number, valid: (z: string) => boolean = () => true): number {
  let num = 0;
  let den = 0;
  for (const z of allZips.filter(valid)) {
    const hh = byZip.get(z)!.values.B25003_001E ?? 0;
    if (hh <= 0) continue;
    num += f(z) * hh;
    den += hh;
  }
  return num / den;
}
const avg = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const validYear = (z: string): boolean => yearBuilt(z) > 0;

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('category registry', () => {
  it('has at least 14 complete profiles with valid channel types and months', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(14);
    for (const id of [
      'roofing',
      'hvac',
      'solar',
      'lawn_landscaping',
      'pest_control',
      'pool_spa',
      'remodeling',
      'plumbing',
      'windows_doors',
      'exterior_painting',
      'gutters',
      'moving',
      'home_security',
      'senior_in_home_care',
    ]) {
      expect(requireCategory(id).id).toBe(id);
    }
    for (const c of CATEGORIES) {
      expect(c.features.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 6);
      expect(c.peak_months.every((m) => m >= 1 && m <= 12)).toBe(true);
      expect(c.lead_time_weeks).toBeGreaterThan(0);
      for (const ch of c.channels) {
        expect(CHANNEL_TYPES).toContain(ch.channel_type);
        expect(ch.relevance).toBeGreaterThan(0);
        expect(ch.relevance).toBeLessThanOrEqual(1);
      }
      expect(c.rationale.length).toBeGreaterThan(20);
    }
    expect(() => requireCategory('nope')).toThrow(/unknown category/);
  });
});

describe('percentileRanks', () => {
  it('averages ties and is 0..1', () => {
    expect(percentileRanks([10, 20, 20, 30])).toEqual([0, 0.5, 0.5, 1]);
    expect(percentileRanks([5])).toEqual([1]);
    expect(percentileRanks([])).toEqual([]);
  });
});

describe('scoreZips on the real Philadelphia-suburbs figures (188 ZCTAs)', () => {
  const roofing = scoreZips({
    zip_codes: allZips,
    category: 'roofing',
    as_of: AS_OF,
    census_signals: signals,
  });
  const moving = scoreZips({ zip_codes: allZips, category: 'moving', as_of: AS_OF, census_signals: signals });

  it('scores every ZIP, sorted by score desc then zip asc, 0..100', () => {
    expect(roofing).toHaveLength(188);
    for (let i = 1; i < roofing.length; i++) {
      const a = roofing[i - 1];
      const b = roofing[i];
      expect(a.score > b.score || (a.score === b.score && a.zip_code < b.zip_code)).toBe(true);
    }
    expect(roofing.every((r) => r.score >= 0 && r.score <= 100)).toBe(true);
  });

  it('keeps components whose contributions add up to the score', () => {
    for (const r of roofing) {
      const sum = r.components.reduce((s, c) => s + c.contribution, 0);
      expect(Math.abs(sum * 100 - r.score)).toBeLessThan(0.1);
    }
  });

  it('roofing: top-5 ZIPs are more owner-occupied and older than the geography', () => {
    const top5 = roofing.slice(0, 5).map((r) => r.zip_code);
    expect(avg(top5.map(ownerShare))).toBeGreaterThan(geographyAverage(ownerShare));
    expect(avg(top5.filter(validYear).map(yearBuilt))).toBeLessThan(geographyAverage(yearBuilt, validYear));
  });

  it('moving: renter-heavy ZIPs rise; Norristown 19401 ranks far higher than for roofing', () => {
    const top5 = moving.slice(0, 5).map((r) => r.zip_code);
    expect(avg(top5.map(renterShare))).toBeGreaterThan(geographyAverage(renterShare));
    const rankIn = (list: typeof moving, z: string): number => list.findIndex((r) => r.zip_code === z) + 1;
    expect(renterShare('19401')).toBeGreaterThan(0.5);
    expect(rankIn(moving, '19401')).toBeLessThanOrEqual(5);
    expect(rankIn(roofing, '19401')).toBeGreaterThan(rankIn(moving, '19401') + 50);
  });

  it('flags small samples and estimates over 30% CV', () => {
    // 18950: 48 households; 18927: renters 109 ± 168 → CV 0.94.
    const small = roofing.find((r) => r.zip_code === '18950')!;
    expect(small.small_sample).toBe(true);
    expect(small.households).toBeLessThan(SMALL_SAMPLE_HOUSEHOLDS);
    expect(small.warnings.join(' ')).toMatch(/Small sample/);
    const m = moving.find((r) => r.zip_code === '18927')!;
    const renter = m.components.find((c) => c.feature === 'renter_share')!;
    expect(renter.cv).toBeGreaterThan(0.3);
    expect(renter.reliable).toBe(false);
    expect(m.warnings.join(' ')).toMatch(/Renter-occupied share is unreliable \(CV \d+% > 30%\)/);
    // Its effective weight is below its profile weight (halved, then renormalised).
    expect(renter.effective_weight).toBeLessThan(renter.weight);
  });

  it('skips absent features and names them', () => {
    const r = buildReport({
      geography: geography(),
      category: 'roofing',
      as_of: AS_OF,
      census_signals: signals,
    });
    expect(r.caveats.join(' ')).toMatch(/older_stock_share\) is not in the inputs/);
    expect(r.caveats.join(' ')).toMatch(/single_family_share\) is not in the inputs/);
  });

  it('prints the top five ZIPs for roofing, moving and solar (docs/CATEGORIES.md)', () => {
    const lines: string[] = [];
    for (const category of ['roofing', 'moving', 'solar']) {
      const top = scoreZips({ zip_codes: allZips, category, as_of: AS_OF, census_signals: signals }).slice(
        0,
        5,
      );
      lines.push(`## ${category}`);
      for (const t of top) {
        const v = byZip.get(t.zip_code)!.values;
        lines.push(
          `| ${t.zip_code} | ${t.score} | ${v.B25003_001E} ± ${v.B25003_001M} | ${Math.round(ownerShare(t.zip_code) * 100)}% | ${Math.round(renterShare(t.zip_code) * 100)}% | ${v.B25035_001E} | ${v.B19013_001E} | ${v.B25077_001E} | ${v.B25064_001E} | ${v.B01003_001E} | ${t.warnings.length} |`,
        );
      }
    }
    if (process.env.PRINT_TOP5) process.stdout.write(`${lines.join('\n')}\n`);
    expect(lines).toHaveLength(18);
    // Pinned: these are the tables in docs/CATEGORIES.md.
    const top5 = (category: string): string[] =>
      scoreZips({ zip_codes: allZips, category, as_of: AS_OF, census_signals: signals })
        .slice(0, 5)
        .map((r) => r.zip_code);
    expect(top5('roofing')).toEqual(['19066', '19085', '19064', '19075', '19083']);
    expect(top5('moving')).toEqual(['19020', '19401', '19406', '19128', '19111']);
    expect(top5('solar')).toEqual(['19373', '18925', '18977', '18929', '19425']);
  });
});

describe('buildReport', () => {
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

  it('every category yields a non-empty, explained report', () => {
    for (const c of CATEGORIES) {
      const r = buildReport({ ...base, category: c.id });
      expect(r.top_zips.length).toBe(10);
      for (const t of r.top_zips) {
        expect(t.why.length).toBeGreaterThanOrEqual(2);
        expect(t.why.length).toBeLessThanOrEqual(4);
        expect(t.why.join(' ')).toMatch(/\d/);
      }
      expect(r.buyer_profile.households.value).toBeGreaterThan(0);
      expect(r.buyer_profile.addressable_households.value).toBeGreaterThan(0);
      expect(r.recommended_channels.length + r.channel_types_to_add.length).toBeGreaterThan(0);
      expect(r.timing_window.start_date <= r.timing_window.end_date).toBe(true);
      expect(r.caveats.length).toBeGreaterThan(0);
    }
  });

  it('explains roofing with the owner share against the geography', () => {
    const r = buildReport(base);
    expect(r.top_zips[0].why.join(' ')).toMatch(
      /\d+% of homes are owner-occupied, against \d+% across the geography/,
    );
    expect(r.top_zips[0].why.join(' ')).toMatch(/Median year built 1938: roofs past replacement age/);
    expect(r.data_freshness[0].detail).toBe('offline snapshot');
    expect(r.caveats.join(' ')).toMatch(/census data is a snapshot/);
    expect(r.caveats.join(' ')).toMatch(/No property data/);
  });

  it('is deterministic: same input and shuffled input give deep-equal reports', () => {
    const a = buildReport(base);
    const b = buildReport(base);
    const c = buildReport({
      ...base,
      census_signals: shuffle(signals, 7),
      geography: { ...base.geography, zip_codes: shuffle(allZips, 3) },
      channels: shuffle(channels, 5),
    });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('buyer profile MOE arithmetic, by hand on 19401 and 19403', () => {
    const r = buildReport({ ...base, geography: geography(['19401', '19403']), channels: [] });
    const p = r.buyer_profile;
    // households: 16793 ± 771 and 18973 ± 695 → 35766 ± √(771² + 695²) = 1038
    expect(p.households.value).toBe(35766);
    expect(p.households.moe).toBe(1038);
    // owners 7419 ± 646 + 13925 ± 717 = 21344 ± √(646² + 717²) = 965.09; p = 21344 / 35766 = 0.5968
    // MOE = √(965.09² − 0.5968² · 1038.01²) / 35766 = 0.0207
    expect(p.owner_share.value).toBeCloseTo(0.5968, 4);
    expect(p.owner_share.moe).toBeCloseTo(0.0207, 4);
    // Medians: range and household-weighted figure, never summed.
    expect(p.median_household_income).toEqual({
      min: 68646,
      max: 101996,
      household_weighted: Math.round((68646 * 16793 + 101996 * 18973) / 35766),
    });
    expect(p.median_year_built.min).toBe(1958);
    expect(p.median_year_built.max).toBe(1977);
    expect(p.notes.join(' ')).toMatch(/Medians cannot be summed/);
    // Roofing: owners × older-stock share, which is not loaded → owner households, said so.
    expect(p.addressable_households.value).toBe(21344);
    expect(p.addressable_households.moe).toBe(965);
    expect(p.addressable_households.basis).toMatch(/upper bound/);
  });

  it('with no channels: recommended_channels is [] and channel types to add are named', () => {
    const r = buildReport({ ...base, channels: [] });
    expect(r.recommended_channels).toEqual([]);
    expect(r.channel_types_to_add.map((t) => t.channel_type)).toEqual([
      'hoa',
      'civic_association',
      'home_show',
    ]);
    expect(r.channel_types_to_add.every((t) => t.why.length > 0)).toBe(true);
    expect(r.caveats.join(' ')).toMatch(/No channels/);
  });

  it('ranks channels by type relevance, reach and coverage, each with why', () => {
    const r = buildReport({ ...base, category: 'moving' });
    expect(r.recommended_channels[0].channel_id).toBe('c2');
    expect(r.recommended_channels[0].covers_top_zip).toBe(true);
    expect(r.recommended_channels.every((c) => c.why.length > 0)).toBe(true);
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

  it('names ZIPs without a ZCTA', () => {
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
  });
});

describe('timing window', () => {
  it('groups peak months circularly', () => {
    expect(peakRuns([11, 12, 1, 2])).toEqual([[11, 12, 1, 2]]);
    expect(peakRuns([4, 5, 6, 8, 9, 10])).toEqual([
      [4, 5, 6],
      [8, 9, 10],
    ]);
  });

  it('crosses a year boundary: roofing in late November plans for next April', () => {
    const w = timingWindow(requireCategory('roofing'), '2026-11-26', [], ['19401']);
    expect(w.start_date).toBe('2027-02-18'); // 6 weeks before 2027-04-01
    expect(w.end_date).toBe('2027-06-30');
    expect(w.why.join(' ')).toMatch(/No upcoming events/);
  });

  it('a winter peak spans New Year (plumbing Nov-Feb)', () => {
    expect(nextSeason([11, 12, 1, 2], '2026-09-01')).toEqual({
      peakStart: '2026-11-01',
      peakEnd: '2027-02-28',
      run: [11, 12, 1, 2],
    });
    const w = timingWindow(requireCategory('plumbing'), '2026-09-01', [], []);
    expect(w.start_date).toBe('2026-10-04');
    expect(w.end_date).toBe('2027-02-28');
  });

  it('starts now when the lead time has begun', () => {
    const w = timingWindow(requireCategory('roofing'), '2027-03-15', [], []);
    expect(w.start_date).toBe('2027-03-15');
  });

  it('events in the top ZIPs move the start earlier and extend the end; others are ignored', () => {
    const events: EventInput[] = [
      {
        event_name: 'Home Show',
        start_date: '2027-01-30',
        end_date: '2027-01-31',
        zip_code: '19401',
        category: null,
      },
      {
        event_name: 'Roof Expo',
        start_date: '2027-07-20',
        end_date: '2027-07-22',
        zip_code: null,
        category: 'roofing',
      },
      {
        event_name: 'Other ZIP fair',
        start_date: '2027-01-10',
        end_date: null,
        zip_code: '19999',
        category: null,
      },
      {
        event_name: 'Moving day',
        start_date: '2027-01-05',
        end_date: null,
        zip_code: '19401',
        category: 'moving',
      },
    ];
    const w = timingWindow(requireCategory('roofing'), '2026-11-26', events, ['19401']);
    expect(w.start_date).toBe('2027-01-16');
    expect(w.end_date).toBe('2027-07-22');
    expect(w.events.map((e) => e.event_name)).toEqual(['Home Show', 'Roof Expo']);
    expect(w.why.join(' ')).toMatch(/moved earlier to 2027-01-16/);
    expect(w.events.every((e) => e.why.length > 0)).toBe(true);
  });

  it('buildReport passes events through to the timing window', () => {
    const r = buildReport({
      geography: geography(),
      category: 'solar',
      as_of: '2026-11-26',
      census_signals: signals,
      events: [
        {
          event_name: 'Solar open house',
          start_date: '2026-12-05',
          end_date: null,
          zip_code: null,
          category: 'solar',
        },
      ],
    });
    // Solar's December incentive rush: the peak starts 2026-12-01, so the lead time has begun.
    expect(r.timing_window.start_date).toBe('2026-11-26');
    expect(r.timing_window.events).toHaveLength(1);
  });
});

describe('derived features with MOE on a full signal set', () => {
  const sig = (zip: string, metric: string, value: number, moe: number | null = null) => ({
    zip_code: zip,
    zcta: zip,
    metric,
    value,
    margin_of_error: moe,
  });
  // Two synthetic ZIPs with the B25034 year-built distribution and B25024 units in structure.
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
  const signals2 = [...full('10001', 800, 600), ...full('10002', 500, 200)];

  it('older_stock_share sums B25034 with the zero-estimate rule and feeds the addressable estimate', () => {
    const r = buildReport({
      geography: { id: 'g', name: 'two', zip_codes: ['10001', '10002'] },
      category: 'roofing',
      as_of: '2026-03-01',
      census_signals: signals2,
      property_aggregates: [{ zip_code: '10001', property_count: 50, median_year_built: 1960 }],
    });
    expect(r.top_zips[0].zip_code).toBe('10001');
    const older = r.top_zips[0].components.find((c) => c.feature === 'older_stock_share')!;
    expect(older.value).toBeCloseTo(0.6, 6);
    // Numerator MOE: √(30² + 40² + largest zero-estimate MOE 25²) = √3125; p = 0.6 of 1000 ± 50.
    const moeNum = Math.sqrt(30 ** 2 + 40 ** 2 + 25 ** 2);
    expect(older.moe).toBeCloseTo(Math.sqrt(moeNum ** 2 - 0.36 * 50 ** 2) / 1000, 6);
    expect(r.caveats.join(' ')).not.toMatch(/older_stock_share\) is not in the inputs/);
    expect(r.caveats.join(' ')).not.toMatch(/No property data/);
    // Addressable: Σ owners × older share, MOE of each product √(a²·MOE_b² + b²·MOE_a²), summed in quadrature.
    const a = r.buyer_profile.addressable_households;
    expect(a.basis).toMatch(/built before 1980/);
    expect(a.value).toBe(Math.round(800 * 0.6 + 500 * 0.2));
    const share2Moe = Math.sqrt(Math.max(0, 30 ** 2 + 40 ** 2 + 25 ** 2 - 0.04 * 50 ** 2)) / 1000;
    const product = (x: number, mx: number, y: number, my: number) => x * x * my * my + y * y * mx * mx;
    expect(a.moe).toBe(
      Math.round(Math.sqrt(product(800, 40, 0.6, older.moe!) + product(500, 40, 0.2, share2Moe))),
    );
  });
});
