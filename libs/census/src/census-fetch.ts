// The ACS 5-year collector at ZCTA level: runs the planned requests (census-requests.ts) and merges the
// answers of every variable group into typed rows, one per ZCTA and estimate.
import {
  CensusHttp,
  CensusProgressEvent,
  CensusRequestStats,
  CensusRetryTuning,
  listSome,
  runCensusRequests,
} from './census-requests';
import { CensusRequest } from './request-plan';
import { CensusRow, cellsToRows, parseZctaTable } from './response';

export {
  CensusFetchError,
  type CensusFailureReason,
  type CensusHttp,
  type CensusProgressEvent,
} from './census-requests';

export interface FetchCensusOptions extends CensusRetryTuning {
  readonly requests: readonly CensusRequest[];
  readonly http: CensusHttp;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onProgress?: (event: CensusProgressEvent) => void;
}

export interface CensusFetchStats extends CensusRequestStats {
  /** Distinct ZCTAs asked for; null when the plan asked for all (`*`). */
  readonly zctasRequested: number | null;
  readonly zctasReturned: number;
  /** Asked for but absent from every answer: the ACS publishes nothing for them in this vintage. */
  readonly missingZctas: readonly string[];
}

export interface CensusFetchResult {
  readonly rows: CensusRow[];
  readonly stats: CensusFetchStats;
}

/** Raw cells of the ZCTAs the answers held, merged across variable groups, with each value's source URL. */
export interface CensusCells {
  readonly cells: ReadonlyMap<
    string,
    { values: Record<string, string | null>; sourceUrls: Record<string, string> }
  >;
  readonly stats: CensusFetchStats;
}

/**
 * Runs planned ACS requests and keeps the answers as the API sent them (strings, nulls and annotation
 * codes), merged per ZCTA. The public Census cache stores exactly these cells.
 */
export async function fetchCensusCells(options: FetchCensusOptions): Promise<CensusCells> {
  const cells = new Map<
    string,
    { values: Record<string, string | null>; sourceUrls: Record<string, string> }
  >();
  const base = await runCensusRequests({
    ...options,
    accept: (request, body) => {
      const table = parseZctaTable(body);
      for (const row of table.rows) {
        let entry = cells.get(row.geoId);
        if (!entry) {
          entry = { values: {}, sourceUrls: {} };
          cells.set(row.geoId, entry);
        }
        for (const [variable, value] of Object.entries(row.values)) {
          entry.values[variable] = value;
          entry.sourceUrls[variable] = request.publicUrl;
        }
      }
      return table.rows.length;
    },
  });
  const requestedAll = options.requests.some((r) => r.zctas === '*');
  const requested = new Set(options.requests.flatMap((r) => (r.zctas === '*' ? [] : r.zctas)));
  const missing = requestedAll ? [] : [...requested].filter((z) => !cells.has(z)).sort();
  const notes = [...base.notes];
  if (missing.length > 0) {
    notes.push(
      `${missing.length} requested ZCTA(s) are not in the Census answer (no ACS figures for them in this vintage): ${listSome(missing)}`,
    );
  }
  return {
    cells,
    stats: {
      ...base,
      notes,
      zctasRequested: requestedAll ? null : requested.size,
      zctasReturned: cells.size,
      missingZctas: missing,
    },
  };
}

/**
 * Runs planned Census requests with bounded retries and merges the answers into typed rows. Transient
 * failures (429, 5xx, busy texts, timeouts, resets) are retried with backoff; a permanent one (400, bad
 * key, unexpected answer) ends the run at once with a CensusFetchError, because retrying cannot fix it.
 */
export async function fetchCensusData(options: FetchCensusOptions): Promise<CensusFetchResult> {
  const { cells, stats } = await fetchCensusCells(options);
  const ordered = [...cells.entries()].sort(([a], [b]) => a.localeCompare(b));
  const rows = cellsToRows(
    ordered.map(([zcta, entry]) => ({ zcta, values: entry.values, sourceUrls: entry.sourceUrls })),
  );
  return { rows, stats };
}
