// buildReport: the deliverable. Scores the geography, explains the top ZIPs, profiles their buyers,
// ranks the agency's channels, picks the campaign window and names every missing input.

import { moeOfProportion, moeOfSum } from '@lbi/census';
import type {
  BuyerProfile,
  ChannelTypeToAdd,
  DataFreshnessEntry,
  RecommendedChannel,
  ReportPayload,
  ScoreComponent,
  TopZip,
} from '@lbi/contracts';

import { type CategoryProfile, requireCategory } from './categories';
import { competitionSection } from './competition';
import { type Measure, type ZipData, featureById, householdsOf } from './features';
import { scoreZipsDetailed } from './score-zips';
import { timingWindow } from './timing';
import type { ChannelInput, ReportInput, ScoreZipsOutput, ZipScoreResult } from './types';

export const TOP_ZIP_COUNT = 10;
export const MAX_RECOMMENDED_CHANNELS = 10;
/** How many channel types to suggest when the agency has no channels. */
export const CHANNEL_TYPES_TO_SUGGEST = 3;

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

function formatValue(c: Pick<ScoreComponent, 'unit_of_measure'>, v: number): string {
  switch (c.unit_of_measure) {
    case 'share':
      return pct(v);
    case 'dollars':
      return money(v);
    case 'year':
      return String(Math.round(v));
    case 'years':
    case 'rate':
      return v.toFixed(1);
    case 'miles':
      return `${v.toFixed(1)} mi`;
    default:
      return int(v);
  }
}

/** One sentence for one component: the ZIP's number against the geography's. */
const AGE_NOTE: Record<string, string> = {
  roofing: 'roofs past replacement age',
  hvac: 'heating and cooling systems past replacement age',
  plumbing: 'original pipes and fixtures at the age they fail',
  windows_doors: 'original windows past their service life',
  gutters: 'gutters past their service life',
  remodeling: 'kitchens and baths due for renovation',
  exterior_painting: 'older siding and trim that need regular repainting',
};

function sentence(c: ScoreComponent, category: string): string {
  const v = c.value as number;
  const g = c.geography_value;
  const vs = g === null ? '' : `, against ${formatValue(c, g)} across the geography`;
  switch (c.feature) {
    case 'owner_share':
      return `${pct(v)} of homes are owner-occupied${vs}.`;
    case 'renter_share':
      return `${pct(v)} of households rent${vs}: renters move most often.`;
    case 'median_year_built': {
      const age = v <= 1995 ? `: ${AGE_NOTE[category] ?? 'homes old enough to need work'}` : '';
      return `Median year built ${Math.round(v)}${age}${g === null ? '' : ` (geography ${Math.round(g)})`}.`;
    }
    case 'older_stock_share':
      return `${pct(v)} of homes were built before 1980${vs}.`;
    case 'single_family_share':
      return `${pct(v)} of homes are detached single-family${vs}.`;
    default:
      if (c.unit_of_measure === 'count' && g !== null) {
        return `${c.label}: ${formatValue(c, v)}, against an average of ${formatValue(c, g)} per ZIP in the geography.`;
      }
      return `${c.label}: ${formatValue(c, v)}${vs}.`;
  }
}

/** 2-4 sentences: the features that contributed most, with their numbers and comparison. */
function explain(z: ZipScoreResult, zipCount: number, rank: number, category: string): string[] {
  const ranked = z.components
    .filter((c) => c.value !== null && c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature));
  const why = [`Ranks ${rank} of ${zipCount} ZIPs with a score of ${z.score.toFixed(1)}/100.`];
  for (const c of ranked.slice(0, 3)) why.push(sentence(c, category));
  if (why.length < 2) why.push('No feature lifts this ZIP above the geography: see the warnings.');
  return why;
}

function measure(z: ZipData, metric: string): Measure | null {
  return z.census.get(metric) ?? null;
}

function rangeOf(
  zips: readonly ZipData[],
  metric: string,
): { min: number | null; max: number | null; household_weighted: number | null } {
  let min: number | null = null;
  let max: number | null = null;
  let num = 0;
  let den = 0;
  for (const z of zips) {
    const m = measure(z, metric);
    if (!m) continue;
    min = min === null ? m.value : Math.min(min, m.value);
    max = max === null ? m.value : Math.max(max, m.value);
    const hh = householdsOf(z)?.value ?? 0;
    if (hh > 0) {
      num += m.value * hh;
      den += hh;
    }
  }
  return { min, max, household_weighted: den > 0 ? Math.round(num / den) : null };
}

/** MOE of a product a·b: √(a²·MOE_b² + b²·MOE_a²) (ACS handbook ch. 8). */
function moeOfProduct(a: number, moeA: number, b: number, moeB: number): number {
  return Math.sqrt(a * a * moeB * moeB + b * b * moeA * moeA);
}

function buyerProfile(
  profile: CategoryProfile,
  zips: readonly ZipData[],
  multiplierValues: Map<string, { value: number; moe: number | null } | null>,
): BuyerProfile {
  const notes: string[] = [
    'Medians cannot be summed: income, home value and year built are the range of the ZIP medians and their household-weighted mean, not a median of the combined area.',
  ];
  const hhMeasures = zips.map((z) => householdsOf(z)).filter((m): m is Measure => m !== null);
  const households = hhMeasures.length
    ? {
        value: hhMeasures.reduce((s, m) => s + m.value, 0),
        moe: hhMeasures.every((m) => m.moe !== null)
          ? Math.round(
              moeOfSum(
                hhMeasures.map((m) => m.moe as number),
                hhMeasures.map((m) => m.value),
              ),
            )
          : null,
      }
    : { value: null, moe: null };
  if (households.value !== null && households.moe === null) {
    notes.push('Households carry no MOE in the inputs, so their sum has none.');
  }

  const owners = zips.map((z) => measure(z, 'owner_occupied'));
  const occ = zips.map((z) => measure(z, 'occupied_units') ?? measure(z, 'households'));
  let ownerShare: { value: number | null; moe: number | null } = { value: null, moe: null };
  if (owners.every((m) => m) && occ.every((m) => m) && zips.length > 0) {
    const o = owners as Measure[];
    const y = occ as Measure[];
    const sumO = o.reduce((s, m) => s + m.value, 0);
    const sumY = y.reduce((s, m) => s + m.value, 0);
    const withMoe = o.every((m) => m.moe !== null) && y.every((m) => m.moe !== null);
    const moe = withMoe
      ? moeOfProportion(
          sumO,
          moeOfSum(
            o.map((m) => m.moe as number),
            o.map((m) => m.value),
          ),
          sumY,
          moeOfSum(
            y.map((m) => m.moe as number),
            y.map((m) => m.value),
          ),
        )
      : null;
    ownerShare = sumY > 0 ? { value: sumO / sumY, moe } : { value: null, moe: null };
  }

  // Addressable households: the rule's base count, scaled per ZIP by its share feature when present.
  const rule = profile.addressable;
  const baseMetric = rule.base === 'households' ? null : rule.base;
  let value = 0;
  let sq = 0;
  let moeKnown = true;
  let usedMultiplier = rule.multiplier !== undefined;
  let missingBase = 0;
  for (const z of zips) {
    const base = baseMetric ? measure(z, baseMetric) : householdsOf(z);
    if (!base) {
      missingBase++;
      continue;
    }
    const mult = rule.multiplier ? (multiplierValues.get(z.zip_code) ?? null) : null;
    if (rule.multiplier && !mult) usedMultiplier = false;
    if (mult && usedMultiplier) {
      value += base.value * mult.value;
      if (base.moe !== null && mult.moe !== null)
        sq += moeOfProduct(base.value, base.moe, mult.value, mult.moe) ** 2;
      else moeKnown = false;
    } else {
      value += base.value;
      if (base.moe !== null) sq += base.moe ** 2;
      else moeKnown = false;
    }
  }
  let basis = rule.basis;
  if (rule.multiplier && !usedMultiplier) {
    // Recompute without the multiplier so every ZIP uses the same basis.
    value = 0;
    sq = 0;
    moeKnown = true;
    for (const z of zips) {
      const base = baseMetric ? measure(z, baseMetric) : householdsOf(z);
      if (!base) continue;
      value += base.value;
      if (base.moe !== null) sq += base.moe ** 2;
      else moeKnown = false;
    }
    const label = featureById(rule.multiplier).label.toLowerCase();
    basis = `${rule.base.replace('_', '-')} households (${label} is not in the census inputs, so the estimate is an upper bound)`;
  }
  const addressableKnown = missingBase < zips.length && zips.length > 0;
  if (missingBase > 0 && addressableKnown) {
    notes.push(`${missingBase} top ZIP(s) lack ${rule.base} and are left out of the addressable estimate.`);
  }
  return {
    zip_codes: zips.map((z) => z.zip_code),
    households,
    owner_share: {
      value: ownerShare.value === null ? null : Math.round(ownerShare.value * 10000) / 10000,
      moe: ownerShare.moe === null ? null : Math.round(ownerShare.moe * 10000) / 10000,
    },
    median_household_income: rangeOf(zips, 'median_household_income'),
    median_home_value: rangeOf(zips, 'median_home_value'),
    median_year_built: rangeOf(zips, 'median_year_built'),
    addressable_households: {
      value: addressableKnown ? Math.round(value) : null,
      moe: addressableKnown && moeKnown ? Math.round(Math.sqrt(sq)) : null,
      basis: addressableKnown ? basis : `not derivable: no ${rule.base} figures for the top ZIPs`,
    },
    notes,
  };
}

function channelsFor(
  profile: CategoryProfile,
  channels: readonly ChannelInput[],
  topZips: readonly string[],
  geographyZips: ReadonlySet<string>,
): RecommendedChannel[] {
  const relevanceOf = new Map<string, number>(profile.channels.map((c) => [c.channel_type, c.relevance]));
  const maxReach = Math.max(0, ...channels.map((c) => c.estimated_reach ?? 0));
  const top = new Set(topZips);
  const scored = channels
    .map((c) => {
      const typeRel = relevanceOf.get(c.channel_type) ?? 0.1;
      const reachFactor =
        c.estimated_reach !== null && maxReach > 0 ? 0.5 + 0.5 * (c.estimated_reach / maxReach) : 0.5;
      const covers = c.zip_code !== null && top.has(c.zip_code);
      const coverage = covers ? 1 : c.zip_code === null ? 0.8 : geographyZips.has(c.zip_code) ? 0.5 : 0.3;
      const relevance = Math.round(typeRel * reachFactor * coverage * 1000) / 1000;
      const where = covers
        ? `it sits in top ZIP ${c.zip_code}`
        : c.zip_code === null
          ? 'it reaches the whole geography'
          : geographyZips.has(c.zip_code)
            ? `it is in ${c.zip_code}, inside the geography but not a top ZIP`
            : `it is in ${c.zip_code}, outside the geography`;
      const reach =
        c.estimated_reach !== null ? `reaches about ${int(c.estimated_reach)} people` : 'reach unknown';
      const why = `${c.channel_type.replace(/_/g, ' ')} channels are ${typeRel >= 0.7 ? 'a strong' : typeRel >= 0.4 ? 'a fair' : 'a weak'} fit for ${profile.label.toLowerCase()} (relevance ${typeRel}); ${reach}; ${where}.`;
      return {
        channel_id: c.id,
        name: c.name,
        channel_type: c.channel_type,
        zip_code: c.zip_code,
        estimated_reach: c.estimated_reach,
        relevance,
        covers_top_zip: covers,
        why,
      };
    })
    .sort((a, b) => b.relevance - a.relevance || a.channel_id.localeCompare(b.channel_id));
  return scored.slice(0, MAX_RECOMMENDED_CHANNELS);
}

function typesToAdd(profile: CategoryProfile, channels: readonly ChannelInput[]): ChannelTypeToAdd[] {
  const have = new Set(channels.map((c) => c.channel_type));
  return [...profile.channels]
    .sort((a, b) => b.relevance - a.relevance || a.channel_type.localeCompare(b.channel_type))
    .filter((c) => !have.has(c.channel_type))
    .slice(0, CHANNEL_TYPES_TO_SUGGEST)
    .map((c) => ({
      channel_type: c.channel_type,
      why: `${c.channel_type.replace(/_/g, ' ')} reaches ${profile.label.toLowerCase()} buyers (relevance ${c.relevance}): add one in the top ZIPs.`,
    }));
}

/** `scored`: the geography's scores when the caller already computed them (a scan ranks once, for its map too). */
export function buildReport(input: ReportInput, precomputed?: ScoreZipsOutput): ReportPayload {
  const profile = requireCategory(input.category);
  const asOf = input.as_of.slice(0, 10);
  const zipCodes = [...new Set(input.geography.zip_codes)].sort();
  const events = input.events ?? [];
  const properties = input.property_aggregates ?? [];
  const channels = input.channels ?? [];
  const caveats: string[] = [];

  const scored =
    precomputed ??
    scoreZipsDetailed({
      zip_codes: zipCodes,
      category: profile.id,
      as_of: asOf,
      census_signals: input.census_signals,
      property_aggregates: properties,
      events,
      zip_context: input.zip_context,
    });
  const data = scored.zip_data;
  // Only ZIPs with census figures are ranked: events or property data alone do not describe buyers.
  const scoreable = scored.results.filter((r) =>
    r.components.some((c) => c.source === 'census' && c.value !== null),
  );
  const top = scoreable.slice(0, input.top_count ?? TOP_ZIP_COUNT);

  const topZips: TopZip[] = top.map((r, i) => ({
    rank: i + 1,
    zip_code: r.zip_code,
    zcta: r.zcta,
    score: r.score,
    households: r.households,
    components: r.components,
    why: explain(r, zipCodes.length, i + 1, profile.id),
    warnings: r.warnings,
  }));

  const multiplier = profile.addressable.multiplier;
  const multiplierValues = new Map<string, { value: number; moe: number | null } | null>();
  if (multiplier) {
    const def = featureById(multiplier);
    for (const r of top) multiplierValues.set(r.zip_code, def.compute(data.get(r.zip_code)!));
  }
  const buyer = buyerProfile(
    profile,
    top.map((r) => data.get(r.zip_code)!),
    multiplierValues,
  );

  const recommended = channelsFor(
    profile,
    channels,
    top.map((r) => r.zip_code),
    new Set(zipCodes),
  );
  const toAdd = typesToAdd(profile, channels);
  const timing = timingWindow(
    profile,
    asOf,
    events,
    top.map((r) => r.zip_code),
  );

  const freshness: DataFreshnessEntry[] = [...(input.freshness ?? [])]
    .sort((a, b) => a.source_type.localeCompare(b.source_type))
    .map((f) => ({
      source_type: f.source_type,
      last_success_at: f.last_success_at,
      is_stale: f.is_stale,
      detail: f.reason ?? (f.is_stale ? 'stale' : 'fresh'),
    }));

  // Caveats: every missing or weak input, named.
  if (zipCodes.length === 0) caveats.push('The geography has no ZIP codes: nothing could be scored.');
  const hasCensus = input.census_signals.length > 0 || [...data.values()].some((z) => z.census.size > 0);
  if (!hasCensus) {
    caveats.push('No census signals: no ZIP could be scored; refresh the Census data for this geography.');
  } else if (top.length === 0) {
    caveats.push('The census signals cover none of the geography ZIPs: no ZIP could be scored.');
  }
  const unscored = zipCodes.length - scoreable.length;
  if (hasCensus && unscored > 0) {
    caveats.push(`${unscored} ZIP(s) have no usable figures and were not ranked.`);
  }
  if (properties.length === 0)
    caveats.push('No property data: property aggregates did not inform the scores.');
  if (events.length === 0) caveats.push('No events: the timing window rests on seasonality alone.');
  if (channels.length === 0) {
    caveats.push(
      `No channels: none could be recommended; add ${toAdd.map((t) => t.channel_type).join(', ')}.`,
    );
  }
  for (const f of scored.absent_features) {
    caveats.push(
      `${featureById(f).label} (${f}) is not in the inputs: its weight was redistributed to the other features.`,
    );
  }
  const noZcta = (input.geography.zcta_resolution ?? [])
    .filter((z) => z.zcta === null)
    .map((z) => z.zip)
    .sort();
  if (noZcta.length > 0) caveats.push(`ZIPs without a ZCTA (no Census figures): ${noZcta.join(', ')}.`);
  const unreliable = scored.results.filter((r) => r.components.some((c) => c.cv !== null && !c.reliable));
  if (unreliable.length > 0) {
    caveats.push(
      `${unreliable.length} ZIP(s) have estimates with a CV over 30% (weight halved): ${unreliable
        .map((r) => r.zip_code)
        .slice(0, 20)
        .join(', ')}${unreliable.length > 20 ? ', …' : ''}.`,
    );
  }
  const small = scored.results.filter((r) => r.small_sample);
  if (small.length > 0) {
    caveats.push(
      `${small.length} ZIP(s) have fewer than 200 households (small sample, down-weighted): ${small
        .map((r) => r.zip_code)
        .slice(0, 20)
        .join(', ')}${small.length > 20 ? ', …' : ''}.`,
    );
  }
  const stale = freshness.filter((f) => f.is_stale || /snapshot/i.test(f.detail));
  for (const f of stale) {
    caveats.push(
      `${f.source_type} data is ${f.is_stale ? 'stale' : 'a snapshot'} (${f.detail}; last refreshed ${f.last_success_at ?? 'never'}).`,
    );
  }
  if (freshness.length === 0) caveats.push('No data-freshness records: last refresh per source is unknown.');
  caveats.push(
    'Census figures are ACS 5-year estimates (a five-year average, not a current count) with 90% margins of error; seasonality is trade-blog rules of thumb.',
  );

  const competition = competitionSection({
    profile,
    asOf,
    top,
    zipCodes,
    data,
    business: input.business,
  });
  if (!competition) {
    caveats.push(
      'No business counts (ZIP Code Business Patterns): competitors did not inform the scores; refresh them for this geography.',
    );
  }

  const sources: ReportPayload['sources'] = [
    {
      name: 'U.S. Census Bureau, American Community Survey 5-year estimates',
      vintage: input.vintage ?? null,
      url: input.vintage
        ? `https://api.census.gov/data/${input.vintage}/acs/acs5`
        : 'https://api.census.gov/',
    },
  ];
  if (competition) {
    sources.push({
      name: 'U.S. Census Bureau, ZIP Code Business Patterns',
      vintage: competition.year,
      url: competition.year
        ? `https://api.census.gov/data/${competition.year}/cbp`
        : 'https://api.census.gov/',
    });
  }
  if (properties.length > 0)
    sources.push({ name: 'Agency property aggregates (CSV)', vintage: null, url: null });
  if (events.length > 0) sources.push({ name: 'Agency event calendar (CSV)', vintage: null, url: null });
  if (channels.length > 0) sources.push({ name: 'Agency channel list (CSV)', vintage: null, url: null });

  return {
    geography: { id: input.geography.id, name: input.geography.name, zip_codes: zipCodes },
    category: { id: profile.id, label: profile.label },
    as_of: asOf,
    top_zips: topZips,
    buyer_profile: buyer,
    recommended_channels: recommended,
    channel_types_to_add: channels.length === 0 ? typesToAdd(profile, []) : toAdd,
    timing_window: timing,
    data_freshness: freshness,
    caveats,
    sources,
    competition,
  };
}
