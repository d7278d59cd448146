import {
  acsVariableByMetric,
  isAcsVariableId,
  loadGazetteer,
  parseCensusValue,
  type ZipCrosswalk,
} from '@lbi/census';
import {
  COMPETITION_FEATURE,
  DENSITY_FEATURE,
  type Measure,
  type ZipData,
  censusMetricsOf,
  isUsableNumber,
} from '@lbi/scoring';
import type { TenantTransaction } from '@lbi/server';
import { crosswalkZipsByZcta } from '../census/business-signals.writer';
import type { ScanScope } from '../census-cache/scan-scope';

/** What a scan ranks, read from the public Census cache inside the tenant's transaction. */
export interface ScanInputs {
  /** The scope's ZCTAs that a geography can hold (each ZCTA's own ZIP), in order. */
  zips: string[];
  /** ZCTAs of the scope no crosswalk ZIP names as its own area (left out of the ranking). */
  skipped: string[];
  /** The engine's per-ZCTA inputs (census measures, land area, competitors), one per ZIP of `zips`. */
  zipData: Map<string, ZipData>;
  /** ZCTAs the cache holds figures for (complete or not). */
  zctasCached: number;
  /** Cached rows loaded from the bundled snapshot rather than the API. */
  snapshotRows: number;
  newestFetch: Date | null;
  /** Whether establishment counts were supplied (every NAICS code of the category cached). */
  withBusiness: boolean;
}

/**
 * Reads, for every ZCTA of the scope, only the cached variables the category's features use (estimate
 * and MOE of each metric, picked out of the cells by PostgreSQL), and builds the engine's ZIP data from
 * them directly: a national scan handles 33,000 rows, not a signal per ZCTA and metric.
 */
export async function loadScanInputs(
  db: TenantTransaction,
  input: {
    scope: ScanScope;
    category: string;
    vintage: number;
    crosswalk: ZipCrosswalk;
    businessYear: number;
    /** The category's NAICS codes whose counts the cache holds completely (empty: no competition). */
    naics: readonly string[];
  },
): Promise<ScanInputs> {
  const zips = input.scope.zctas.filter((zcta) => input.crosswalk.get(zcta)?.zcta === zcta);
  const skipped = input.scope.zctas.filter((zcta) => input.crosswalk.get(zcta)?.zcta !== zcta);
  const metrics = censusMetricsOf(input.category, [DENSITY_FEATURE, COMPETITION_FEATURE]).flatMap(
    (metric) => {
      const variable = acsVariableByMetric(metric);
      return variable ? [{ metric, estimate: variable.estimate, moe: variable.moe }] : [];
    },
  );
  const keys = metrics.flatMap((m) => [m.estimate, m.moe]).filter((key) => isAcsVariableId(key));
  // jsonb_to_record reads each row's (compressed) cells once and returns just these variables as
  // columns; picking them one by one with -> would decompress the cells once per variable. They come
  // back as one text array literal per row (cells hold numbers, '' or null only: assertCensusCells),
  // split here: a row object of 130 columns per ZCTA costs the driver more than the query.
  const columns = keys.map((key) => `"${key}" text`).join(', ');
  const picked = keys.map((key) => `r."${key}"`).join(', ');
  const rows = (await db.manager.query(
    `SELECT zcta, source, extract(epoch FROM fetched_at)::float8 AS fetched, ARRAY[${picked}]::text AS cells
       FROM public_acs_zctas, jsonb_to_record(cells) AS r(${columns})
      WHERE vintage = $1 AND zcta = ANY($2::varchar[]) AND NOT absent`,
    [input.vintage, zips],
  )) as { zcta: string; source: string; fetched: number; cells: string }[];
  const slot = new Map(keys.map((key, i) => [key, i]));
  const at = metrics.map((m) => ({ ...m, estimateAt: slot.get(m.estimate), moeAt: slot.get(m.moe) }));

  const gazetteer = loadGazetteer();
  const zipData = new Map<string, ZipData>();
  for (const zip of zips) {
    zipData.set(zip, {
      zip_code: zip,
      zip_codes: [zip],
      zcta: zip,
      census: new Map(),
      property: null,
      upcoming_events: null,
      context: { land_sq_mi: gazetteer.get(zip)?.land_sq_mi ?? null },
    });
  }
  let snapshotRows = 0;
  let newestFetch = -Infinity;
  for (const row of rows) {
    if (row.source === 'snapshot') snapshotRows++;
    if (Number(row.fetched) > newestFetch) newestFetch = Number(row.fetched);
    const census = zipData.get(row.zcta)?.census as Map<string, Measure>;
    const cells = splitTextArray(row.cells);
    for (const m of at) {
      const estimate = parseCensusValue(cellAt(cells, m.estimateAt), 'estimate').value;
      if (!isUsableNumber(estimate)) continue;
      const moe = parseCensusValue(cellAt(cells, m.moeAt), 'moe');
      census.set(m.metric, {
        value: estimate,
        moe: isUsableNumber(moe.value) && moe.value >= 0 ? moe.value : null,
        // An MOE the API printed as a code (-222222222…) says why no sampling error can be given.
        moe_code: moe.annotation?.code ?? null,
      });
    }
  }

  if (input.naics.length > 0) {
    const counts = (await db.manager.query(
      `SELECT zip, sum(establishments)::int AS establishments FROM public_business_counts
        WHERE vintage = $1 AND naics = ANY($2::varchar[]) GROUP BY zip`,
      [input.businessYear, input.naics],
    )) as { zip: string; establishments: number }[];
    const byZip = new Map(counts.map((c) => [c.zip, c.establishments]));
    const zipsOf = crosswalkZipsByZcta(input.crosswalk);
    for (const [zcta, data] of zipData) {
      // A ZCTA's count sums every ZIP inside it; a ZIP without a published row adds 0 (the floor).
      data.context.establishments = (zipsOf.get(zcta) ?? [zcta]).reduce(
        (sum, zip) => sum + (byZip.get(zip) ?? 0),
        0,
      );
    }
  }
  return {
    zips,
    skipped,
    zipData,
    zctasCached: rows.length,
    snapshotRows,
    newestFetch: Number.isFinite(newestFetch) ? new Date(newestFetch * 1000) : null,
    withBusiness: input.naics.length > 0,
  };
}

/**
 * The elements of a PostgreSQL text array literal whose elements are numbers, empty strings or NULL
 * (`{1,-2.5,"",NULL}`); anything else would have been refused on the way into the cache.
 */
export function splitTextArray(literal: string): (string | null)[] {
  const inner = literal.slice(1, -1);
  if (inner === '') return [];
  return inner.split(',').map((part) => (part === 'NULL' ? null : part === '""' ? '' : part));
}

function cellAt(cells: readonly (string | null)[], index: number | undefined): string | null {
  return index === undefined ? null : (cells[index] ?? null);
}
