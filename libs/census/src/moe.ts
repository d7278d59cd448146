// Approximations for derived ACS estimates, from the ACS General Handbook (2020), chapter 8. ACS MOEs
// are published at 90% confidence. These formulas ignore covariance, so they are approximations; the
// handbook recommends them for sums of a few areas, not for hundreds.

/** z-value for 90% confidence, the level of every published ACS MOE. */
export const ACS_Z_90 = 1.645;

/** Default CV above which an estimate is flagged unreliable (30%). */
export const ACS_CV_RELIABILITY_THRESHOLD = 0.3;

function assertMoe(moe: number, what = 'MOE'): void {
  if (!Number.isFinite(moe) || moe < 0)
    throw new RangeError(`${what} must be a finite number >= 0, got ${moe}`);
}

/**
 * MOE of a sum (or difference) of estimates: √(Σ MOE²). When `estimates` are given, the MOEs of the
 * zero estimates enter once, as the largest of them, because summing the zero-estimate MOEs (which are
 * all model-based and similar) would overstate the error (handbook ch. 8).
 */
export function moeOfSum(moes: readonly number[], estimates?: readonly number[]): number {
  moes.forEach((m) => assertMoe(m));
  if (estimates !== undefined && estimates.length !== moes.length) {
    throw new RangeError(`moeOfSum: ${moes.length} MOEs but ${estimates.length} estimates`);
  }
  let sumSquares = 0;
  let largestZeroMoe = 0;
  moes.forEach((moe, i) => {
    if (estimates !== undefined && estimates[i] === 0) largestZeroMoe = Math.max(largestZeroMoe, moe);
    else sumSquares += moe * moe;
  });
  return Math.sqrt(sumSquares + largestZeroMoe * largestZeroMoe);
}

/**
 * MOE of a proportion p = x / y where x is a subset of y: √(MOE_x² − p²·MOE_y²) / y. When the radicand is
 * negative the handbook says to use the ratio formula (+ instead of −). A radicand of exactly 0 from
 * inputs that do have an error (x = y, e.g. every household owns: 747 ± 136 of 747 ± 136) would claim
 * an exact 100%; the ratio formula is used there too. Null when y is 0.
 */
export function moeOfProportion(x: number, moeX: number, y: number, moeY: number): number | null {
  assertMoe(moeX, 'MOE of the numerator');
  assertMoe(moeY, 'MOE of the denominator');
  if (y === 0) return null;
  const p = x / y;
  const radicand = moeX * moeX - p * p * moeY * moeY;
  if (radicand < 0 || (radicand === 0 && moeX > 0)) return moeOfRatio(x, moeX, y, moeY);
  return Math.sqrt(radicand) / y;
}

/** MOE of a ratio r = x / y where x is not a subset of y: √(MOE_x² + r²·MOE_y²) / y. Null when y is 0. */
export function moeOfRatio(x: number, moeX: number, y: number, moeY: number): number | null {
  assertMoe(moeX, 'MOE of the numerator');
  assertMoe(moeY, 'MOE of the denominator');
  if (y === 0) return null;
  const r = x / y;
  return Math.sqrt(moeX * moeX + r * r * moeY * moeY) / Math.abs(y);
}

/** Standard error from a published 90% MOE: MOE / 1.645. */
export function standardError(moe: number): number {
  assertMoe(moe);
  return moe / ACS_Z_90;
}

/**
 * Coefficient of variation SE / estimate, as a fraction (0.12 = 12%). Null when the estimate is 0 or
 * either value is missing: a CV is undefined there, which is itself a reason to distrust the figure.
 */
export function coefficientOfVariation(estimate: number | null, moe: number | null): number | null {
  if (estimate === null || moe === null || estimate === 0) return null;
  return standardError(moe) / Math.abs(estimate);
}

/** Reliable when the CV is known and at most the threshold (30% by default). */
export function isReliable(cv: number | null, threshold: number = ACS_CV_RELIABILITY_THRESHOLD): boolean {
  return cv !== null && Number.isFinite(cv) && cv <= threshold;
}

/** Outcome of Census's test of two estimates at 90% confidence. */
export interface EstimateComparison {
  /** a − b */
  readonly difference: number;
  /** Standard error of the difference; null when either estimate has no MOE. */
  readonly se_difference: number | null;
  /** |a − b| / SE of the difference; null when it cannot be computed (Infinity when both are exact). */
  readonly z: number | null;
  /** true: significantly different at 90%; false: not; null: not testable (an MOE is missing). */
  readonly significant: boolean | null;
}

/**
 * Are two estimates different at 90% confidence? |a − b| / √(SE_a² + SE_b²) > 1.645 (ACS General
 * Handbook ch. 7). When `a` is part of `b` (a ZIP inside the geography it is compared with),
 * `overlapShare` is its share f of b's universe and the covariance is taken out:
 * SE_diff = √((1 − 2f)·SE_a² + SE_b²).
 */
export function compareEstimates(
  a: { value: number; moe: number | null },
  b: { value: number; moe: number | null },
  options: { overlapShare?: number } = {},
): EstimateComparison {
  const difference = a.value - b.value;
  if (a.moe === null || b.moe === null || !Number.isFinite(a.moe) || !Number.isFinite(b.moe)) {
    return { difference, se_difference: null, z: null, significant: null };
  }
  const f = Math.min(1, Math.max(0, options.overlapShare ?? 0));
  const seA = standardError(a.moe);
  const seB = standardError(b.moe);
  const variance = Math.max(0, (1 - 2 * f) * seA * seA + seB * seB);
  const seDifference = Math.sqrt(variance);
  if (seDifference === 0) {
    return {
      difference,
      se_difference: 0,
      z: difference === 0 ? 0 : Infinity,
      significant: difference !== 0,
    };
  }
  const z = Math.abs(difference) / seDifference;
  return { difference, se_difference: seDifference, z, significant: z > ACS_Z_90 };
}
