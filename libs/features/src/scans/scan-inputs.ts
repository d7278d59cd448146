import { cellsToRows, type ZipCrosswalk } from '@lbi/census';
import type { CensusSignalInput } from '@lbi/scoring';
import type { TenantTransaction } from '@lbi/server';
import { crosswalkZipsByZcta } from '../census/business-signals.writer';
import type { ScanScope } from '../census-cache/scan-scope';

/** What a scan ranks, read from the public Census cache inside the tenant's transaction. */
export interface ScanInputs {
  /** The scope's ZCTAs that a geography can hold (each ZCTA's own ZIP), in order. */
  zips: string[];
  /** ZCTAs of the scope no crosswalk ZIP names as its own area (left out of the ranking). */
  skipped: string[];
  census: CensusSignalInput[];
  /** ZCTAs the cache holds figures for (complete or not). */
  zctasCached: number;
  /** Cached rows loaded from the bundled snapshot rather than the API. */
  snapshotRows: number;
  newestFetch: Date | null;
  /** Establishments per ZCTA for the category's NAICS codes (summed over the ZIPs inside it). */
  establishments: Map<string, number>;
}

/** Labels written into request_urls of cache rows loaded from a bundled file instead of the API. */
export const SNAPSHOT_URL_PREFIX = 'bundled snapshot';

export async function loadScanInputs(
  db: TenantTransaction,
  input: {
    scope: ScanScope;
    vintage: number;
    crosswalk: ZipCrosswalk;
    businessYear: number;
    naics: readonly string[];
  },
): Promise<ScanInputs> {
  const zips = input.scope.zctas.filter((zcta) => input.crosswalk.get(zcta)?.zcta === zcta);
  const skipped = input.scope.zctas.filter((zcta) => input.crosswalk.get(zcta)?.zcta !== zcta);
  const rows = (await db.manager.query(
    `SELECT zcta, cells, request_urls, fetched_at FROM public_acs_zctas
      WHERE vintage = $1 AND zcta = ANY($2::varchar[]) AND NOT absent ORDER BY zcta`,
    [input.vintage, zips],
  )) as { zcta: string; cells: Record<string, string | null>; request_urls: string[]; fetched_at: Date }[];
  const census: CensusSignalInput[] = [];
  let snapshotRows = 0;
  let newestFetch: Date | null = null;
  for (const row of rows) {
    if (row.request_urls.some((url) => url.startsWith(SNAPSHOT_URL_PREFIX))) snapshotRows++;
    const fetched = new Date(row.fetched_at);
    if (!newestFetch || fetched > newestFetch) newestFetch = fetched;
    for (const cell of cellsToRows([{ zcta: row.zcta, values: row.cells }])) {
      if (cell.estimate === null) continue;
      census.push({
        zip_code: row.zcta,
        zcta: row.zcta,
        metric: cell.metric,
        value: cell.estimate,
        margin_of_error: cell.moe,
      });
    }
  }
  const establishments = new Map<string, number>();
  if (input.naics.length > 0) {
    const counts = (await db.manager.query(
      `SELECT zip, sum(establishments)::int AS establishments FROM public_business_counts
        WHERE vintage = $1 AND naics = ANY($2::varchar[]) GROUP BY zip`,
      [input.businessYear, input.naics],
    )) as { zip: string; establishments: number }[];
    const zctaOfZip = new Map<string, string>();
    for (const [zcta, list] of crosswalkZipsByZcta(input.crosswalk))
      for (const zip of list) zctaOfZip.set(zip, zcta);
    const inScope = new Set(zips);
    for (const count of counts) {
      const zcta = zctaOfZip.get(count.zip);
      if (!zcta || !inScope.has(zcta)) continue;
      establishments.set(zcta, (establishments.get(zcta) ?? 0) + count.establishments);
    }
  }
  return { zips, skipped, census, zctasCached: rows.length, snapshotRows, newestFetch, establishments };
}
