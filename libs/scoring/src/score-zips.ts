// Scores every ZIP of a geography for a category: features → percentile ranks within the geography →
// direction → profile weights, discounted for unreliable estimates and small samples.

import { ACS_CV_RELIABILITY_THRESHOLD, coefficientOfVariation } from '@lbi/census';
import type { ScoreComponent } from '@lbi/contracts';

import { type FeatureWeight, requireCategory } from './categories';
import { setAddressableHouseholds } from './competition';
import {
  type FeatureValue,
  FEATURES,
  type ZipData,
  collectZipData,
  featureById,
  householdsOf,
} from './features';
import { tradeAreaWeights } from './trade-area-features';
import type { ScoreInput, ScoreZipsOutput, ZipScoreResult } from './types';

/** ZIPs with fewer households than this are flagged "small sample" and down-weighted. */
export const SMALL_SAMPLE_HOUSEHOLDS = 200;
/** A small-sample ZIP's score is multiplied by this. */
export const SMALL_SAMPLE_FACTOR = 0.5;
/** An estimate with a CV above the threshold keeps this fraction of its weight. */
export const UNRELIABLE_WEIGHT_FACTOR = 0.5;
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

function profileFeatures(category: string, withEvents: boolean, data: Iterable<ZipData>): FeatureWeight[] {
  const p = requireCategory(category);
  const list = [...p.features];
  if (withEvents && !list.some((f) => f.feature === 'upcoming_events')) {
    list.push({ feature: 'upcoming_events', weight: EVENT_FEATURE_WEIGHT, direction: 'high' });
  }
  for (const extra of tradeAreaWeights(category, data)) {
    if (!list.some((f) => f.feature === extra.feature)) list.push(extra);
  }
  return list;
}

export function scoreZipsDetailed(input: ScoreInput): ScoreZipsOutput {
  const zips = [...new Set(input.zip_codes)].sort();
  const data =
    (input.zip_data as Map<string, ZipData> | undefined) ??
    collectZipData(
      zips,
      input.census_signals,
      input.property_aggregates,
      input.events,
      input.category,
      input.as_of,
      new Map((input.zip_context ?? []).map(({ zip_code, ...context }) => [zip_code, context])),
    );
  setAddressableHouseholds(data.values(), requireCategory(input.category));
  const weights = profileFeatures(input.category, (input.events?.length ?? 0) > 0, data.values());

  // Raw values per ZIP of the features the profile weights (only those are scored and compared).
  const weighted = FEATURES.filter((f) => weights.some((w) => w.feature === f.id));
  const values = new Map<string, Map<string, FeatureValue | null>>();
  const households = new Map<string, number | null>();
  for (const zip of zips) {
    const z = data.get(zip)!;
    const row = new Map<string, FeatureValue | null>();
    for (const f of weighted) row.set(f.id, f.compute(z));
    values.set(zip, row);
    households.set(zip, householdsOf(z)?.value ?? null);
  }

  // Geography-wide value per feature (household-weighted; plain mean when households are unknown).
  const geographyValues: Record<string, number | null> = {};
  for (const f of weighted) {
    let num = 0;
    let den = 0;
    let plain = 0;
    let n = 0;
    for (const zip of zips) {
      const v = values.get(zip)!.get(f.id);
      if (!v) continue;
      const hh = households.get(zip);
      plain += v.value;
      n++;
      if (hh !== null && hh !== undefined && hh > 0) {
        num += v.value * hh;
        den += hh;
      }
    }
    // Counts compare with the average ZIP; shares, medians and years with the household-weighted figure;
    // ratios such as density with the pooled ratio.
    if (f.pool) geographyValues[f.id] = f.pool(zips.map((zip) => data.get(zip)!));
    else if (f.unit === 'count') geographyValues[f.id] = n > 0 ? plain / n : null;
    else geographyValues[f.id] = den > 0 ? num / den : n > 0 ? plain / n : null;
  }

  // Features no ZIP has: dropped, weight redistributed.
  const present = weights.filter((fw) => zips.some((zip) => values.get(zip)!.get(fw.feature)));
  const absent = weights.filter((fw) => !present.includes(fw)).map((fw) => fw.feature);
  const totalWeight = present.reduce((s, fw) => s + fw.weight, 0);

  // Percentiles per feature, over the ZIPs that have it.
  const percentiles = new Map<string, Map<string, number>>();
  for (const fw of present) {
    const have = zips.filter((zip) => values.get(zip)!.get(fw.feature));
    const ranks = percentileRanks(have.map((zip) => values.get(zip)!.get(fw.feature)!.value));
    const m = new Map<string, number>();
    have.forEach((zip, i) => m.set(zip, fw.direction === 'high' ? ranks[i] : 1 - ranks[i]));
    percentiles.set(fw.feature, m);
  }

  const results: ZipScoreResult[] = zips.map((zip) => {
    const row = values.get(zip)!;
    const hh = households.get(zip) ?? null;
    const warnings: string[] = [];
    const smallSample = hh !== null && hh < SMALL_SAMPLE_HOUSEHOLDS;
    if (smallSample) {
      warnings.push(
        `Small sample: ${hh} households (under ${SMALL_SAMPLE_HOUSEHOLDS}); the score is down-weighted by ${SMALL_SAMPLE_FACTOR}.`,
      );
    }
    const drafts = present.map((fw) => {
      const def = featureById(fw.feature);
      const v = row.get(fw.feature) ?? null;
      const weight = totalWeight > 0 ? fw.weight / totalWeight : 0;
      const cv = v ? coefficientOfVariation(v.value, v.moe) : null;
      const unreliable = cv !== null && cv > ACS_CV_RELIABILITY_THRESHOLD;
      if (!v) warnings.push(`${def.label} is missing for this ZIP; its weight went to the other features.`);
      if (unreliable) {
        warnings.push(
          `${def.label} is unreliable (CV ${Math.round(cv * 100)}% > ${ACS_CV_RELIABILITY_THRESHOLD * 100}%); its weight is halved.`,
        );
      }
      const effective = v ? weight * (unreliable ? UNRELIABLE_WEIGHT_FACTOR : 1) : 0;
      const percentile = v ? percentiles.get(fw.feature)!.get(zip)! : null;
      return { fw, def, v, weight, effective, percentile, cv, unreliable };
    });
    const sumEffective = drafts.reduce((s, d) => s + d.effective, 0);
    const factor = smallSample ? SMALL_SAMPLE_FACTOR : 1;
    const components: ScoreComponent[] = drafts.map((d) => ({
      feature: d.fw.feature,
      label: d.def.label,
      value: d.v ? d.v.value : null,
      moe: d.v ? d.v.moe : null,
      unit_of_measure: d.def.unit,
      geography_value: geographyValues[d.fw.feature],
      percentile: d.percentile === null ? null : round(d.percentile, 4),
      weight: round(d.weight, 4),
      effective_weight: round(sumEffective > 0 ? d.effective / sumEffective : 0, 4),
      contribution:
        sumEffective > 0 && d.percentile !== null
          ? round(((d.effective * d.percentile) / sumEffective) * factor, 4)
          : 0,
      cv: d.cv === null ? null : round(d.cv, 4),
      reliable: d.v !== null && !d.unreliable,
      source: d.def.source,
    }));
    const raw =
      sumEffective > 0
        ? drafts.reduce((s, d) => s + (d.percentile === null ? 0 : d.effective * d.percentile), 0) /
          sumEffective
        : 0;
    if (sumEffective === 0) warnings.push('No scored feature is available for this ZIP.');
    return {
      zip_code: zip,
      zcta: data.get(zip)!.zcta,
      score: round(raw * factor * 100, 1),
      households: hh,
      components,
      warnings,
      small_sample: smallSample,
    };
  });
  results.sort((a, b) => b.score - a.score || a.zip_code.localeCompare(b.zip_code));
  return { results, absent_features: absent, geography_values: geographyValues, zip_data: data };
}

/** Scores sorted by score descending, then ZIP ascending. */
export function scoreZips(input: ScoreInput): ZipScoreResult[] {
  return scoreZipsDetailed(input).results;
}
