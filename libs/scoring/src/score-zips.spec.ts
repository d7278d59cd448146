import { buildReport } from './report';
import { SMALL_SAMPLE_HOUSEHOLDS, percentileRanks, scoreZips } from './score-zips';
import {
  AS_OF,
  allZips,
  avg,
  byZip,
  geography,
  ownerShare,
  renterShare,
  signals,
  validYear,
  weightedAverage,
  yearBuilt,
} from './spec-helpers';

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
  const rankIn = (list: typeof moving, z: string): number => list.findIndex((r) => r.zip_code === z) + 1;

  it('scores every ZCTA, sorted by score desc then zip asc, 0..100, tiers in rank order', () => {
    expect(roofing).toHaveLength(188);
    for (let i = 1; i < roofing.length; i++) {
      const a = roofing[i - 1];
      const b = roofing[i];
      expect(a.score > b.score || (a.score === b.score && a.zip_code < b.zip_code)).toBe(true);
      expect(b.tier).toBeGreaterThanOrEqual(a.tier);
    }
    expect(roofing.every((r) => r.score >= 0 && r.score <= 100 && r.score_moe >= 0)).toBe(true);
  });

  it('keeps components whose contributions add up to the score', () => {
    for (const r of roofing) {
      const sum = r.components.reduce((s, c) => s + c.contribution, 0);
      expect(Math.abs(sum * 100 - r.score)).toBeLessThan(0.1);
    }
  });

  it('roofing: top-5 ZIPs are more owner-occupied and older than the geography', () => {
    const top5 = roofing.slice(0, 5).map((r) => r.zip_code);
    expect(avg(top5.map(ownerShare))).toBeGreaterThan(weightedAverage(ownerShare));
    expect(avg(top5.filter(validYear).map(yearBuilt))).toBeLessThan(
      weightedAverage(yearBuilt, validYear, 'B25001_001E'),
    );
  });

  it('moving: renter-heavy ZIPs rise; Norristown 19401 ranks far higher than for roofing', () => {
    const top5 = moving.slice(0, 5).map((r) => r.zip_code);
    expect(avg(top5.map(renterShare))).toBeGreaterThan(weightedAverage(renterShare));
    expect(renterShare('19401')).toBeGreaterThan(0.5);
    expect(rankIn(moving, '19401')).toBeLessThanOrEqual(10);
    expect(rankIn(roofing, '19401')).toBeGreaterThan(rankIn(moving, '19401') + 50);
  });

  it('flags small samples and estimates over 30% CV, and shrinks their advantage', () => {
    // 18950: 48 households; 18927: renters 109 ± 168 → CV 0.94.
    const small = roofing.find((r) => r.zip_code === '18950')!;
    expect(small.small_sample).toBe(true);
    expect(small.households).toBeLessThan(SMALL_SAMPLE_HOUSEHOLDS);
    expect(small.warnings.join(' ')).toMatch(/Small sample/);
    const m = moving.find((r) => r.zip_code === '18927')!;
    const renter = m.components.find((c) => c.feature === 'renter_share')!;
    expect(renter.cv).toBeGreaterThan(0.3);
    expect(renter).toMatchObject({ reliable: false, reliability: 'unreliable' });
    expect(m.warnings.join(' ')).toMatch(/Renter-occupied share is unreliable \(CV \d+% > 30%\)/);
    // 74% renters against 27%: most of that advantage is noise, so it is pulled toward 27%.
    expect(renter.adjusted_value!).toBeLessThan(renter.value!);
    expect(renter.adjusted_value!).toBeGreaterThan(renter.geography_value!);
  });

  it('ranks each ZCTA once and shares its rank with the PO-box ZIPs mapped to it', () => {
    const zips = [...allZips, '18922'];
    const withPoBox = [
      ...signals,
      ...signals.filter((s) => s.zip_code === '18925').map((s) => ({ ...s, zip_code: '18922' })),
    ];
    const scored = scoreZips({
      zip_codes: zips,
      category: 'solar',
      as_of: AS_OF,
      census_signals: withPoBox,
      zcta_resolution: [...allZips.map((z) => ({ zip: z, zcta: z })), { zip: '18922', zcta: '18925' }],
    });
    expect(scored).toHaveLength(188);
    expect(scored.find((r) => r.zcta === '18925')!.zip_codes).toEqual(['18922', '18925']);
  });

  it('substitutes a fallback for a cross-tabulation that is not loaded, and names it', () => {
    const r = buildReport({
      geography: geography(),
      category: 'roofing',
      as_of: AS_OF,
      census_signals: signals,
    });
    const text = r.caveats.join(' ');
    expect(text).toMatch(
      /\(owner_detached_share\) is not in the inputs: owner-occupied share \(owner_share\) stands in/,
    );
    expect(text).toMatch(
      /\(replacement_age_share\) is not in the inputs: median year built \(median_year_built\) stands in/,
    );
    expect(text).toMatch(/\(owner_recent_mover_share\) is not in the inputs: its weight was redistributed/);
    expect(r.top_zips[0].components.map((c) => c.feature)).toEqual([
      'owner_share',
      'median_year_built',
      'median_home_value',
      'median_household_income',
    ]);
  });

  it('pins the top five ZIPs for roofing, moving and solar (docs/CATEGORIES.md)', () => {
    const lines: string[] = [];
    const top5 = (category: string): string[] => {
      const r = buildReport({
        geography: geography(),
        category,
        as_of: AS_OF,
        census_signals: signals,
        vintage: '2023',
      });
      lines.push(`## ${category}`);
      for (const t of r.top_zips.slice(0, 5)) {
        const v = byZip.get(t.zip_code)!.values;
        lines.push(
          `| ${t.rank} | ${t.zip_code} | ${t.score} ± ${t.score_moe} | ${t.tier} | ${v.B25003_001E} ± ${v.B25003_001M} | ${Math.round(ownerShare(t.zip_code) * 100)}% | ${Math.round(renterShare(t.zip_code) * 100)}% | ${v.B25035_001E} | ${v.B19013_001E} | ${v.B25077_001E} | ${v.B25064_001E} |`,
        );
        for (const why of t.why) lines.push(`  - ${why}`);
        for (const warning of t.warnings) lines.push(`  ! ${warning}`);
      }
      lines.push(`tiers: ${JSON.stringify(r.tiers)}`);
      return r.top_zips.slice(0, 5).map((t) => t.zip_code);
    };
    const [roofing, moving, solar] = ['roofing', 'moving', 'solar'].map(top5);
    if (process.env.PRINT_TOP5) process.stdout.write(`${lines.join('\n')}\n`);
    expect(roofing).toEqual(['19066', '19085', '19064', '19083', '19075']);
    expect(moving).toEqual(['19406', '19341', '19428', '19020', '19128']);
    expect(solar).toEqual(['18925', '18977', '18929', '19425', '18902']);
  });
});
