import { loadGazetteer } from '@lbi/census';
import type { ScanMapPoint, ScanPayload, ScanSummary } from '@lbi/contracts';
import { buildReport, featureById, requireCategory, scoreZipsDetailed } from '@lbi/scoring';
import type { ScanScope } from '../census-cache/scan-scope';
import type { ScanInputs } from './scan-inputs';

export interface ScanPayloadInput {
  scanId: string;
  category: string;
  asOf: string;
  limit: number;
  scope: ScanScope;
  inputs: ScanInputs;
  acsVintage: number;
  businessYear: number | null;
  /** The business counts come from the bundled snapshot. */
  businessSnapshot: boolean;
  censusRequests: number;
  /** Plain-language remarks on how the cache was (or could not be) filled. */
  notes: string[];
}

/**
 * A scan is a report over every ZCTA of a state or the nation: the same engine, reasons and caveats,
 * ranked once; the payload adds what the scan covered and a map of every ranked ZCTA.
 */
export function buildScanPayload(input: ScanPayloadInput): ScanPayload {
  const { inputs, scope } = input;
  const profile = requireCategory(input.category);
  const scored = scoreZipsDetailed({
    zip_codes: inputs.zips,
    category: profile.id,
    as_of: input.asOf,
    census_signals: [],
    zip_data: inputs.zipData,
  });
  const snapshot = inputs.snapshotRows > 0;
  const report = buildReport(
    {
      geography: {
        id: input.scanId,
        name: `${scope.name}: every ZCTA`,
        zip_codes: inputs.zips,
        zcta_resolution: inputs.zips.map((zip) => ({ zip, zcta: zip })),
      },
      category: profile.id,
      as_of: input.asOf,
      census_signals: [],
      top_count: input.limit,
      business: inputs.withBusiness
        ? {
            year: input.businessYear === null ? null : String(input.businessYear),
            snapshot: input.businessSnapshot,
          }
        : null,
      vintage: String(input.acsVintage),
      freshness: [
        {
          source_type: 'census',
          last_success_at: inputs.newestFetch?.toISOString() ?? null,
          is_stale: false,
          reason: snapshot
            ? `public Census cache, ACS ${input.acsVintage}: ${inputs.snapshotRows} ZCTA(s) from the bundled snapshot of the ACS 2019-2023 release (population and tenure only), loaded because the live Census API was unreachable`
            : `public Census cache, ACS ${input.acsVintage}`,
        },
      ],
    },
    scored,
  );
  const ranked = scored.results.filter((r) =>
    r.components.some((c) => c.source === 'census' && c.value !== null),
  );
  const gazetteer = loadGazetteer();
  const points: ScanMapPoint[] = [];
  ranked.forEach((result, i) => {
    const place = gazetteer.get(result.zcta ?? result.zip_code);
    if (place) points.push([result.zip_code, place.lat, place.lon, result.score, i + 1]);
  });
  const uncached = inputs.zips.length - inputs.zctasCached;
  const caveats = [...input.notes];
  if (uncached > 0) {
    caveats.push(
      `${uncached} of ${inputs.zips.length} ZCTAs of ${scope.name} have no figures in the public Census cache for ${input.acsVintage} and were not ranked.`,
    );
  }
  if (!inputs.withBusiness) {
    caveats.push(
      `No business counts for ${scope.name}: the public Census cache lacks this category's industries for the year, so competitors did not inform the scores.`,
    );
  }
  if (inputs.skipped.length > 0) {
    caveats.push(
      `${inputs.skipped.length} ZCTA(s) of ${scope.name} are no ZIP's own area in the crosswalk and were left out: ${inputs.skipped.join(', ')}.`,
    );
  }
  // A feature some ZCTAs have and others lack ranks them on different inputs: say how far it reaches.
  const coverage: Record<string, number> = Object.fromEntries(profile.features.map((w) => [w.feature, 0]));
  for (const result of ranked) {
    for (const c of result.components)
      if (c.value !== null && c.feature in coverage) coverage[c.feature] += 1;
  }
  for (const [feature, known] of Object.entries(coverage)) {
    if (known > 0 && known < ranked.length) {
      caveats.push(
        `${featureById(feature).label} (${feature}) is known for only ${known} of ${ranked.length} ZCTAs; the others were scored without it, so compare them with care.`,
      );
    }
  }
  const missingInputs = report.caveats.flatMap((c) => {
    const match = /^(.+) \(([a-z_]+)\) is not in the inputs/.exec(c);
    return match ? [match[2]] : [];
  });
  const summary: ScanSummary = {
    scope: scope.code,
    scope_name: scope.name,
    zctas_total: inputs.zips.length,
    zctas_ranked: ranked.length,
    limit: input.limit,
    acs_vintage: String(input.acsVintage),
    business_year: input.businessYear === null ? null : String(input.businessYear),
    missing_inputs: missingInputs,
    input_coverage: coverage,
    census_requests: input.censusRequests,
  };
  return {
    ...report,
    geography: { ...report.geography, zip_codes: report.top_zips.map((z) => z.zip_code) },
    caveats: [...caveats, ...report.caveats],
    scan: summary,
    map: { fields: ['zip_code', 'lat', 'lon', 'score', 'rank'], points },
  };
}
