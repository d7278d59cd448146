// The geography's own figure for a feature, each ZCTA counted once, with its MOE where the handbook
// arithmetic gives one, how it was made, and each ZCTA's share of it (the overlap f of the test):
// - shares: Σ numerators / Σ denominators (a pooled share), MOE by moeOfSum and moeOfProportion;
// - counts: the average per ZCTA, MOE √Σ MOE² / n;
// - medians: the pooled median of the summed brackets when every ZCTA has them (SE by the ACS
//   accuracy method), else the mean of the ZCTA medians weighted by the median's own universe.
// A ZCTA whose MOE is unknown while others' are known enters the MOE as if its CV were 30%.

import {
  ACS_CV_RELIABILITY_THRESHOLD,
  ACS_Z_90,
  acsVariableByMetric,
  medianDefinition,
  moeOfProportion,
  moeOfSum,
  pooledMedian,
  DEFAULT_DESIGN_FACTOR,
} from '@lbi/census';

import type { FeatureDef, FeatureValue } from './features';
import type { ZipData } from './zip-data';

export interface GeographyFigure {
  value: number | null;
  moe: number | null;
  method: string;
  censored: 'top' | 'bottom' | null;
  /** Each ZIP's share of the figure's universe, by ZipData zip_code. */
  overlap: Map<string, number>;
}

/**
 * The MOE a part enters the geography's MOE with: its own, or, when it has none while other parts do,
 * one as large as a CV of 30% (the reliability threshold) would give. All unknown: null.
 */
function moesOrAssumed(parts: readonly { value: number; moe: number | null }[]): number[] | null {
  if (parts.length === 0 || parts.every((p) => p.moe === null)) return null;
  return parts.map((p) => p.moe ?? ACS_Z_90 * ACS_CV_RELIABILITY_THRESHOLD * Math.abs(p.value));
}

const none = (method: string): GeographyFigure => ({
  value: null,
  moe: null,
  method,
  censored: null,
  overlap: new Map(),
});

function pooledShare(def: FeatureDef, units: readonly ZipData[]): GeographyFigure {
  const parts = units.map((u) => ({ u, p: def.parts!(u) })).filter((x) => x.p && x.p.den.value > 0);
  if (parts.length === 0) return none('pooled share');
  const num = parts.reduce((s, x) => s + x.p!.num.value, 0);
  const den = parts.reduce((s, x) => s + x.p!.den.value, 0);
  const numMoes = moesOrAssumed(parts.map((x) => x.p!.num));
  const denMoes = moesOrAssumed(parts.map((x) => x.p!.den));
  const moe =
    numMoes && denMoes
      ? moeOfProportion(
          num,
          moeOfSum(
            numMoes,
            parts.map((x) => x.p!.num.value),
          ),
          den,
          moeOfSum(
            denMoes,
            parts.map((x) => x.p!.den.value),
          ),
        )
      : null;
  const overlap = new Map(parts.map((x) => [x.u.zip_code, x.p!.den.value / den]));
  return {
    value: den > 0 ? num / den : null,
    moe,
    method: `pooled share over ${parts.length} ZCTAs`,
    censored: null,
    overlap,
  };
}

function averagePerZcta(values: readonly { u: ZipData; v: FeatureValue }[]): GeographyFigure {
  if (values.length === 0) return none('average per ZCTA');
  const n = values.length;
  const value = values.reduce((s, x) => s + x.v.value, 0) / n;
  const moes = moesOrAssumed(values.map((x) => x.v));
  const moe = moes
    ? moeOfSum(
        moes,
        values.map((x) => x.v.value),
      ) / n
    : null;
  return {
    value,
    moe,
    method: `average per ZCTA over ${n} ZCTAs`,
    censored: null,
    overlap: new Map(values.map((x) => [x.u.zip_code, 1 / n])),
  };
}

/** Bracket counts of one ZCTA, or null when its distribution is not loaded (or does not add up). */
function bracketsOf(u: ZipData, total: string, metrics: readonly string[]): number[] | null {
  const sum = u.census.get(total);
  if (!sum) return null;
  const counts = metrics.map((m) => u.census.get(m)?.value ?? null);
  const present = counts.filter((c): c is number => c !== null);
  if (present.length === 0) return null;
  const added = present.reduce((s, c) => s + c, 0);
  // Lines left out must be empty: the present ones add up to the total (ACS tables are consistent).
  if (present.length < counts.length && Math.abs(added - sum.value) > 1) return null;
  return counts.map((c) => c ?? 0);
}

function medianFigure(def: FeatureDef, values: readonly { u: ZipData; v: FeatureValue }[]): GeographyFigure {
  const spec = medianDefinition(def.median as string);
  if (!spec || values.length === 0) return none('median');
  const dist = spec.distribution;
  if (dist) {
    const metrics = dist.brackets.map((b) => b.metric);
    const per = values.map((x) => ({ u: x.u, counts: bracketsOf(x.u, dist.total, metrics) }));
    if (per.every((p) => p.counts !== null)) {
      const summed = metrics.map((_, i) => per.reduce((s, p) => s + (p.counts as number[])[i], 0));
      const pooled = pooledMedian(
        dist.brackets.map((b, i) => ({ lower: b.lower, upper: b.upper, count: summed[i] })),
      );
      const base = pooled.base;
      const table = acsVariableByMetric(dist.total)?.table ?? dist.total;
      return {
        value: pooled.value,
        moe: pooled.moe,
        method: `pooled median of the summed ${table} brackets over ${values.length} ZCTAs (SE by the ACS accuracy method, design factor ${DEFAULT_DESIGN_FACTOR})`,
        censored: pooled.censored,
        overlap: new Map(
          per.map((p) => [
            p.u.zip_code,
            base > 0 ? (p.counts as number[]).reduce((s, c) => s + c, 0) / base : 0,
          ]),
        ),
      };
    }
  }
  // The first universe metric every ZCTA has; ZCTAs without any universe count are left out.
  const index = spec.universe.findIndex((metric) => values.every((x) => x.u.census.has(metric)));
  const universe = index >= 0 ? spec.universe[index] : spec.universe[0];
  const label = spec.universeLabels[index >= 0 ? index : 0];
  const weighted = values
    .map((x) => ({ ...x, w: x.u.census.get(universe)?.value ?? 0 }))
    .filter((x) => x.w > 0);
  const w = weighted.reduce((s, x) => s + x.w, 0);
  if (w === 0) return none(`mean of the ZCTA medians weighted by ${label}`);
  const value = weighted.reduce((s, x) => s + x.v.value * x.w, 0) / w;
  const moes = weighted.some((x) => x.v.censored) ? null : moesOrAssumed(weighted.map((x) => x.v));
  const moe = moes ? Math.sqrt(weighted.reduce((s, x, i) => s + (x.w * moes[i]) ** 2, 0)) / w : null;
  const censored = weighted.filter((x) => x.v.censored).length;
  const note =
    censored > 0
      ? `; ${censored} top- or bottom-coded ZCTA median(s) counted at the code, so the figure is a bound`
      : '';
  return {
    value,
    moe,
    method: `mean of the ZCTA medians weighted by ${label} (not a median of the combined area)${note}`,
    censored: null,
    overlap: new Map(weighted.map((x) => [x.u.zip_code, x.w / w])),
  };
}

function propertyMedian(values: readonly { u: ZipData; v: FeatureValue }[]): GeographyFigure {
  const weighted = values.map((x) => ({ ...x, w: x.u.property?.property_count ?? 0 })).filter((x) => x.w > 0);
  const w = weighted.reduce((s, x) => s + x.w, 0);
  if (w === 0) return none('mean of the agency ZIP medians weighted by property count');
  return {
    value: weighted.reduce((s, x) => s + x.v.value * x.w, 0) / w,
    moe: null,
    method: 'mean of the agency ZIP medians weighted by property count',
    censored: null,
    overlap: new Map(weighted.map((x) => [x.u.zip_code, x.w / w])),
  };
}

/** The geography figure of one feature over the ZCTAs that have it. */
export function geographyFigure(
  def: FeatureDef,
  units: readonly ZipData[],
  valueOf: (u: ZipData) => FeatureValue | null,
): GeographyFigure {
  const values = units
    .map((u) => ({ u, v: valueOf(u) }))
    .filter((x): x is { u: ZipData; v: FeatureValue } => x.v !== null);
  if (def.kind === 'share' && def.parts)
    return pooledShare(
      def,
      units.filter((u) => valueOf(u) !== null),
    );
  if (def.kind === 'count') return averagePerZcta(values);
  if (def.source === 'property') return propertyMedian(values);
  return medianFigure(def, values);
}
