import { distanceMiles, loadGazetteer } from '@lbi/census';
import type { ReportOptions } from '@lbi/contracts';
import { type BusinessInput, type ZipContextInput, competitorsOf, establishmentsMetric } from '@lbi/scoring';
import type { Geography } from '../geographies/geography.entity';

export interface BusinessSignal {
  zip_code: string;
  metric: string;
  value: number | null;
  vintage: string | null;
  snapshot: boolean | null;
}

/** What the engine needs about where each ZIP is and who competes there. */
export interface ReportZipContext {
  zip_context: ZipContextInput[];
  business: BusinessInput | null;
  /** Where distances are measured from, when the report asked for closer ZIPs first. */
  centre: { lat: number; lon: number; kind: 'ring' | 'household_weighted' } | null;
}

/**
 * Per ZIP: its ZCTA's land area (Gazetteer), the establishments of the category's NAICS codes (a ZIP
 * counts only when every code has a stored count), and with `closer_first` its distance from the
 * centre: a ring's own centre, otherwise the household-weighted mean of the ZCTAs' internal points.
 */
export function reportZipContext(input: {
  geography: Pick<Geography, 'zipCodes' | 'zctaResolution' | 'tradeArea'>;
  category: string;
  business: readonly BusinessSignal[];
  households: ReadonlyMap<string, number>;
  options: ReportOptions;
}): ReportZipContext {
  const gazetteer = loadGazetteer();
  const zctaOf = new Map(input.geography.zctaResolution.map((r) => [r.zip, r.zcta]));
  const codes = (competitorsOf(input.category)?.naics ?? []).map((n) => establishmentsMetric(n.code));
  const counts = new Map<string, Map<string, BusinessSignal>>();
  for (const row of input.business) {
    if (row.value === null || !codes.includes(row.metric)) continue;
    const perZip = counts.get(row.zip_code) ?? new Map<string, BusinessSignal>();
    perZip.set(row.metric, row);
    counts.set(row.zip_code, perZip);
  }
  const centre = input.options.closer_first ? centreOf(input, gazetteer) : null;
  const years = new Set<string>();
  let snapshot = false;
  const zip_context = input.geography.zipCodes.map((zip): ZipContextInput => {
    const place = gazetteer.get(zctaOf.get(zip) ?? null);
    const rows = counts.get(zip);
    const complete = rows !== undefined && codes.length > 0 && codes.every((code) => rows.has(code));
    if (complete) {
      for (const row of rows.values()) {
        if (row.vintage) years.add(row.vintage);
        snapshot ||= row.snapshot === true;
      }
    }
    return {
      zip_code: zip,
      land_sq_mi: place?.land_sq_mi ?? null,
      establishments: complete
        ? [...rows.values()].reduce((sum, row) => sum + (row.value as number), 0)
        : null,
      ...(centre && place ? { distance_miles: Math.round(distanceMiles(centre, place) * 100) / 100 } : {}),
    };
  });
  const year = [...years].sort().at(-1) ?? null;
  return { zip_context, business: years.size > 0 ? { year, snapshot } : null, centre };
}

function centreOf(
  input: {
    geography: Pick<Geography, 'zctaResolution' | 'tradeArea'>;
    households: ReadonlyMap<string, number>;
  },
  gazetteer: ReturnType<typeof loadGazetteer>,
): ReportZipContext['centre'] {
  const area = input.geography.tradeArea;
  if (area?.kind === 'ring') return { lat: area.lat, lon: area.lon, kind: 'ring' };
  let lat = 0;
  let lon = 0;
  let weight = 0;
  const seen = new Set<string>();
  for (const r of input.geography.zctaResolution) {
    const place = gazetteer.get(r.zcta);
    if (!place || seen.has(place.zcta)) continue;
    seen.add(place.zcta);
    const households = input.households.get(r.zip) ?? 0;
    lat += place.lat * households;
    lon += place.lon * households;
    weight += households;
  }
  return weight > 0 ? { lat: lat / weight, lon: lon / weight, kind: 'household_weighted' } : null;
}
