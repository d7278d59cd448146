// Census's 90% test applied to the report: a ZIP's figure against the geography's (the ZIP is part of
// the geography, so the overlap correction applies), and ZIP scores against each other, grouped into
// tiers so a rank never claims more precision than the data have.

import { compareEstimates } from '@lbi/census';
import type { Comparison } from '@lbi/contracts';

import type { Direction } from './categories';
import type { FeatureValue } from './features';
import type { GeographyFigure } from './geography';

export interface ComponentComparison {
  comparison: Comparison;
  z: number | null;
  /** Better than the geography in the category's direction (by the estimates), null without a geography figure. */
  better: boolean | null;
}

/**
 * Higher / lower only when significant at 90%; about the same when not; not tested when the ZIP's
 * figure is censored or either side has no MOE.
 */
export function compareWithGeography(
  v: FeatureValue,
  figure: GeographyFigure,
  overlapShare: number | null,
  direction: Direction,
): ComponentComparison {
  if (figure.value === null) return { comparison: 'not_tested', z: null, better: null };
  const better = direction === 'high' ? v.value > figure.value : v.value < figure.value;
  if (v.value === figure.value) return { comparison: 'about_same', z: 0, better: false };
  if (v.censored || figure.censored) return { comparison: 'not_tested', z: null, better };
  const test = compareEstimates(
    { value: v.value, moe: v.moe },
    { value: figure.value, moe: figure.moe },
    { overlapShare: overlapShare ?? 0 },
  );
  if (test.significant === null) return { comparison: 'not_tested', z: null, better };
  const z = test.z === null || !Number.isFinite(test.z) ? null : Math.round(test.z * 100) / 100;
  if (!test.significant) return { comparison: 'about_same', z, better };
  return { comparison: v.value > figure.value ? 'higher' : 'lower', z, better };
}

export interface Tierable {
  score: number;
  /** 90% margin of the score. */
  score_moe: number;
  tier: number;
}

/** Two scores differ at 90% when |Δ| > 1.645 · √(SE₁² + SE₂²). */
export function scoresDiffer(a: Tierable, b: Tierable): boolean {
  // 1.645 · √((m₁/1.645)² + (m₂/1.645)²) = √(m₁² + m₂²): the margins combine directly.
  return Math.abs(a.score - b.score) > Math.hypot(a.score_moe, b.score_moe);
}

/**
 * Tiers over a list sorted by score, best first: a ZIP joins the current tier when its score is not
 * significantly different from any member's, else it opens the next tier. Members of one tier are
 * therefore pairwise indistinguishable; tiers are contiguous runs of ranks.
 */
export function assignTiers(sorted: Tierable[]): void {
  let tier = 0;
  let members: Tierable[] = [];
  let top = 0;
  let smallestMoe = Infinity;
  for (const item of sorted) {
    // No member can differ when even the highest score, against the smallest margin, does not.
    const surelyClose = members.length > 0 && top - item.score <= Math.hypot(smallestMoe, item.score_moe);
    if (members.length === 0 || (!surelyClose && members.some((m) => scoresDiffer(m, item)))) {
      tier++;
      members = [];
      top = item.score;
      smallestMoe = Infinity;
    }
    item.tier = tier;
    members.push(item);
    smallestMoe = Math.min(smallestMoe, item.score_moe);
  }
}
