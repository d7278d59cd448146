// buildReport: the deliverable. Scores the geography's ZCTAs on one ACS vintage, explains the top ones
// with tested comparisons, profiles their buyers, ranks the agency's channels, picks the campaign
// window and names every missing or weak input.

import type { DataFreshnessEntry, ReportPayload, ScoreTier, TopZip } from '@lbi/contracts';

import { buyerProfile } from './buyer-profile';
import { requireCategory } from './categories';
import { channelsFor, typesToAdd } from './channels';
import { rankSentence, reasonsFor, weaknessesOf, whyOf } from './explain';
import { featureById } from './features';
import { scoreZipsDetailed } from './score-zips';
import { timingWindow } from './timing';
import type { ReportInput, ScoreZipsOutput, ZipScoreResult } from './types';
import { type VintageSelection, selectVintage } from './vintage';

export const TOP_ZIP_COUNT = 10;
/** How many ZIPs a caveat lists before "…". */
const LIST_LIMIT = 20;

const list = (zips: readonly string[]) =>
  `${zips.slice(0, LIST_LIMIT).join(', ')}${zips.length > LIST_LIMIT ? ', …' : ''}`;

function missingZips(
  input: ReportInput,
  zipCodes: readonly string[],
  scored: ScoreZipsOutput,
  scoreable: readonly ZipScoreResult[],
  chosen: VintageSelection,
): { zip_code: string; reason: string }[] {
  const ranked = new Set(scoreable.flatMap((r) => r.zip_codes));
  const withFigures = new Set(
    [...scored.zip_data.values()].filter((z) => z.census.size > 0).flatMap((z) => z.zip_codes),
  );
  const noZcta = new Set(
    (input.geography.zcta_resolution ?? []).filter((z) => z.zcta === null).map((z) => z.zip),
  );
  const release = chosen.vintage ? `ACS ${chosen.vintage}` : 'Census';
  return zipCodes
    .filter((zip) => !ranked.has(zip))
    .map((zip) => {
      if (noZcta.has(zip))
        return { zip_code: zip, reason: 'no ZCTA: the ACS publishes no figures for this ZIP' };
      if (withFigures.has(zip)) {
        return {
          zip_code: zip,
          reason: `its ${release} figures include none of the features this category scores`,
        };
      }
      const other = chosen.other_vintage_zips.get(zip);
      return {
        zip_code: zip,
        reason: other
          ? `no ${release} figures (figures of ${other.join(', ')} exist and are not mixed in)`
          : `no ${release} figures`,
      };
    });
}

function tiersOf(top: readonly TopZip[], bounds: ReadonlyMap<number, [number, number]>): ScoreTier[] {
  const tiers: ScoreTier[] = [];
  for (const t of top) {
    const last = tiers.at(-1);
    if (last && last.tier === t.tier) last.zip_codes.push(t.zip_code);
    else {
      const [first, lastRank] = bounds.get(t.tier as number) ?? [t.rank, t.rank];
      tiers.push({ tier: t.tier as number, first_rank: first, last_rank: lastRank, zip_codes: [t.zip_code] });
    }
  }
  return tiers;
}

function caveatsOf(
  input: ReportInput,
  scored: ScoreZipsOutput,
  scoreable: readonly ZipScoreResult[],
  missing: readonly { zip_code: string; reason: string }[],
  vintage: string | null,
  freshness: readonly DataFreshnessEntry[],
  toAdd: readonly string[],
): string[] {
  const caveats: string[] = [];
  const zipCodes = input.geography.zip_codes;
  if (zipCodes.length === 0) caveats.push('The geography has no ZIP codes: nothing could be scored.');
  if (input.census_signals.length === 0) {
    caveats.push('No census signals: no ZIP could be scored; refresh the Census data for this geography.');
  } else if (scoreable.length === 0) {
    caveats.push('The census signals cover none of the geography ZIPs: no ZIP could be scored.');
  }
  const release = vintage ? `ACS ${vintage}` : 'Census';
  const noFigures = missing.filter((m) => m.reason.startsWith('no ') && !m.reason.startsWith('no ZCTA'));
  if (input.census_signals.length > 0 && noFigures.length > 0) {
    caveats.push(
      `${noFigures.length} ZIP(s) have no ${release} figures and were not ranked (not filled from another year): ${list(noFigures.map((m) => m.zip_code))}.`,
    );
  }
  const unscorable = missing.filter((m) => m.reason.startsWith('its '));
  if (unscorable.length > 0) {
    caveats.push(
      `${unscorable.length} ZIP(s) have ${release} figures but none of the features this category scores, and were not ranked: ${list(unscorable.map((m) => m.zip_code))}.`,
    );
  }
  if ((input.property_aggregates ?? []).length === 0)
    caveats.push('No property data: property aggregates did not inform the scores.');
  if ((input.events ?? []).length === 0)
    caveats.push('No events: the timing window rests on seasonality alone.');
  if ((input.channels ?? []).length === 0)
    caveats.push(`No channels: none could be recommended; add ${toAdd.join(', ')}.`);
  for (const f of scored.absent_features) {
    caveats.push(
      `${featureById(f).label} (${f}) is not in the inputs: its weight was redistributed to the other features.`,
    );
  }
  for (const [f, fallback] of scored.substituted_features) {
    caveats.push(
      `${featureById(f).label} (${f}) is not in the inputs: ${featureById(fallback).label.toLowerCase()} (${fallback}) stands in for it, a cruder measure.`,
    );
  }
  const noZcta = missing.filter((m) => m.reason.startsWith('no ZCTA')).map((m) => m.zip_code);
  if (noZcta.length > 0) caveats.push(`ZIPs without a ZCTA (no Census figures): ${noZcta.join(', ')}.`);
  const shared = scored.results.filter((r) => r.zip_codes.length > 1);
  if (shared.length > 0) {
    const borrowed = shared.map(
      (r) => `${r.zip_codes.filter((z) => z !== r.zip_code).join(', ')} (under ${r.zcta})`,
    );
    caveats.push(
      `PO-box or unique ZIPs share their ZCTA's figures, so each ZCTA is ranked and counted once with its ZIPs listed under it: ${list(borrowed)}.`,
    );
  }
  const unsure = scored.results.filter(
    (r) =>
      r.components.some((c) => c.reliability === 'unreliable') ||
      r.warnings.some((w) => w.includes(': reliability unknown')),
  );
  if (unsure.length > 0) {
    caveats.push(
      `${unsure.length} ZIP area(s) have estimates that are unreliable (CV over 30%, or a year's MOE over 10 years) or of unknown reliability; any advantage they show over the geography is shrunk toward it: ${list(unsure.map((r) => r.zip_code))}.`,
    );
  }
  if (scored.features_without_moe.length > 0) {
    caveats.push(
      `${scored.features_without_moe.map((f) => featureById(f).label).join(', ')}: no margin of error in the inputs, so their reliability is unknown, their comparisons with the geography are not tested and the tiers leave their error out.`,
    );
  }
  const censored = scored.results.filter((r) => r.components.some((c) => c.censored));
  if (censored.length > 0) {
    caveats.push(
      `${censored.length} ZIP area(s) have top- or bottom-coded medians (e.g. $250,000+, 1939 or earlier): ranked tied at the code and never cited as exact figures: ${list(censored.map((r) => r.zip_code))}.`,
    );
  }
  const small = scored.results.filter((r) => r.small_sample);
  if (small.length > 0) {
    caveats.push(
      `${small.length} ZIP(s) have fewer than 200 households (small sample, down-weighted): ${list(small.map((r) => r.zip_code))}.`,
    );
  }
  for (const f of freshness.filter((x) => x.is_stale || /snapshot/i.test(x.detail))) {
    caveats.push(
      `${f.source_type} data is ${f.is_stale ? 'stale' : 'a snapshot'} (${f.detail}; last refreshed ${f.last_success_at ?? 'never'}).`,
    );
  }
  if (freshness.length === 0) caveats.push('No data-freshness records: last refresh per source is unknown.');
  caveats.push(
    'A figure is called higher or lower than the geography only when the difference passes the Census 90% test (with the overlap correction for a ZIP inside the geography), otherwise "about the same"; ZIP areas whose scores do not differ at 90% share a tier.',
  );
  const period =
    vintage && /^\d{4}$/.test(vintage)
      ? `ACS ${Number(vintage) - 4}-${vintage} 5-year estimates`
      : 'ACS 5-year estimates';
  caveats.push(
    `Census figures are ${period} (a five-year average, not a current count) with 90% margins of error, all from one release; seasonality is trade-blog rules of thumb.`,
  );
  return caveats;
}

export function buildReport(input: ReportInput): ReportPayload {
  const profile = requireCategory(input.category);
  const asOf = input.as_of.slice(0, 10);
  const zipCodes = [...new Set(input.geography.zip_codes)].sort();
  const events = input.events ?? [];
  const properties = input.property_aggregates ?? [];
  const channels = input.channels ?? [];
  const chosen = selectVintage(input.census_signals, input.vintage);
  for (const z of input.other_vintage_zips ?? []) {
    if (!chosen.other_vintage_zips.has(z.zip_code))
      chosen.other_vintage_zips.set(z.zip_code, [...z.vintages]);
  }

  const scored = scoreZipsDetailed({
    zip_codes: zipCodes,
    category: profile.id,
    as_of: asOf,
    census_signals: chosen.signals,
    property_aggregates: properties,
    events,
    zcta_resolution: input.geography.zcta_resolution,
  });
  const data = scored.zip_data;
  // Only ZCTAs with census figures are ranked: events or property data alone do not describe buyers.
  const scoreable = scored.results.filter((r) =>
    r.components.some((c) => c.source === 'census' && c.value !== null),
  );
  const bounds = new Map<number, [number, number]>();
  scoreable.forEach((r, i) => {
    const b = bounds.get(r.tier);
    bounds.set(r.tier, b ? [b[0], i + 1] : [i + 1, i + 1]);
  });
  const top = scoreable.slice(0, TOP_ZIP_COUNT);

  const topZips: TopZip[] = top.map((r, i) => {
    const [tierFirst, tierLast] = bounds.get(r.tier) as [number, number];
    const reasons = reasonsFor(r, profile.id, asOf);
    return {
      rank: i + 1,
      zip_code: r.zip_code,
      zcta: r.zcta,
      score: r.score,
      households: r.households,
      households_moe: r.households_moe,
      components: r.components,
      why: whyOf(rankSentence(r, { rank: i + 1, ranked: scoreable.length, tierFirst, tierLast }), reasons),
      warnings: [...r.warnings, ...weaknessesOf(r, profile.id, asOf)],
      zip_codes: r.zip_codes,
      tier: r.tier,
      score_moe: r.score_moe,
      reasons,
    };
  });

  const topZipCodes = top.flatMap((r) => r.zip_codes);
  const recommended = channelsFor(profile, channels, topZipCodes, new Set(zipCodes));
  const toAdd = typesToAdd(profile, channels);
  const freshness: DataFreshnessEntry[] = [...(input.freshness ?? [])]
    .sort((a, b) => a.source_type.localeCompare(b.source_type))
    .map((f) => ({
      source_type: f.source_type,
      last_success_at: f.last_success_at,
      is_stale: f.is_stale,
      detail: f.reason ?? (f.is_stale ? 'stale' : 'fresh'),
    }));
  const missing = missingZips(input, zipCodes, scored, scoreable, chosen);
  const vintage = chosen.vintage;

  const sources: ReportPayload['sources'] = [
    {
      name: 'U.S. Census Bureau, American Community Survey 5-year estimates',
      vintage,
      url: vintage ? `https://api.census.gov/data/${vintage}/acs/acs5` : 'https://api.census.gov/',
    },
  ];
  if (properties.length > 0)
    sources.push({ name: 'Agency property aggregates (CSV)', vintage: null, url: null });
  if (events.length > 0) sources.push({ name: 'Agency event calendar (CSV)', vintage: null, url: null });
  if (channels.length > 0) sources.push({ name: 'Agency channel list (CSV)', vintage: null, url: null });

  return {
    geography: { id: input.geography.id, name: input.geography.name, zip_codes: zipCodes },
    category: { id: profile.id, label: profile.label },
    as_of: asOf,
    top_zips: topZips,
    buyer_profile: buyerProfile(
      profile.addressable,
      top.map((r) => data.get(r.zip_code)!),
    ),
    recommended_channels: recommended,
    channel_types_to_add: channels.length === 0 ? typesToAdd(profile, []) : toAdd,
    timing_window: timingWindow(profile, asOf, events, topZipCodes),
    data_freshness: freshness,
    caveats: caveatsOf(
      input,
      scored,
      scoreable,
      missing,
      vintage,
      freshness,
      toAdd.map((t) => t.channel_type),
    ),
    sources,
    vintage,
    missing_zips: missing,
    ranked_zctas: scoreable.length,
    tiers: tiersOf(topZips, bounds),
  };
}
