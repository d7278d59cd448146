// The median of several areas combined, from their summed bracket counts, and its standard error by
// the method of the ACS "Accuracy of the Data" / PUMS accuracy documents: the standard error of a 50%
// proportion on the base count, turned into a ± band of percentiles and back into the bracket scale
// by the same linear interpolation. Pareto interpolation in the top income brackets is not used.

import { ACS_Z_90 } from './moe';
import type { Censoring } from './acs-medians';

/** A conservative stand-in for the ACS design factor of a table (DOMAIN.md). */
export const DEFAULT_DESIGN_FACTOR = 1.5;

export interface BracketCount {
  /** Inclusive lower bound; null when the bracket is open below. */
  readonly lower: number | null;
  /** Exclusive upper bound; null when the bracket is open above. */
  readonly upper: number | null;
  readonly count: number;
}

export interface PooledMedian {
  /** The interpolated median; at a censored median, the bound of the open bracket. */
  readonly value: number | null;
  /** 90% margin of error; null when the median is censored or both confidence bounds are open. */
  readonly moe: number | null;
  /** The 90% confidence bounds in the bracket scale (null where a bound falls in an open bracket). */
  readonly lower_bound: number | null;
  readonly upper_bound: number | null;
  /** B: the base (sum of the bracket counts). */
  readonly base: number;
  /** SE of the 50% point, in percentage points. */
  readonly se_percent: number | null;
  readonly censored: Censoring | null;
  readonly design_factor: number;
}

/** SE(50%) = DF · √(95 / (5·B) · 50²), in percentage points (5-year ACS). */
export function standardErrorOfFiftyPercent(base: number, designFactor = DEFAULT_DESIGN_FACTOR): number {
  if (!(base > 0)) throw new RangeError(`the base count must be > 0, got ${base}`);
  return designFactor * Math.sqrt((95 / (5 * base)) * 50 * 50);
}

interface Located {
  readonly value: number | null;
  readonly open: Censoring | null;
}

/** The value at cumulative percentage `p` (0..100), interpolating linearly within its bracket. */
function valueAt(brackets: readonly BracketCount[], base: number, p: number): Located {
  let below = 0;
  for (let i = 0; i < brackets.length; i++) {
    const b = brackets[i];
    const share = (b.count / base) * 100;
    const isLast = i === brackets.length - 1;
    if (share > 0 && (below + share >= p || isLast)) {
      if (b.lower === null) return { value: b.upper, open: 'bottom' };
      if (b.upper === null) return { value: b.lower, open: 'top' };
      const within = Math.min(1, Math.max(0, (p - below) / share));
      return { value: b.lower + within * (b.upper - b.lower), open: null };
    }
    below += share;
  }
  return { value: null, open: null };
}

/**
 * Pooled median of summed bracket counts (lowest bracket first). Counts must be ≥ 0; an empty base
 * gives no median. When one confidence bound falls in an open bracket, the MOE is the distance to the
 * other one (the band is taken as symmetric); when both do, there is none.
 */
export function pooledMedian(
  brackets: readonly BracketCount[],
  options: { designFactor?: number } = {},
): PooledMedian {
  const designFactor = options.designFactor ?? DEFAULT_DESIGN_FACTOR;
  for (const b of brackets) {
    if (!Number.isFinite(b.count) || b.count < 0)
      throw new RangeError(`bracket counts must be >= 0, got ${b.count}`);
  }
  const base = brackets.reduce((s, b) => s + b.count, 0);
  const empty = {
    value: null,
    moe: null,
    lower_bound: null,
    upper_bound: null,
    base,
    se_percent: null,
    censored: null,
    design_factor: designFactor,
  };
  if (base <= 0) return empty;
  const median = valueAt(brackets, base, 50);
  const sePercent = standardErrorOfFiftyPercent(base, designFactor);
  if (median.open) {
    return { ...empty, value: median.value, se_percent: sePercent, censored: median.open };
  }
  const lower = valueAt(brackets, base, Math.max(0, 50 - ACS_Z_90 * sePercent));
  const upper = valueAt(brackets, base, Math.min(100, 50 + ACS_Z_90 * sePercent));
  const lowerBound = lower.open ? null : lower.value;
  const upperBound = upper.open ? null : upper.value;
  const m = median.value as number;
  const moe =
    lowerBound !== null && upperBound !== null
      ? (upperBound - lowerBound) / 2
      : lowerBound !== null
        ? m - lowerBound
        : upperBound !== null
          ? upperBound - m
          : null;
  return {
    value: m,
    moe,
    lower_bound: lowerBound,
    upper_bound: upperBound,
    base,
    se_percent: sePercent,
    censored: null,
    design_factor: designFactor,
  };
}
