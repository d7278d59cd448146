// Noise never helps a ZIP. An advantage over the geography (in the category's direction) is shrunk
// toward the geography figure by k = τ² / (τ² + SE²), the empirical-Bayes weight of the ZIP's own
// figure, where τ² is the spread of the true values across the geography (Paule-Mandel estimate); a
// disadvantage is kept as published. So a noisy estimate can
// lose standing but never gain it, and no weight moves to the ZIP's other features.

import type { Direction } from './categories';

export interface ShrinkInput {
  value: number;
  /** Standard error; null when none can be used (the figure is ranked as published). */
  se: number | null;
  /** Censored figures sit at their cap or floor: not shrunk. */
  censored: boolean;
}

export interface ShrinkResult {
  adjusted: number;
  /** The factor applied to the advantage (1 = none), null when the figure was not shrunk. */
  k: number | null;
  /** SE of the adjusted figure (k · SE when shrunk). */
  se: number | null;
}

/** Q(τ²) = Σ wᵢ (vᵢ − μ_w)² with wᵢ = 1 / (SEᵢ² + τ²): the generalised heterogeneity statistic. */
export function heterogeneity(items: readonly { value: number; se: number }[], tau2: number): number {
  // Two passes, no arrays: it runs a few dozen times per feature in the bisection.
  let sw = 0;
  let swv = 0;
  for (const i of items) {
    const w = 1 / Math.max(i.se * i.se + tau2, 1e-18);
    sw += w;
    swv += w * i.value;
  }
  const mean = swv / sw;
  let q = 0;
  for (const i of items) q += ((i.value - mean) * (i.value - mean)) / Math.max(i.se * i.se + tau2, 1e-18);
  return q;
}

/**
 * τ², the variance of the true values across the geography, by the Paule-Mandel estimator: the τ²
 * at which Q(τ²) = n − 1 (0 when even Q(0) is below). Unlike the plain method of moments it is not
 * swamped by a few tiny ZCTAs with huge margins. Null with fewer than two figures that have an SE.
 */
export function signalVariance(items: readonly ShrinkInput[]): number | null {
  const known = items
    .filter((i) => i.se !== null && !i.censored)
    .map((i) => ({ value: i.value, se: i.se as number }));
  const n = known.length;
  if (n < 2) return null;
  const target = n - 1;
  if (heterogeneity(known, 0) <= target) return 0;
  const mean = known.reduce((s, i) => s + i.value, 0) / n;
  let hi = known.reduce((s, i) => s + (i.value - mean) ** 2, 0) / (n - 1);
  while (heterogeneity(known, hi) > target) hi *= 2;
  let lo = 0;
  // A relative precision of 1e-6 is far finer than the shrinkage needs.
  for (let step = 0; step < 60 && hi - lo > 1e-6 * hi; step++) {
    const mid = (lo + hi) / 2;
    if (heterogeneity(known, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function shrinkAdvantages(
  items: readonly ShrinkInput[],
  geography: number | null,
  direction: Direction,
): ShrinkResult[] {
  const tau2 = signalVariance(items);
  return items.map((item) => {
    if (geography === null || tau2 === null || item.se === null || item.censored) {
      return { adjusted: item.value, k: null, se: item.se };
    }
    const advantage = direction === 'high' ? item.value > geography : item.value < geography;
    if (!advantage) return { adjusted: item.value, k: null, se: item.se };
    const variance = item.se * item.se;
    const k = tau2 + variance > 0 ? tau2 / (tau2 + variance) : 1;
    return { adjusted: geography + k * (item.value - geography), k, se: k * item.se };
  });
}

/**
 * How much a percentile rank can move with sampling error: half the share of the other ZIPs whose
 * (adjusted) figure lies within one SE of this one, i.e. the ranks a one-SE shift would cross.
 * Linear in n log n: one sort and two binary searches per ZIP.
 */
export function percentileStandardErrors(
  values: readonly number[],
  ses: readonly (number | null)[],
): number[] {
  const n = values.length;
  if (n < 2) return values.map(() => 0);
  const sorted = [...values].sort((a, b) => a - b);
  const firstAtLeast = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const firstAbove = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v, i) => {
    const se = ses[i];
    if (se === null || se === 0) return 0;
    const within = firstAbove(v + se) - firstAtLeast(v - se) - 1;
    return Math.max(0, within) / (2 * (n - 1));
  });
}
