// How far each ZIP figure can be trusted, and the standard error the ranking uses for it. A CV means
// nothing for a calendar year (1960 ± 15 has a CV of 0.5%), so years are judged by their MOE in years.
// A figure whose MOE is unknown is weighed as if it were just unreliable, never as if it were exact.

import { ACS_CV_RELIABILITY_THRESHOLD, ACS_Z_90, coefficientOfVariation } from '@lbi/census';
import type { Reliability } from '@lbi/contracts';

import type { FeatureDef, FeatureValue } from './features';

// Read once: the library's exports are getters, costly in per-ZIP loops.
const Z90 = ACS_Z_90;
const CV_THRESHOLD = ACS_CV_RELIABILITY_THRESHOLD;

/** A median year built (or any calendar year) with a larger 90% MOE than this is unreliable. */
export const YEAR_MOE_RELIABILITY_THRESHOLD = 10;

export interface ReliabilityVerdict {
  reliability: Reliability;
  /** CV for quantities; null for calendar years, censored values and figures without an MOE. */
  cv: number | null;
  /** The standard error the ranking uses: published, assumed (unknown MOE), or null (none can be used). */
  se: number | null;
  /** true when `se` is an assumption standing in for an unknown MOE. */
  assumed: boolean;
}

/** The smallest standard error that would make `value` unreliable: CV 30%, or 10 years for a year. */
export function thresholdStandardError(def: FeatureDef, value: number): number {
  return def.unit === 'year' ? YEAR_MOE_RELIABILITY_THRESHOLD / Z90 : CV_THRESHOLD * Math.abs(value);
}

/**
 * Classifies one ZIP figure. `largestPublishedSe` is the largest published SE of the feature in the
 * geography (null when no ZIP has one): a figure with an unknown MOE is given at least that and at
 * least the threshold SE. When no ZIP of the geography has an MOE for the feature (the inputs carry
 * none), every figure is equally unknown and none is given an SE: shrinking them all alike would
 * change no rank.
 */
export function judgeReliability(
  def: FeatureDef,
  v: FeatureValue,
  largestPublishedSe: number | null,
): ReliabilityVerdict {
  if (def.source !== 'census') return { reliability: 'not_applicable', cv: null, se: null, assumed: false };
  if (v.censored) return { reliability: 'censored', cv: null, se: null, assumed: false };
  // Controlled estimates only: a derived share of 100% can also come out at MOE 0, and is merely reliable.
  if (v.moe === 0 && v.moe_code === '-555555555')
    return { reliability: 'exact', cv: 0, se: 0, assumed: false };
  if (v.moe !== null) {
    const se = v.moe / Z90;
    if (def.unit === 'year') {
      return {
        reliability: v.moe > YEAR_MOE_RELIABILITY_THRESHOLD ? 'unreliable' : 'reliable',
        cv: null,
        se,
        assumed: false,
      };
    }
    const cv = coefficientOfVariation(v.value, v.moe);
    // A zero estimate has no CV: its error is all there is.
    const reliable = cv !== null && cv <= CV_THRESHOLD;
    return { reliability: reliable ? 'reliable' : 'unreliable', cv, se, assumed: false };
  }
  if (largestPublishedSe === null && v.moe_code === null) {
    return { reliability: 'unknown', cv: null, se: null, assumed: false };
  }
  const se = Math.max(largestPublishedSe ?? 0, thresholdStandardError(def, v.value));
  return { reliability: 'unknown', cv: null, se, assumed: true };
}

export const isReliableVerdict = (r: Reliability): boolean =>
  r === 'reliable' || r === 'exact' || r === 'not_applicable';
