import * as fs from 'node:fs';
import * as path from 'node:path';

import { loadGazetteer, parseCsv } from '@lbi/census';

import { CATEGORIES } from './categories';
import { CATEGORY_COMPETITORS, COMPETITOR_NAICS, competitorsOf, establishmentsMetric } from './competitors';
import { censusMetricsOf } from './feature-metrics';
import { loadPhillyRows, phillySignals } from './philly-fixture';
import { buildReport } from './report';
import { scoreZipsDetailed } from './score-zips';
import {
  COMPETITION_FEATURE,
  COMPETITION_FEATURE_WEIGHT,
  DENSITY_FEATURE,
  DISTANCE_FEATURE,
  DISTANCE_FEATURE_WEIGHT,
} from './trade-area-features';
import type { ZipContextInput } from './types';

// Real inputs: the ACS 2019-2023 Philadelphia-suburb figures, the Gazetteer's land areas and the 2022
// ZIP Code Business Patterns counts for Pennsylvania (data/business).
const rows = loadPhillyRows();
const zips = rows.map((r) => r.zcta);
const signals = phillySignals(rows);
const gazetteer = loadGazetteer();
const [cbpHeader, ...cbpLines] = parseCsv(
  fs.readFileSync(path.join(__dirname, '../../../data/business/zbp_2022_pa_naics6.csv'), 'utf8'),
);
const establishments = new Map<string, number>();
for (const line of cbpLines) {
  establishments.set(`${line[cbpHeader.indexOf('NaicsCode')]}:${line[0]}`, Number(line[2]));
}

function context(category: string, withDistance = false): ZipContextInput[] {
  const codes = competitorsOf(category)!.naics.map((n) => n.code);
  const centre = gazetteer.get('19087')!;
  return zips.map((zip) => {
    const place = gazetteer.get(zip)!;
    return {
      zip_code: zip,
      land_sq_mi: place.land_sq_mi,
      establishments: codes.reduce((sum, code) => sum + (establishments.get(`${code}:${zip}`) ?? 0), 0),
      ...(withDistance
        ? { distance_miles: Math.hypot(place.lat - centre.lat, place.lon - centre.lon) * 60 }
        : {}),
    };
  });
}

const component = (result: { components: { feature: string }[] }, feature: string) =>
  result.components.find((c) => c.feature === feature) as
    { value: number | null; moe: number | null; geography_value: number | null; weight: number } | undefined;

describe('competitors per category', () => {
  it('names NAICS codes for every category, the issue’s examples among them', () => {
    for (const category of CATEGORIES) expect(competitorsOf(category.id)?.naics.length).toBeGreaterThan(0);
    expect(CATEGORY_COMPETITORS.roofing.naics.map((n) => n.code)).toEqual(['238160']);
    expect(CATEGORY_COMPETITORS.hvac.naics.map((n) => n.code)).toEqual(['238220']);
    expect(CATEGORY_COMPETITORS.plumbing.naics.map((n) => n.code)).toEqual(['238220']);
    expect(CATEGORY_COMPETITORS.lawn_landscaping.naics.map((n) => n.code)).toEqual(['561730']);
    expect(CATEGORY_COMPETITORS.moving.naics.map((n) => n.code)).toEqual(['484210']);
    expect(CATEGORY_COMPETITORS.senior_in_home_care.naics.map((n) => n.code)).toEqual(['621610']);
    expect(COMPETITOR_NAICS).toEqual([...new Set(COMPETITOR_NAICS)].sort());
    expect(establishmentsMetric('238160')).toBe('establishments_238160');
  });
});

describe('household density', () => {
  it('is households per square mile of land, with the households’ MOE, pooled across the geography', () => {
    const scored = scoreZipsDetailed({
      zip_codes: zips,
      category: 'lawn_landscaping',
      as_of: '2026-03-01',
      census_signals: signals,
      zip_context: context('lawn_landscaping'),
    });
    const ambler = scored.results.find((r) => r.zip_code === '19002')!;
    const density = component(ambler, DENSITY_FEATURE)!;
    const households = rows.find((r) => r.zcta === '19002')!.values;
    const land = gazetteer.get('19002')!.land_sq_mi;
    expect(density.value).toBeCloseTo((households.B25003_001E as number) / land, 6);
    expect(density.moe).toBeCloseTo((households.B25003_001M as number) / land, 6);
    // The geography figure is total households over total land, not a mean of the ZIP densities.
    const totalHouseholds = rows.reduce((s, r) => s + (r.values.B25003_001E ?? 0), 0);
    const totalLand = zips.reduce((s, zip) => s + gazetteer.get(zip)!.land_sq_mi, 0);
    expect(density.geography_value).toBeCloseTo(totalHouseholds / totalLand, 6);
    // Lawn care prefers lower density (larger lots): the sparsest ZIP outranks the densest on it.
    const byDensity = [...scored.results].sort(
      (a, b) => (component(a, DENSITY_FEATURE)!.value ?? 0) - (component(b, DENSITY_FEATURE)!.value ?? 0),
    );
    const percentile = (r: (typeof scored.results)[number]) =>
      r.components.find((c) => c.feature === DENSITY_FEATURE)!.percentile!;
    expect(percentile(byDensity[0])).toBeGreaterThan(percentile(byDensity[byDensity.length - 1]));
  });

  it('is weighed only where the category depends on it', () => {
    const roofing = scoreZipsDetailed({
      zip_codes: zips,
      category: 'roofing',
      as_of: '2026-03-01',
      census_signals: signals,
      zip_context: context('roofing'),
    });
    expect(roofing.results[0].components.some((c) => c.feature === DENSITY_FEATURE)).toBe(false);
  });
});

describe('fewer competitors', () => {
  const report = buildReport({
    geography: { id: 'g', name: 'Philadelphia suburbs', zip_codes: zips },
    category: 'roofing',
    as_of: '2026-03-01',
    census_signals: signals,
    zip_context: context('roofing'),
    business: { year: '2022' },
  });

  it('adds competitors per 1,000 addressable (owner) households with its default weight, lower is better', () => {
    const top = report.top_zips[0];
    const feature = top.components.find((c) => c.feature === COMPETITION_FEATURE)!;
    expect(feature).toBeDefined();
    // Normalised with the profile's present weights: against the owner share (standing in for owners
    // of detached homes, 0.35) it keeps its 0.1.
    const owner = top.components.find((c) => c.feature === 'owner_share')!;
    const ownerWeight = CATEGORIES.find((c) => c.id === 'roofing')!.features.find(
      (f) => f.feature === 'owner_share' || f.fallback?.feature === 'owner_share',
    )!.weight;
    expect(feature.weight / owner.weight).toBeCloseTo(COMPETITION_FEATURE_WEIGHT / ownerWeight, 2);
    // Without the B25036 cross-tabulation in these files, the addressable base is owner households.
    const owners = rows.find((r) => r.zcta === top.zip_code)!.values.B25003_002E as number;
    const roofers = establishments.get(`238160:${top.zip_code}`) ?? 0;
    expect(feature.value).toBeCloseTo((roofers / owners) * 1000, 6);
    expect(feature.source).toBe('business');
  });

  it('fills the competition section: per ZIP, across the geography (each ZCTA once), the gap and caveats', () => {
    const competition = report.competition!;
    expect(competition.naics).toEqual(['238160']);
    expect(competition.year).toBe('2022');
    expect(competition.zips.map((z) => z.zip_code)).toEqual(report.top_zips.map((z) => z.zip_code));
    const allRoofers = zips.reduce((s, zip) => s + (establishments.get(`238160:${zip}`) ?? 0), 0);
    const allOwners = rows.reduce((s, r) => s + (r.values.B25003_002E ?? 0), 0);
    expect(competition.geography.establishments).toBe(allRoofers);
    expect(competition.geography.addressable_households).toBe(Math.round(allOwners));
    expect(competition.geography.per_1000_households).toBeCloseTo((allRoofers / allOwners) * 1000, 2);
    for (const zip of competition.zips) {
      if (zip.establishments === 0) {
        expect(zip.households_per_establishment).toBeNull();
        expect(zip.note).toMatch(/fewer than 3/);
      } else {
        expect(zip.demand_supply_gap).toBeCloseTo(
          (zip.households_per_establishment as number) /
            (competition.geography.households_per_establishment as number),
          1,
        );
      }
    }
    const caveats = competition.caveats.join(' ');
    expect(caveats).toContain('counted where they are located, not where they work');
    expect(caveats).toContain('fewer than 3 establishments');
    expect(caveats).toContain('is a floor');
    expect(caveats).toMatch(
      /for 2022, published about 18 months after their year: 4 years before this report/,
    );
    expect(report.sources.map((s) => s.name)).toContain('U.S. Census Bureau, ZIP Code Business Patterns');
  });

  it('has no section and no competitor feature when no counts were supplied', () => {
    const without = buildReport({
      geography: { id: 'g', name: 'Philadelphia suburbs', zip_codes: zips },
      category: 'roofing',
      as_of: '2026-03-01',
      census_signals: signals,
    });
    expect(without.competition).toBeNull();
    expect(without.top_zips[0].components.some((c) => c.feature === COMPETITION_FEATURE)).toBe(false);
  });
});

describe('closer ZIPs first', () => {
  it('weighs distance from the centre only when distances are given, nearer ranking higher', () => {
    const near = scoreZipsDetailed({
      zip_codes: zips,
      category: 'remodeling',
      as_of: '2026-03-01',
      census_signals: signals,
      zip_context: context('remodeling', true),
    });
    const wayne = near.results.find((r) => r.zip_code === '19087')!;
    const distance = wayne.components.find((c) => c.feature === DISTANCE_FEATURE)!;
    expect(distance.value).toBe(0);
    expect(distance.percentile).toBe(1);
    expect(distance.source).toBe('geography');
    const without = scoreZipsDetailed({
      zip_codes: zips,
      category: 'remodeling',
      as_of: '2026-03-01',
      census_signals: signals,
      zip_context: context('remodeling'),
    });
    expect(without.results[0].components.some((c) => c.feature === DISTANCE_FEATURE)).toBe(false);
    expect(DISTANCE_FEATURE_WEIGHT).toBeGreaterThan(0);
  });
});

describe('censusMetricsOf', () => {
  it('lists every Census metric a category’s features read, fallbacks included', () => {
    expect(censusMetricsOf('roofing', [COMPETITION_FEATURE])).toEqual(
      expect.arrayContaining([
        'owner_occupied',
        'occupied_units',
        'households',
        // A fallback (replacement_age_share -> median_year_built) and the addressable cells (B25036).
        'median_year_built',
        'owner_built_1970_1979',
        // The geography's pooled median home value reads the value brackets.
        'home_value_total',
      ]),
    );
    expect(censusMetricsOf('moving')).toEqual(
      expect.arrayContaining(['renter_occupied', 'moved_in_total', 'vacant_for_rent']),
    );
    expect(censusMetricsOf('moving')).not.toContain('median_home_value');
  });
});
