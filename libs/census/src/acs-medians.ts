// What the catalogue knows about each published median: the universe it is a median over (so a
// geography figure is weighted by the right count), the bracket table a pooled median interpolates in,
// and the top and bottom codes the API prints instead of a figure (DOMAIN.md, "Top and bottom codes").

/** A published median at a top code (at least the cap) or a bottom code (at most the floor). */
export type Censoring = 'top' | 'bottom';

export interface MedianBracket {
  readonly metric: string;
  /** Inclusive lower bound; null when open below ("1939 or earlier"). */
  readonly lower: number | null;
  /** Exclusive upper bound (the next bracket's lower bound); null when open above ("$200,000 or more"). */
  readonly upper: number | null;
}

export interface MedianDefinition {
  /** The published median's metric, e.g. median_home_value (B25077). */
  readonly metric: string;
  readonly unit: 'dollars' | 'year' | 'years';
  /** Metrics that count the median's universe, in order of preference (the first one present is used). */
  readonly universe: readonly string[];
  /** The universe in words, per entry of `universe`. */
  readonly universeLabels: readonly string[];
  /** The bracket table a pooled median interpolates in: its total and its brackets, lowest first. */
  readonly distribution?: { readonly total: string; readonly brackets: readonly MedianBracket[] };
  /** The API's coded value for "at least the cap" and how a client reads it. */
  readonly topCode?: { readonly atLeast: number; readonly label: string };
  /** The API's coded value for "at most the floor" and how a client reads it. */
  readonly bottomCode?: { readonly atMost: number; readonly label: string };
}

/** Brackets from a list of cut points: [lower, next lower), the first from `first`, the last open. */
function brackets(
  metrics: readonly string[],
  cuts: readonly number[],
  first: number | null,
): MedianBracket[] {
  if (cuts.length !== metrics.length - 1) throw new Error('brackets: one cut point fewer than brackets');
  return metrics.map((metric, i) => ({
    metric,
    lower: i === 0 ? first : cuts[i - 1],
    upper: i < cuts.length ? cuts[i] : null,
  }));
}

const INCOME_CUTS = [10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 75, 100, 125, 150, 200].map((k) => k * 1000);
const INCOME_METRICS = [
  'income_under_10k',
  'income_10k_15k',
  'income_15k_20k',
  'income_20k_25k',
  'income_25k_30k',
  'income_30k_35k',
  'income_35k_40k',
  'income_40k_45k',
  'income_45k_50k',
  'income_50k_60k',
  'income_60k_75k',
  'income_75k_100k',
  'income_100k_125k',
  'income_125k_150k',
  'income_150k_200k',
  'income_200k_plus',
];

const VALUE_CUTS = [
  10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 250, 300, 400, 500, 750, 1000,
  1500, 2000,
].map((k) => k * 1000);
const VALUE_METRICS = [
  'home_value_under_10k',
  'home_value_10k_15k',
  'home_value_15k_20k',
  'home_value_20k_25k',
  'home_value_25k_30k',
  'home_value_30k_35k',
  'home_value_35k_40k',
  'home_value_40k_50k',
  'home_value_50k_60k',
  'home_value_60k_70k',
  'home_value_70k_80k',
  'home_value_80k_90k',
  'home_value_90k_100k',
  'home_value_100k_125k',
  'home_value_125k_150k',
  'home_value_150k_175k',
  'home_value_175k_200k',
  'home_value_200k_250k',
  'home_value_250k_300k',
  'home_value_300k_400k',
  'home_value_400k_500k',
  'home_value_500k_750k',
  'home_value_750k_1m',
  'home_value_1m_1_5m',
  'home_value_1_5m_2m',
  'home_value_2m_plus',
];

const RENT_CUTS = [
  100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650, 700, 750, 800, 900, 1000, 1250, 1500, 2000,
  2500, 3000, 3500,
];
const RENT_METRICS = [
  'rent_under_100',
  'rent_100_150',
  'rent_150_200',
  'rent_200_250',
  'rent_250_300',
  'rent_300_350',
  'rent_350_400',
  'rent_400_450',
  'rent_450_500',
  'rent_500_550',
  'rent_550_600',
  'rent_600_650',
  'rent_650_700',
  'rent_700_750',
  'rent_750_800',
  'rent_800_900',
  'rent_900_1000',
  'rent_1000_1250',
  'rent_1250_1500',
  'rent_1500_2000',
  'rent_2000_2500',
  'rent_2500_3000',
  'rent_3000_3500',
  'rent_3500_plus',
];

// B25034, oldest first: "1939 or earlier" is open below, "2020 or later" open above.
const YEAR_METRICS = [
  'year_built_1939_or_earlier',
  'year_built_1940_1949',
  'year_built_1950_1959',
  'year_built_1960_1969',
  'year_built_1970_1979',
  'year_built_1980_1989',
  'year_built_1990_1999',
  'year_built_2000_2009',
  'year_built_2010_2019',
  'year_built_2020_or_later',
];
const YEAR_CUTS = [1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020];

// Coded values checked against the bundled 2023 figures: 250001 (5 ZCTAs of the Philadelphia file),
// 2000001 (1), 3501 (2) and 1938 for "1939 or earlier" (5; the next lowest median is 1942). Some
// tables print the year code as 1939 or 0, so any year up to 1939 reads as the bottom code.
export const ACS_MEDIANS: readonly MedianDefinition[] = [
  {
    metric: 'median_household_income',
    unit: 'dollars',
    universe: ['households', 'occupied_units'],
    universeLabels: ['households', 'households (occupied units)'],
    distribution: { total: 'income_total', brackets: brackets(INCOME_METRICS, INCOME_CUTS, 0) },
    topCode: { atLeast: 250001, label: '$250,000+' },
  },
  {
    metric: 'median_home_value',
    unit: 'dollars',
    universe: ['owner_occupied'],
    universeLabels: ['owner-occupied homes'],
    distribution: { total: 'home_value_total', brackets: brackets(VALUE_METRICS, VALUE_CUTS, 0) },
    topCode: { atLeast: 2000001, label: '$2,000,000+' },
  },
  {
    metric: 'median_gross_rent',
    unit: 'dollars',
    universe: ['rent_cash_rent_units', 'renter_occupied'],
    universeLabels: ['renter homes paying cash rent', 'renter-occupied homes (cash-rent count not loaded)'],
    distribution: { total: 'rent_cash_rent_units', brackets: brackets(RENT_METRICS, RENT_CUTS, 0) },
    topCode: { atLeast: 3501, label: '$3,500+' },
  },
  {
    metric: 'median_year_built',
    unit: 'year',
    universe: ['housing_units', 'year_built_total'],
    universeLabels: ['housing units', 'housing units'],
    distribution: { total: 'year_built_total', brackets: brackets(YEAR_METRICS, YEAR_CUTS, null) },
    bottomCode: { atMost: 1939, label: '1939 or earlier' },
  },
  {
    metric: 'median_age',
    unit: 'years',
    universe: ['population'],
    universeLabels: ['people'],
  },
];

const BY_METRIC = new Map(ACS_MEDIANS.map((m) => [m.metric, m]));

export function medianDefinition(metric: string): MedianDefinition | undefined {
  return BY_METRIC.get(metric);
}

/** The MOE annotation the API puts on a median that falls in an open-ended interval. */
export const OPEN_INTERVAL_MOE_CODE = '-333333333';

/**
 * Whether a published median is a top or bottom code rather than a figure: by its coded value, or by
 * the MOE annotation -333333333 (median in an open-ended interval), whose side is read from the value.
 */
export function censoringOf(metric: string, value: number, moeCode: string | null = null): Censoring | null {
  const def = BY_METRIC.get(metric);
  if (!def) return null;
  if (def.topCode && value >= def.topCode.atLeast) return 'top';
  if (def.bottomCode && value <= def.bottomCode.atMost) return 'bottom';
  if (moeCode !== OPEN_INTERVAL_MOE_CODE || !def.distribution) return null;
  const finite = def.distribution.brackets;
  const top = finite[finite.length - 1].lower;
  const bottom = finite[0].upper;
  if (top !== null && value >= top) return 'top';
  if (bottom !== null && value <= bottom) return 'bottom';
  return null;
}

/** "$250,000+" / "1939 or earlier" for a censored median; null when the side has no code. */
export function censoredLabel(metric: string, censoring: Censoring): string | null {
  const def = BY_METRIC.get(metric);
  return (censoring === 'top' ? def?.topCode?.label : def?.bottomCode?.label) ?? null;
}
