// The sentences a client reads about one top ZIP: its rank and tier, then its strengths in the
// category's direction, each worded by the 90% test ("higher than" only when significant, else
// "about the same"); weaknesses go to the warnings. Every number carries its unit and ± margin.

import type { ScoreComponent, TopZipReason } from '@lbi/contracts';

import { featureById } from './features';
import type { ZipScoreResult } from './types';

/** What an old median year built means for the trades where age drives demand. */
const AGE_NOTE: Record<string, string> = {
  roofing: 'roofs past replacement age',
  hvac: 'heating and cooling systems past replacement age',
  plumbing: 'original pipes and fixtures at the age they fail',
  windows_doors: 'original windows past their service life',
  gutters: 'gutters past their service life',
  remodeling: 'kitchens and baths due for renovation',
  exterior_painting: 'older siding and trim that need regular repainting',
};

/** Median built at least this many years before the report: old enough for AGE_NOTE. */
const AGE_NOTE_MIN_YEARS = 20;

export const MAX_REASONS = 3;

function relation(c: ScoreComponent): string {
  const year = c.unit_of_measure === 'year';
  const count = c.unit_of_measure === 'count';
  const above = (c.value as number) > (c.geography_value as number);
  const word = year
    ? above
      ? 'newer than'
      : 'older than'
    : count
      ? above
        ? 'more than'
        : 'fewer than'
      : above
        ? 'higher than'
        : 'lower than';
  switch (c.comparison) {
    case 'about_same':
      return 'about the same as';
    case 'not_tested':
      return year ? word : count ? word : above ? 'above' : 'below';
    default:
      return word;
  }
}

/** What the test said, for the parenthesis after the comparison. */
function testNote(c: ScoreComponent): string {
  if (c.source !== 'census') return 'agency data, not a sample estimate';
  switch (c.comparison) {
    case 'higher':
    case 'lower':
      return 'significant at 90%';
    case 'about_same':
      return 'within the margins of error';
    default:
      if (c.censored) return `not tested: a ${c.censored}-coded median`;
      return c.moe === null
        ? 'not tested: no margin of error in the inputs'
        : 'not tested: no margin of error for the geography';
  }
}

/** "weighted by owner-occupied homes" / "pooled median" for medians; shares and counts need none. */
function methodNote(c: ScoreComponent): string | null {
  const method = c.geography_method ?? '';
  if (/^pooled median/.test(method)) return 'pooled median';
  const weighted = /weighted by ([^(;]+?)(?: \(|;|$)/.exec(method);
  return weighted ? `weighted by ${weighted[1].trim()}` : null;
}

/** One sentence about one component against the geography, e.g. "89% ± 1.5 pts of homes are
 * owner-occupied, higher than 73% ± 0.3 pts across the geography (significant at 90%)." */
export function componentSentence(c: ScoreComponent, category: string, asOfYear: number): string {
  const geo = c.geography_display ?? String(c.geography_value);
  const count = c.unit_of_measure === 'count';
  const against = count ? `the average of ${geo} per ZCTA` : `${geo} across the geography`;
  const notes = [methodNote(c), testNote(c)].filter((n): n is string => n !== null).join('; ');
  const def = featureById(c.feature);
  const isYear = c.feature === 'median_year_built' || c.feature === 'property_median_year_built';
  const aged =
    isYear && c.better && (c.value as number) <= asOfYear - AGE_NOTE_MIN_YEARS && AGE_NOTE[category];
  const tail = `${relation(c)} ${against} (${notes})${aged ? `: ${AGE_NOTE[category]}` : ''}`;
  if (def.kind === 'share' && def.phrase) return `${c.display} ${def.phrase}, ${tail}.`;
  if (count) return `${c.display}, ${tail}.`;
  return `${c.label} ${c.display}, ${tail}.`;
}

const STRENGTH_ORDER: Record<string, number> = { higher: 0, lower: 0, not_tested: 1, about_same: 2 };

/** The strengths: better than the geography in the category's direction and contributing, strongest evidence first. */
export function reasonsFor(z: ZipScoreResult, category: string, asOf: string): TopZipReason[] {
  const year = Number(asOf.slice(0, 4));
  return z.components
    .filter((c) => c.value !== null && c.better === true && c.contribution > 0)
    .sort(
      (a, b) =>
        STRENGTH_ORDER[a.comparison ?? 'not_tested'] - STRENGTH_ORDER[b.comparison ?? 'not_tested'] ||
        b.contribution - a.contribution ||
        a.feature.localeCompare(b.feature),
    )
    .slice(0, MAX_REASONS)
    .map((c) => ({
      feature: c.feature,
      comparison: c.comparison ?? 'not_tested',
      text: componentSentence(c, category, year),
    }));
}

/**
 * Weaknesses worth a warning: Census figures worse than the geography's, significantly or untested
 * (about-the-same ones are not; the agency's own counts are not weaknesses of the market).
 */
export function weaknessesOf(z: ZipScoreResult, category: string, asOf: string): string[] {
  const year = Number(asOf.slice(0, 4));
  return z.components
    .filter(
      (c) => c.source === 'census' && c.value !== null && c.better === false && c.comparison !== 'about_same',
    )
    .map((c) => `Weakness: ${componentSentence(c, category, year)}`);
}

export interface RankContext {
  rank: number;
  ranked: number;
  tierFirst: number;
  tierLast: number;
}

/** "Ranks 3 of 188 ZIP areas (ZCTAs) with a score of 92.1 ± 1.4 out of 100; tier 1: ranks 1-4 …". */
export function rankSentence(z: ZipScoreResult, ctx: RankContext): string {
  const score = z.score_moe > 0 ? `${z.score.toFixed(1)} ± ${z.score_moe.toFixed(1)}` : z.score.toFixed(1);
  const tier =
    ctx.tierFirst === ctx.tierLast
      ? `tier ${z.tier}: no other ZIP area's score is within its margin`
      : `tier ${z.tier}: ranks ${ctx.tierFirst}-${ctx.tierLast} are not significantly different`;
  const others = z.zip_codes.filter((zip) => zip !== z.zip_code);
  const covers =
    others.length > 0
      ? ` ZCTA ${z.zcta} also covers ZIP${others.length > 1 ? 's' : ''} ${others.join(', ')}.`
      : '';
  return `Ranks ${ctx.rank} of ${ctx.ranked} ZIP areas (ZCTAs) with a score of ${score} out of 100; ${tier}.${covers}`;
}

/** why = the rank sentence, then the reasons; a ZIP with none says so. */
export function whyOf(rank: string, reasons: readonly TopZipReason[]): string[] {
  const why = [rank, ...reasons.map((r) => r.text)];
  if (why.length < 2)
    why.push(
      'No feature is better here than across the geography: it ranks on the others being weaker; see the warnings.',
    );
  return why;
}
