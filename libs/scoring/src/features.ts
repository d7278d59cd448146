// ZIP features derived from census signals, property aggregates and events, each with its MOE where the
// ACS handbook arithmetic (libs/census moe.ts) can derive one.

import { moeOfProportion, moeOfSum } from '@lbi/census';

import { type ZipContext, tradeAreaFeatures } from './trade-area-features';
import type { CensusSignalInput, EventInput, PropertyAggregateInput } from './types';

export interface Measure {
  value: number;
  moe: number | null;
}

/** Everything known about one ZIP, by metric. */
export interface ZipData {
  zip_code: string;
  zcta: string | null;
  census: Map<string, Measure>;
  property: PropertyAggregateInput | null;
  upcoming_events: number | null;
  /** Land area, distance from the centre, competitors (trade-area-features.ts). */
  context: ZipContext;
}

export interface FeatureValue {
  value: number;
  moe: number | null;
}

export interface FeatureDef {
  id: string;
  label: string;
  unit: 'share' | 'year' | 'dollars' | 'count' | 'years' | 'density' | 'miles' | 'rate';
  source: 'census' | 'property' | 'events' | 'geography' | 'business';
  compute(zip: ZipData): FeatureValue | null;
  /** The geography-wide value when it is a pooled ratio rather than a weighted mean (density). */
  pool?(zips: readonly ZipData[]): number | null;
}

/** Census annotation codes (-666666666 etc.) are negative sentinels: never a value. */
export function isUsableNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > -100000000;
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
  const o = get(zip, 'owner_occupied');
  const r = get(zip, 'renter_occupied');
  if (o && r) {
    const moe = o.moe !== null && r.moe !== null ? moeOfSum([o.moe, r.moe], [o.value, r.value]) : null;
    return { value: o.value + r.value, moe };
  }
  return null;
}

function proportion(x: Measure | null, y: Measure | null): FeatureValue | null {
  if (!x || !y || y.value <= 0) return null;
  const value = x.value / y.value;
  const moe = x.moe !== null && y.moe !== null ? moeOfProportion(x.value, x.moe, y.value, y.moe) : null;
  return { value, moe };
}

function sumOf(zip: ZipData, metrics: readonly string[]): Measure | null {
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
  return { value, moe };
}

const OLDER_STOCK_METRICS = [
  'year_built_1970_1979',
  'year_built_1960_1969',
  'year_built_1950_1959',
  'year_built_1940_1949',
  'year_built_1939_or_earlier',
];

const FOSSIL_HEAT_METRICS = ['heating_fuel_oil_kerosene', 'heating_fuel_bottled_tank_lp_gas'];

function direct(metric: string): (zip: ZipData) => FeatureValue | null {
  return (zip) => get(zip, metric);
}

export const FEATURES: readonly FeatureDef[] = [
  {
    id: 'owner_share',
    label: 'Owner-occupied share',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(get(z, 'owner_occupied'), occupiedOf(z)),
  },
  {
    id: 'renter_share',
    label: 'Renter-occupied share',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(get(z, 'renter_occupied'), occupiedOf(z)),
  },
  {
    id: 'single_family_share',
    label: 'Single-family (1-unit detached) share',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(get(z, 'units_1_detached'), get(z, 'units_in_structure_total')),
  },
  {
    id: 'older_stock_share',
    label: 'Homes built before 1980',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(sumOf(z, OLDER_STOCK_METRICS), get(z, 'year_built_total')),
  },
  {
    id: 'fossil_heat_share',
    label: 'Homes heated by oil or propane',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(sumOf(z, FOSSIL_HEAT_METRICS), get(z, 'heating_fuel_total')),
  },
  {
    id: 'children_share',
    label: 'Households with children under 18',
    unit: 'share',
    source: 'census',
    compute: (z) =>
      proportion(
        get(z, 'households_with_children'),
        get(z, 'households_children_universe') ?? householdsOf(z),
      ),
  },
  {
    id: 'vacancy_share',
    label: 'Vacant share of housing units',
    unit: 'share',
    source: 'census',
    compute: (z) => proportion(get(z, 'vacant_units'), get(z, 'housing_units')),
  },
  {
    id: 'median_year_built',
    label: 'Median year built',
    unit: 'year',
    source: 'census',
    compute: direct('median_year_built'),
  },
  {
    id: 'median_home_value',
    label: 'Median home value',
    unit: 'dollars',
    source: 'census',
    compute: direct('median_home_value'),
  },
  {
    id: 'median_household_income',
    label: 'Median household income',
    unit: 'dollars',
    source: 'census',
    compute: direct('median_household_income'),
  },
  {
    id: 'median_gross_rent',
    label: 'Median gross rent',
    unit: 'dollars',
    source: 'census',
    compute: direct('median_gross_rent'),
  },
  { id: 'median_age', label: 'Median age', unit: 'years', source: 'census', compute: direct('median_age') },
  { id: 'population', label: 'Population', unit: 'count', source: 'census', compute: direct('population') },
  { id: 'households', label: 'Households', unit: 'count', source: 'census', compute: householdsOf },
  {
    id: 'property_median_year_built',
    label: 'Median year built (agency property data)',
    unit: 'year',
    source: 'property',
    compute: (z) =>
      z.property && isUsableNumber(z.property.median_year_built)
        ? { value: z.property.median_year_built, moe: null }
        : null,
  },
  {
    id: 'property_count',
    label: 'Properties in agency data',
    unit: 'count',
    source: 'property',
    compute: (z) => (z.property ? { value: z.property.property_count, moe: null } : null),
  },
  {
    id: 'upcoming_events',
    label: 'Upcoming events in the campaign horizon',
    unit: 'count',
    source: 'events',
    compute: (z) => (z.upcoming_events === null ? null : { value: z.upcoming_events, moe: null }),
  },
  ...tradeAreaFeatures(householdsOf),
];

const FEATURE_BY_ID = new Map(FEATURES.map((f) => [f.id, f]));

export function featureById(id: string): FeatureDef {
  const f = FEATURE_BY_ID.get(id);
  if (!f) throw new RangeError(`unknown feature '${id}'`);
  return f;
}

/** How many days ahead of as_of an event counts as upcoming for a ZIP's score. */
export const EVENT_HORIZON_DAYS = 180;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function eventMatchesCategory(e: EventInput, category: string): boolean {
  return e.category === null || e.category === '' || e.category === category || e.category === 'general';
}

/** Groups inputs per ZIP. Later duplicates of a (zip, metric) never override earlier ones (stable). */
export function collectZipData(
  zipCodes: readonly string[],
  signals: readonly CensusSignalInput[],
  properties: readonly PropertyAggregateInput[] | undefined,
  events: readonly EventInput[] | undefined,
  category: string,
  asOf: string,
  context?: ReadonlyMap<string, ZipContext>,
): Map<string, ZipData> {
  const out = new Map<string, ZipData>();
  for (const zip of zipCodes) {
    out.set(zip, {
      zip_code: zip,
      zcta: null,
      census: new Map(),
      property: null,
      upcoming_events: null,
      context: { ...context?.get(zip) },
    });
  }
  // Sort so the chosen duplicate does not depend on input order.
  const sorted = [...signals].sort(
    (a, b) =>
      a.zip_code.localeCompare(b.zip_code) ||
      a.metric.localeCompare(b.metric) ||
      (a.value ?? 0) - (b.value ?? 0) ||
      (a.margin_of_error ?? 0) - (b.margin_of_error ?? 0),
  );
  for (const s of sorted) {
    const z = out.get(s.zip_code);
    if (!z) continue;
    if (s.zcta) z.zcta = s.zcta;
    if (!isUsableNumber(s.value) || z.census.has(s.metric)) continue;
    const moe = isUsableNumber(s.margin_of_error) && s.margin_of_error >= 0 ? s.margin_of_error : null;
    z.census.set(s.metric, { value: s.value, moe });
  }
  if (properties) {
    const sortedProps = [...properties].sort(
      (a, b) => a.zip_code.localeCompare(b.zip_code) || a.property_count - b.property_count,
    );
    for (const p of sortedProps) {
      const z = out.get(p.zip_code);
      if (z && !z.property) z.property = p;
    }
  }
  if (events && events.length > 0) {
    const horizon = addDays(asOf, EVENT_HORIZON_DAYS);
    for (const z of out.values()) z.upcoming_events = 0;
    for (const e of events) {
      if (!e.zip_code || !eventMatchesCategory(e, category)) continue;
      const z = out.get(e.zip_code);
      const start = e.start_date.slice(0, 10);
      const end = (e.end_date ?? e.start_date).slice(0, 10);
      if (z && end >= asOf.slice(0, 10) && start <= horizon) z.upcoming_events = (z.upcoming_events ?? 0) + 1;
    }
  }
  return out;
}
