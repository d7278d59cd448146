// ZIP features derived from census signals, property aggregates and events, each with its MOE where the
// ACS handbook arithmetic (libs/census moe.ts) can derive one. A share keeps its numerator and
// denominator so the geography figure can pool them; a median knows its published metric (universe,
// brackets and top codes are in libs/census acs-medians.ts).

import { type Censoring, censoringOf, moeOfProportion, moeOfSum } from '@lbi/census';

import { type Measure, type ZipData, isUsableNumber } from './zip-data';

export interface FeatureValue {
  value: number;
  moe: number | null;
  /** Set when an input's MOE was an annotation code: no sampling error can be given. */
  moe_code: string | null;
  /** A top- or bottom-coded median: a bound, not a figure. */
  censored: Censoring | null;
}

export type FeatureUnit = 'share' | 'year' | 'dollars' | 'count' | 'years';

export interface FeatureDef {
  id: string;
  label: string;
  unit: FeatureUnit;
  source: 'census' | 'property' | 'events';
  /** How the geography figure is made: pooled share, average per ZCTA, or a median. */
  kind: 'share' | 'count' | 'median';
  /** Shares: numerator and denominator, summed over the ZCTAs for the geography figure. */
  parts?(zip: ZipData): { num: Measure; den: Measure } | null;
  /** Medians: the metric of the published median. */
  median?: string;
  /** Counts: what is counted ("households"). */
  noun?: string;
  /** What a share is of, for sentences ("of homes are owner-occupied"). */
  phrase?: string;
  compute(zip: ZipData): FeatureValue | null;
}

function get(zip: ZipData, metric: string): Measure | null {
  return zip.census.get(metric) ?? null;
}

/** households, else occupied units (they are equal in the ACS). */
export function householdsOf(zip: ZipData): Measure | null {
  return get(zip, 'households') ?? get(zip, 'occupied_units');
}

function occupiedOf(zip: ZipData): Measure | null {
  const occ = get(zip, 'occupied_units') ?? get(zip, 'households');
  if (occ) return occ;
  return sumOf(zip, ['owner_occupied', 'renter_occupied']);
}

const codeOf = (...ms: readonly Measure[]): string | null =>
  ms.find((m) => m.moe_code && m.moe === null)?.moe_code ?? null;

/** Sum of several count lines with the handbook's MOE (zero estimates' MOE counted once). */
export function sumOf(zip: ZipData, metrics: readonly string[]): Measure | null {
  const parts = metrics.map((m) => get(zip, m));
  if (parts.some((p) => p === null)) return null;
  const ms = parts as Measure[];
  const value = ms.reduce((s, m) => s + m.value, 0);
  const moe = ms.every((m) => m.moe !== null)
    ? moeOfSum(
        ms.map((m) => m.moe as number),
        ms.map((m) => m.value),
      )
    : null;
  return { value, moe, moe_code: codeOf(...ms) };
}

function proportion(parts: { num: Measure; den: Measure } | null): FeatureValue | null {
  if (!parts || parts.den.value <= 0) return null;
  const { num, den } = parts;
  const value = num.value / den.value;
  const moe =
    num.moe !== null && den.moe !== null ? moeOfProportion(num.value, num.moe, den.value, den.moe) : null;
  return { value, moe, moe_code: codeOf(num, den), censored: null };
}

function share(
  id: string,
  label: string,
  phrase: string,
  parts: (zip: ZipData) => { num: Measure | null; den: Measure | null },
): FeatureDef {
  const both = (zip: ZipData) => {
    const { num, den } = parts(zip);
    return num && den ? { num, den } : null;
  };
  return {
    id,
    label,
    phrase,
    unit: 'share',
    source: 'census',
    kind: 'share',
    parts: both,
    compute: (z) => proportion(both(z)),
  };
}

function median(id: string, label: string, unit: FeatureUnit): FeatureDef {
  return {
    id,
    label,
    unit,
    source: 'census',
    kind: 'median',
    median: id,
    compute: (z) => {
      const m = get(z, id);
      return m ? { ...m, censored: censoringOf(id, m.value, m.moe_code) } : null;
    },
  };
}

const OLDER_STOCK_METRICS = [
  'year_built_1970_1979',
  'year_built_1960_1969',
  'year_built_1950_1959',
  'year_built_1940_1949',
  'year_built_1939_or_earlier',
];
// Owner-occupied homes built before 2010: 17 years or more in 2026, into and past the 20-30-year life
// of an asphalt roof. B25036's brackets allow no finer cut.
const OWNER_BUILT_BEFORE_2010 = [
  'owner_built_2000_2009',
  'owner_built_1990_1999',
  'owner_built_1980_1989',
  'owner_built_1970_1979',
  'owner_built_1960_1969',
  'owner_built_1950_1959',
  'owner_built_1940_1949',
  'owner_built_1939_or_earlier',
];
export const OWNER_BUILT_BEFORE_1980 = OWNER_BUILT_BEFORE_2010.slice(3);
const FOSSIL_HEAT_METRICS = ['heating_fuel_oil_kerosene', 'heating_fuel_bottled_tank_lp_gas'];
const OWNER_FOSSIL_HEAT_METRICS = ['owner_heat_fuel_oil_kerosene', 'owner_heat_bottled_tank_lp_gas'];
const MARKET_VACANCY_METRICS = [
  'vacant_for_rent',
  'vacant_rented_not_occupied',
  'vacant_for_sale_only',
  'vacant_sold_not_occupied',
];
export const SENIOR_HOUSEHOLDER_METRICS = [
  'owner_householder_65_74',
  'owner_householder_75_84',
  'owner_householder_85_plus',
  'renter_householder_65_74',
  'renter_householder_75_84',
  'renter_householder_85_plus',
];

function count(id: string, label: string, noun: string, measure: (z: ZipData) => Measure | null): FeatureDef {
  return {
    id,
    label,
    noun,
    unit: 'count',
    source: 'census',
    kind: 'count',
    compute: (z) => {
      const m = measure(z);
      return m ? { ...m, censored: null } : null;
    },
  };
}

export const FEATURES: readonly FeatureDef[] = [
  share('owner_share', 'Owner-occupied share', 'of homes are owner-occupied', (z) => ({
    num: get(z, 'owner_occupied'),
    den: occupiedOf(z),
  })),
  share('renter_share', 'Renter-occupied share', 'of households rent', (z) => ({
    num: get(z, 'renter_occupied'),
    den: occupiedOf(z),
  })),
  share(
    'owner_detached_share',
    'Owner-occupied detached homes (B25032)',
    'of households own a detached house',
    (z) => ({ num: get(z, 'owner_1_detached'), den: get(z, 'tenure_units_total') }),
  ),
  share(
    'single_family_share',
    'Single-family (1-unit detached) share',
    'of homes are detached single-family',
    (z) => ({ num: get(z, 'units_1_detached'), den: get(z, 'units_in_structure_total') }),
  ),
  share(
    'replacement_age_share',
    'Owner-occupied homes built before 2010 (B25036)',
    'of owner-occupied homes were built before 2010',
    (z) => ({ num: sumOf(z, OWNER_BUILT_BEFORE_2010), den: get(z, 'owner_year_built_total') }),
  ),
  share('older_stock_share', 'Homes built before 1980', 'of homes were built before 1980', (z) => ({
    num: sumOf(z, OLDER_STOCK_METRICS),
    den: get(z, 'year_built_total'),
  })),
  share(
    'fossil_heat_share',
    'Homes heated by oil or propane',
    'of homes are heated by oil or propane',
    (z) => ({
      num: sumOf(z, FOSSIL_HEAT_METRICS),
      den: get(z, 'heating_fuel_total'),
    }),
  ),
  share(
    'owner_fossil_heat_share',
    'Owner homes heated by oil or propane (B25117)',
    'of owner-occupied homes are heated by oil or propane',
    (z) => ({ num: sumOf(z, OWNER_FOSSIL_HEAT_METRICS), den: get(z, 'owner_heating_fuel_total') }),
  ),
  share(
    'owner_electric_heat_share',
    'Owner homes heated by electricity (B25117)',
    'of owner-occupied homes are heated by electricity',
    (z) => ({ num: get(z, 'owner_heat_electricity'), den: get(z, 'owner_heating_fuel_total') }),
  ),
  share(
    'children_share',
    'Households with children under 18',
    'of households have children under 18',
    (z) => ({
      num: get(z, 'households_with_children'),
      den: get(z, 'households_children_universe') ?? householdsOf(z),
    }),
  ),
  share(
    'senior_householder_share',
    'Householders aged 65 or older (B25007)',
    'of householders are 65 or older',
    (z) => ({ num: sumOf(z, SENIOR_HOUSEHOLDER_METRICS), den: get(z, 'householder_age_total') }),
  ),
  share(
    'recent_mover_share',
    'Households that moved in 2021 or later (B25038)',
    'of households moved in 2021 or later',
    (z) => ({
      num: sumOf(z, ['owner_moved_in_recent', 'renter_moved_in_recent']),
      den: get(z, 'moved_in_total'),
    }),
  ),
  share(
    'owner_recent_mover_share',
    'Owners who moved in 2021 or later (B25038)',
    'of owners moved in 2021 or later',
    (z) => ({ num: get(z, 'owner_moved_in_recent'), den: get(z, 'owner_moved_in_total') }),
  ),
  share('vacancy_share', 'Vacant share of housing units', 'of housing units are vacant', (z) => ({
    num: get(z, 'vacant_units'),
    den: get(z, 'housing_units'),
  })),
  share(
    'market_vacancy_share',
    'Homes vacant for rent or sale (B25004)',
    'of housing units are vacant for rent or sale, or let or sold and not yet moved into',
    (z) => ({ num: sumOf(z, MARKET_VACANCY_METRICS), den: get(z, 'housing_units') }),
  ),
  median('median_year_built', 'Median year built', 'year'),
  median('median_home_value', 'Median home value', 'dollars'),
  median('median_household_income', 'Median household income', 'dollars'),
  median('median_gross_rent', 'Median gross rent', 'dollars'),
  median('median_age', 'Median age', 'years'),
  count('population', 'Population', 'people', (z) => get(z, 'population')),
  count('households', 'Households', 'households', householdsOf),
  {
    id: 'property_median_year_built',
    label: 'Median year built (agency property data)',
    unit: 'year',
    source: 'property',
    kind: 'median',
    compute: (z) =>
      z.property && isUsableNumber(z.property.median_year_built)
        ? { value: z.property.median_year_built, moe: null, moe_code: null, censored: null }
        : null,
  },
  {
    id: 'property_count',
    label: 'Properties in agency data',
    noun: 'properties',
    unit: 'count',
    source: 'property',
    kind: 'count',
    compute: (z) =>
      z.property ? { value: z.property.property_count, moe: null, moe_code: null, censored: null } : null,
  },
  {
    id: 'upcoming_events',
    label: 'Upcoming events in the campaign horizon',
    noun: 'events',
    unit: 'count',
    source: 'events',
    kind: 'count',
    compute: (z) =>
      z.upcoming_events === null
        ? null
        : { value: z.upcoming_events, moe: null, moe_code: null, censored: null },
  },
];

const FEATURE_BY_ID = new Map(FEATURES.map((f) => [f.id, f]));

export function featureById(id: string): FeatureDef {
  const f = FEATURE_BY_ID.get(id);
  if (!f) throw new RangeError(`unknown feature '${id}'`);
  return f;
}
