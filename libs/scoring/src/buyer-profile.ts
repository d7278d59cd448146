// Who the buyers in the top ZIPs are, in aggregate: each ZCTA counted once; sums with their MOEs;
// medians pooled from their brackets when loaded (else weighted by their own universe, said so);
// addressable households from a published cross-tabulation, never from a product of shares.

import { moeOfProportion, moeOfSum } from '@lbi/census';
import type { BuyerProfile, MedianRange } from '@lbi/contracts';

import type { AddressableRule } from './categories';
import { type FeatureUnit, featureById, householdsOf, sumOf } from './features';
import { display } from './format';
import { geographyFigure } from './geography';
import type { Measure, ZipData } from './zip-data';

function sumMeasures(ms: readonly Measure[]): { value: number; moe: number | null } {
  return {
    value: ms.reduce((s, m) => s + m.value, 0),
    moe: ms.every((m) => m.moe !== null)
      ? moeOfSum(
          ms.map((m) => m.moe as number),
          ms.map((m) => m.value),
        )
      : null,
  };
}

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

function medianRange(zips: readonly ZipData[], metric: string): MedianRange {
  const def = featureById(metric);
  const values = zips.map((z) => ({ z, v: def.compute(z) })).filter((x) => x.v !== null);
  if (values.length === 0) return { min: null, max: null, household_weighted: null };
  const numbers = values.map((x) => x.v!.value);
  let num = 0;
  let den = 0;
  for (const x of values) {
    const hh = householdsOf(x.z)?.value ?? 0;
    num += x.v!.value * hh;
    den += hh;
  }
  const figure = geographyFigure(def, zips, (z) => def.compute(z));
  const lowest = values.reduce((a, b) => (b.v!.value < a.v!.value ? b : a));
  const highest = values.reduce((a, b) => (b.v!.value > a.v!.value ? b : a));
  const show = (x: (typeof values)[number]) =>
    display({ unit: def.unit as FeatureUnit, value: x.v!.value, moe: null, censored: x.v!.censored, metric });
  const estimate =
    figure.value === null
      ? undefined
      : {
          value: def.unit === 'year' ? Math.round(figure.value) : Math.round(figure.value),
          moe: figure.moe === null ? null : Math.round(figure.moe),
          method: figure.method,
          universe: universeOf(figure.method),
          censored: figure.censored,
          display: display({
            unit: def.unit,
            value: figure.value,
            moe: figure.moe,
            censored: figure.censored,
            metric,
          }),
        };
  return {
    min: Math.min(...numbers),
    max: Math.max(...numbers),
    household_weighted: den > 0 ? Math.round(num / den) : null,
    display_range: lowest === highest ? show(lowest) : `${show(lowest)} – ${show(highest)}`,
    ...(estimate ? { estimate } : {}),
  };
}

function universeOf(method: string): string {
  const weighted = /weighted by ([^(;]+?)(?: \(|;|$)/.exec(method);
  if (weighted) return weighted[1].trim();
  const table = /summed (B\d{5})/.exec(method);
  return table ? `the ${table[1]} universe` : 'n/a';
}

/** Σ of the rule's cells per ZCTA; a ZCTA without them takes the fallback cells (an upper bound). */
function addressable(
  rule: AddressableRule,
  zips: readonly ZipData[],
): BuyerProfile['addressable_households'] {
  const cellsOf = (z: ZipData, metrics: readonly string[]): Measure | null =>
    metrics.length === 1 && metrics[0] === 'households' ? householdsOf(z) : sumOf(z, metrics);
  const parts: Measure[] = [];
  let fallbackUsed = 0;
  let missing = 0;
  for (const z of zips) {
    const primary = cellsOf(z, rule.metrics);
    const cell = primary ?? (rule.fallback ? cellsOf(z, rule.fallback.metrics) : null);
    if (!cell) missing++;
    else parts.push(cell);
    if (!primary && cell) fallbackUsed++;
  }
  if (parts.length === 0) {
    return { value: null, moe: null, basis: `not derivable: the top ZIPs have no figures for ${rule.basis}` };
  }
  const total = sumMeasures(parts);
  let basis = rule.basis;
  if (fallbackUsed === zips.length - missing && rule.fallback) basis = rule.fallback.basis;
  else if (fallbackUsed > 0 && rule.fallback) {
    basis = `${rule.basis}; ${fallbackUsed} ZCTA(s) without the cross-tabulation counted as ${rule.fallback.basis}`;
  }
  if (missing > 0) basis = `${basis}; ${missing} ZCTA(s) with no figures left out`;
  return { value: Math.round(total.value), moe: total.moe === null ? null : Math.round(total.moe), basis };
}

export function buyerProfile(rule: AddressableRule, zips: readonly ZipData[]): BuyerProfile {
  const notes: string[] = [
    'Each ZIP area (ZCTA) is counted once; PO-box ZIPs are listed under the ZCTA they borrow figures from.',
    'Medians cannot be summed: each median is a pooled median of the summed Census brackets with its margin (ACS accuracy method) when the brackets are loaded, else the mean of the ZCTA medians weighted by the median’s own universe (households, owner-occupied homes, renter homes, housing units), as its method says. The ranges span the ZCTA medians.',
  ];
  const hh = zips.map((z) => householdsOf(z)).filter((m): m is Measure => m !== null);
  const households = hh.length ? sumMeasures(hh) : { value: null, moe: null };
  if (households.value !== null && households.moe === null) {
    notes.push('Households carry no MOE in the inputs, so their sum has none.');
  }
  const owners = zips.map((z) => z.census.get('owner_occupied') ?? null);
  const occupied = zips.map((z) => z.census.get('occupied_units') ?? z.census.get('households') ?? null);
  let ownerShare: { value: number | null; moe: number | null } = { value: null, moe: null };
  if (zips.length > 0 && owners.every((m) => m) && occupied.every((m) => m)) {
    const o = sumMeasures(owners as Measure[]);
    const y = sumMeasures(occupied as Measure[]);
    ownerShare =
      y.value > 0
        ? {
            value: o.value / y.value,
            moe: o.moe !== null && y.moe !== null ? moeOfProportion(o.value, o.moe, y.value, y.moe) : null,
          }
        : ownerShare;
  }
  return {
    zip_codes: zips.flatMap((z) => z.zip_codes),
    zctas: zips.map((z) => z.zcta).filter((z): z is string => z !== null),
    households: { value: households.value, moe: households.moe === null ? null : Math.round(households.moe) },
    owner_share: { value: round4(ownerShare.value), moe: round4(ownerShare.moe) },
    median_household_income: medianRange(zips, 'median_household_income'),
    median_home_value: medianRange(zips, 'median_home_value'),
    median_year_built: medianRange(zips, 'median_year_built'),
    addressable_households: addressable(rule, zips),
    notes,
  };
}
