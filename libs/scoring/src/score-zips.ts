// Scores every ZCTA of a geography for a category: features → reliability → shrinkage of unsure
// advantages toward the geography → percentile ranks within the geography → direction → profile
// weights; each figure compared with the geography's by the 90% test, scores grouped into tiers.

import { ACS_CV_RELIABILITY_THRESHOLD, ACS_Z_90 } from '@lbi/census';
import type { ScoreComponent } from '@lbi/contracts';

import { type Direction, type FeatureWeight, requireCategory } from './categories';
import { type FeatureDef, type FeatureValue, featureById, householdsOf } from './features';
import { display } from './format';
import { type GeographyFigure, geographyFigure } from './geography';
import {
  type ReliabilityVerdict,
  YEAR_MOE_RELIABILITY_THRESHOLD,
  isReliableVerdict,
  judgeReliability,
} from './reliability';
import { percentileStandardErrors, shrinkAdvantages } from './shrinkage';
import { assignTiers, compareWithGeography } from './significance';
import type { ScoreInput, ScoreZipsOutput, ZipScoreResult } from './types';
import { type ZipData, collectZipData } from './zip-data';

// Read once: the library's exports are getters, costly in per-ZIP loops.
const Z90 = ACS_Z_90;
const CV_THRESHOLD = ACS_CV_RELIABILITY_THRESHOLD;

/** ZIPs with fewer households than this are flagged "small sample" and down-weighted. */
export const SMALL_SAMPLE_HOUSEHOLDS = 200;
/** A small-sample ZIP's score is multiplied by this. */
export const SMALL_SAMPLE_FACTOR = 0.5;
/** Weight of upcoming events in the ZIP, added to every profile when events are supplied. */
export const EVENT_FEATURE_WEIGHT = 0.05;

/**
 * Percentile rank of each value among the values, 0..1 (0 = lowest, 1 = highest), ties averaged.
 * A single value ranks 1. Deterministic: depends only on the multiset of values.
 */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(n);
  let k = 0;
  while (k < n) {
    let j = k;
    while (j + 1 < n && order[j + 1].v === order[k].v) j++;
    const avg = (k + j) / 2;
    for (let m = k; m <= j; m++) ranks[order[m].i] = avg / (n - 1);
    k = j + 1;
  }
  return ranks;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function profileFeatures(category: string, withEvents: boolean): FeatureWeight[] {
  const p = requireCategory(category);
  const list = [...p.features];
  if (withEvents && !list.some((f) => f.feature === 'upcoming_events')) {
    list.push({ feature: 'upcoming_events', weight: EVENT_FEATURE_WEIGHT, direction: 'high' });
  }
  return list;
}

/** Everything computed for one scored feature, per unit (by index into the unit list). */
interface ScoredFeature {
  def: FeatureDef;
  weight: number;
  direction: Direction;
  values: (FeatureValue | null)[];
  verdicts: (ReliabilityVerdict | null)[];
  figure: GeographyFigure;
  adjusted: (number | null)[];
  percentile: (number | null)[];
  percentileSe: number[];
  /** No unit of the geography has an MOE for it. */
  withoutMoe: boolean;
  /** The geography figure as a client reads it (the same for every ZIP). */
  geographyDisplay: string;
}

function scoreFeature(
  def: FeatureDef,
  weight: number,
  direction: Direction,
  units: readonly ZipData[],
  values: (FeatureValue | null)[],
): ScoredFeature {
  const published = values.filter((v): v is FeatureValue => v !== null && v.moe !== null && !v.censored);
  const largestSe = published.length > 0 ? Math.max(...published.map((v) => (v.moe as number) / Z90)) : null;
  const verdicts = values.map((v) => (v ? judgeReliability(def, v, largestSe) : null));
  const index = new Map(units.map((u, i) => [u, i]));
  const figure = geographyFigure(def, units, (u) => values[index.get(u) as number]);

  const have = values.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
  const shrunk = shrinkAdvantages(
    have.map((i) => ({
      value: (values[i] as FeatureValue).value,
      se: verdicts[i]!.se,
      censored: !!values[i]!.censored,
    })),
    figure.value,
    direction,
  );
  const adjusted: (number | null)[] = values.map(() => null);
  const ses: (number | null)[] = [];
  have.forEach((i, j) => {
    adjusted[i] = shrunk[j].adjusted;
    ses.push(shrunk[j].se);
  });
  const adjustedValues = have.map((i) => adjusted[i] as number);
  const ranks = percentileRanks(adjustedValues);
  const rankSe = percentileStandardErrors(adjustedValues, ses);
  const percentile: (number | null)[] = values.map(() => null);
  const percentileSe = values.map(() => 0);
  have.forEach((i, j) => {
    percentile[i] = direction === 'high' ? ranks[j] : 1 - ranks[j];
    percentileSe[i] = rankSe[j];
  });
  return {
    def,
    weight,
    direction,
    values,
    verdicts,
    figure,
    adjusted,
    percentile,
    percentileSe,
    withoutMoe: def.source === 'census' && published.length === 0,
    geographyDisplay: geographyDisplay(def, figure),
  };
}

const UNKNOWN_REASON: Record<string, string> = {
  '-222222222': 'the Census Bureau could not compute its margin of error',
  '-333333333': 'the median falls in an open-ended interval',
  '-999999999': 'too few sample cases for a margin of error',
  '-666666666': 'too few sample observations for a margin of error',
};

function reliabilityWarning(f: ScoredFeature, v: FeatureValue, verdict: ReliabilityVerdict): string | null {
  if (
    verdict.reliability !== 'unreliable' &&
    verdict.reliability !== 'unknown' &&
    verdict.reliability !== 'censored'
  ) {
    return null;
  }
  const label = f.def.label;
  const shown = displayValue(f.def, v);
  switch (verdict.reliability) {
    case 'unreliable':
      return f.def.unit === 'year'
        ? `${label} ${shown} is unreliable (MOE ±${Math.round(v.moe as number)} years > ${YEAR_MOE_RELIABILITY_THRESHOLD} years): any advantage it shows over the geography is shrunk toward it.`
        : `${label} is unreliable (CV ${verdict.cv === null ? 'undefined at a zero estimate' : `${Math.round(verdict.cv * 100)}% > ${CV_THRESHOLD * 100}%`}): any advantage it shows over the geography is shrunk toward it.`;
    case 'unknown':
      if (!verdict.assumed) return null; // no ZIP has an MOE for it: one caveat for the report instead
      return `${label}: reliability unknown (${UNKNOWN_REASON[v.moe_code ?? ''] ?? 'no margin of error in the inputs for this ZIP'}); weighed like an unreliable estimate.`;
    case 'censored':
      return `${label} is ${shown}, an ACS ${v.censored === 'top' ? 'top' : 'bottom'} code: ranked tied at the code and never cited as an exact figure.`;
    default:
      return null;
  }
}

export function scoreZipsDetailed(input: ScoreInput): ScoreZipsOutput {
  const data = collectZipData(
    input.zip_codes,
    input.census_signals,
    input.property_aggregates,
    input.events,
    input.category,
    input.as_of,
    input.zcta_resolution,
  );
  const units = [...data.values()].sort((a, b) => (a.zip_code < b.zip_code ? -1 : 1));
  const weights = profileFeatures(input.category, (input.events?.length ?? 0) > 0);

  const cache = new Map<string, (FeatureValue | null)[]>();
  const valuesOf = (id: string) => {
    let list = cache.get(id);
    if (!list) {
      const def = featureById(id);
      list = units.map((u) => def.compute(u));
      cache.set(id, list);
    }
    return list;
  };
  const present = (id: string) => valuesOf(id).some((v) => v !== null);

  // A feature no ZIP has gives way to its fallback, or is dropped and its weight redistributed.
  const absent: string[] = [];
  const substituted: [string, string][] = [];
  const used: { id: string; weight: number; direction: Direction }[] = [];
  for (const fw of weights) {
    if (present(fw.feature)) used.push({ id: fw.feature, weight: fw.weight, direction: fw.direction });
    else if (
      fw.fallback &&
      present(fw.fallback.feature) &&
      !weights.some((o) => o.feature === fw.fallback!.feature)
    ) {
      used.push({ id: fw.fallback.feature, weight: fw.weight, direction: fw.fallback.direction });
      substituted.push([fw.feature, fw.fallback.feature]);
    } else absent.push(fw.feature);
  }
  const totalWeight = used.reduce((s, u) => s + u.weight, 0);
  const scored = used.map((u) =>
    scoreFeature(featureById(u.id), u.weight, u.direction, units, valuesOf(u.id)),
  );

  const results: ZipScoreResult[] = units.map((unit, i) => {
    const households = householdsOf(unit);
    const hh = households?.value ?? null;
    const warnings: string[] = [];
    const smallSample = hh !== null && hh < SMALL_SAMPLE_HOUSEHOLDS;
    if (smallSample) {
      warnings.push(
        `Small sample: ${hh} households (under ${SMALL_SAMPLE_HOUSEHOLDS}); the score is down-weighted by ${SMALL_SAMPLE_FACTOR}.`,
      );
    }
    const weightOf = (f: ScoredFeature) => (totalWeight > 0 ? f.weight / totalWeight : 0);
    const sumEffective = scored.reduce((s, f) => s + (f.values[i] ? weightOf(f) : 0), 0);
    const factor = smallSample ? SMALL_SAMPLE_FACTOR : 1;
    let raw = 0;
    let variance = 0;
    const components: ScoreComponent[] = scored.map((f) => {
      const v = f.values[i];
      const weight = weightOf(f);
      if (!v) {
        warnings.push(`${f.def.label} is missing for this ZIP; its weight went to the other features.`);
        return missingComponent(f, weight);
      }
      const verdict = f.verdicts[i] as ReliabilityVerdict;
      const warning = reliabilityWarning(f, v, verdict);
      if (warning) warnings.push(warning);
      const effective = sumEffective > 0 ? weight / sumEffective : 0;
      const percentile = f.percentile[i] as number;
      raw += effective * percentile;
      variance += (effective * f.percentileSe[i]) ** 2;
      const overlap = f.figure.overlap.get(unit.zip_code) ?? null;
      const cmp = compareWithGeography(v, f.figure, overlap, f.direction);
      return {
        feature: f.def.id,
        label: f.def.label,
        value: v.value,
        moe: v.moe,
        unit_of_measure: f.def.unit,
        geography_value: f.figure.value,
        percentile: round(percentile, 4),
        weight: round(weight, 4),
        effective_weight: round(effective, 4),
        contribution: round(effective * percentile * factor, 4),
        cv: verdict.cv === null ? null : round(verdict.cv, 4),
        reliable: isReliableVerdict(verdict.reliability),
        source: f.def.source,
        reliability: verdict.reliability,
        censored: v.censored,
        adjusted_value: f.adjusted[i],
        geography_moe: f.figure.moe,
        geography_method: f.figure.method,
        overlap_share: overlap === null ? null : round(overlap, 6),
        comparison: cmp.comparison,
        z: cmp.z,
        better: cmp.better,
        display: displayValue(f.def, v),
        geography_display: f.geographyDisplay,
      };
    });
    if (sumEffective === 0) warnings.push('No scored feature is available for this ZIP.');
    return {
      zip_code: unit.zip_code,
      zip_codes: unit.zip_codes,
      zcta: unit.zcta,
      score: round(raw * factor * 100, 1),
      households: hh,
      households_moe: households?.moe ?? null,
      components,
      warnings,
      small_sample: smallSample,
      score_moe: round(Z90 * Math.sqrt(variance) * factor * 100, 1),
      tier: 0,
    };
  });
  results.sort(
    (a, b) => b.score - a.score || (a.zip_code < b.zip_code ? -1 : a.zip_code > b.zip_code ? 1 : 0),
  );
  assignTiers(results);

  const geographyValues: Record<string, number | null> = {};
  const figures: Record<string, GeographyFigure> = {};
  for (const f of scored) {
    geographyValues[f.def.id] = f.figure.value;
    figures[f.def.id] = f.figure;
  }
  return {
    results,
    absent_features: absent,
    substituted_features: substituted,
    features_without_moe: scored.filter((f) => f.withoutMoe).map((f) => f.def.id),
    geography_values: geographyValues,
    geography_figures: figures,
    zip_data: data,
  };
}

/** A ZIP's figure as a client reads it: unit, ± margin, or its top or bottom code. */
function displayValue(def: FeatureDef, v: FeatureValue): string {
  return display({
    unit: def.unit,
    value: v.value,
    moe: v.moe,
    censored: v.censored,
    metric: def.median,
    noun: def.noun,
  });
}

function geographyDisplay(def: FeatureDef, figure: GeographyFigure): string {
  if (figure.value === null) return 'n/a';
  return display({
    unit: def.unit,
    value: figure.value,
    moe: figure.moe,
    censored: figure.censored,
    metric: def.median,
    noun: def.noun,
  });
}

function missingComponent(f: ScoredFeature, weight: number): ScoreComponent {
  return {
    feature: f.def.id,
    label: f.def.label,
    value: null,
    moe: null,
    unit_of_measure: f.def.unit,
    geography_value: f.figure.value,
    percentile: null,
    weight: round(weight, 4),
    effective_weight: 0,
    contribution: 0,
    cv: null,
    reliable: false,
    source: f.def.source,
    reliability: 'unknown',
    censored: null,
    adjusted_value: null,
    geography_moe: f.figure.moe,
    geography_method: f.figure.method,
    overlap_share: null,
    comparison: 'not_tested',
    z: null,
    better: null,
    display: 'n/a',
    geography_display: f.geographyDisplay,
  };
}

/** Scores sorted by score descending, then ZIP ascending: one entry per ZCTA. */
export function scoreZips(input: ScoreInput): ZipScoreResult[] {
  return scoreZipsDetailed(input).results;
}
