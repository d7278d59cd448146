// ZIP Code Business Patterns: competing establishments per ZIP and NAICS industry, from the Census CBP
// endpoint (`/data/{year}/cbp`, `for=zip code:…`, `NAICS2017=…`; ZIP data sit in `cbp` since 2019).
// The API answers like the ACS one (array of arrays, header first, strings, geography last). A ZIP ×
// industry cell with fewer than 3 establishments is not published (no row), so counts are a floor.
import {
  CensusCall,
  CensusHttp,
  CensusProgressEvent,
  CensusRequestStats,
  CensusRetryTuning,
  runCensusRequests,
} from './census-requests';
import { CENSUS_MAX_URL_LENGTH, trimCensusBaseUrl } from './request-plan';
import { CensusResponseError, parseCensusTable } from './response';

export const BUSINESS_DATASET = 'cbp';
export const ZIP_CODE_GEOGRAPHY = 'zip code';
/** `EMPSZES` code of the all-sizes total: the only size class a ZIP-level count is read from. */
export const ALL_ESTABLISHMENTS_SIZE_CLASS = '001';
export const BUSINESS_SOURCE = 'U.S. Census Bureau, ZIP Code Business Patterns (County Business Patterns)';

const NAICS_PATTERN = /^\d{2,6}$/;
const ZIP_PATTERN = /^\d{5}$/;

export interface BusinessRequest extends CensusCall {
  readonly year: number;
  /** One 2017 NAICS code per request: the API takes one value per predicate. */
  readonly naics: string;
  /** Five-digit ZIPs, or '*' for every ZIP with a published count. */
  readonly zips: readonly string[] | '*';
}

export interface PlanBusinessRequestsOptions {
  readonly baseUrl: string;
  readonly year: number;
  readonly naics: readonly string[];
  readonly zips: readonly string[] | '*';
  /** Optional key; it goes into `url` only, never into `publicUrl`. */
  readonly apiKey?: string;
  readonly maxZipsPerRequest?: number;
}

/** Same bound as the ACS planner: a long ZIP list is split so every URL stays under 7,500 characters. */
export const BUSINESS_MAX_ZIPS_PER_REQUEST = 1000;

function buildUrls(base: string, year: number, naics: string, zips: string, apiKey: string | undefined) {
  const publicUrl = `${base}/${year}/${BUSINESS_DATASET}?get=ESTAB,NAICS2017&for=${encodeURIComponent(ZIP_CODE_GEOGRAPHY)}:${zips}&NAICS2017=${naics}`;
  return { url: apiKey ? `${publicUrl}&key=${encodeURIComponent(apiKey)}` : publicUrl, publicUrl };
}

/** One request per NAICS code and ZIP chunk (`*` asks for the whole country in one answer per code). */
export function planBusinessRequests(options: PlanBusinessRequestsOptions): BusinessRequest[] {
  const base = trimCensusBaseUrl(options.baseUrl);
  const { year } = options;
  if (!Number.isInteger(year) || year < 2019 || year > 2100) {
    throw new Error(`invalid ZIP Code Business Patterns year '${year}' (ZIP data are in cbp from 2019)`);
  }
  const naics = [...new Set(options.naics)];
  if (naics.length === 0) throw new Error('no NAICS codes to request');
  const bad = naics.filter((code) => !NAICS_PATTERN.test(code));
  if (bad.length > 0) throw new Error(`not NAICS codes: ${bad.slice(0, 5).join(', ')}`);
  const apiKey = options.apiKey?.trim() || undefined;

  let chunks: (string[] | '*')[];
  if (options.zips === '*') {
    chunks = ['*'];
  } else {
    const zips = [...new Set(options.zips)];
    if (zips.length === 0) throw new Error('no ZIP codes to request');
    const badZips = zips.filter((zip) => !ZIP_PATTERN.test(zip));
    if (badZips.length > 0) throw new Error(`not 5-digit ZIPs: ${badZips.slice(0, 5).join(', ')}`);
    const fixed = Math.max(...naics.map((code) => buildUrls(base, year, code, '', apiKey).url.length));
    const byUrl = Math.floor((CENSUS_MAX_URL_LENGTH - fixed + 1) / 6);
    const size = Math.min(options.maxZipsPerRequest ?? BUSINESS_MAX_ZIPS_PER_REQUEST, byUrl);
    if (!Number.isInteger(size) || size < 1) throw new Error('maxZipsPerRequest must be a positive integer');
    chunks = [];
    for (let i = 0; i < zips.length; i += size) chunks.push(zips.slice(i, i + size));
  }
  const requests: BusinessRequest[] = [];
  for (const code of naics) {
    for (const chunk of chunks) {
      const list = chunk === '*' ? '*' : chunk.join(',');
      requests.push({
        index: requests.length,
        year,
        naics: code,
        zips: chunk,
        ...buildUrls(base, year, code, list, apiKey),
      });
    }
  }
  return requests;
}

export interface BusinessCountRow {
  readonly zip: string;
  readonly naics: string;
  readonly establishments: number;
  /** Key-free URL of the request the count came from. */
  readonly source_url: string;
}

/**
 * Reads one CBP answer. The geography column (last) must be `zip code`; ESTAB must be a whole number.
 * When the answer lists employment-size classes (`EMPSZES`), only the all-sizes total is kept.
 */
export function parseBusinessTable(
  body: unknown,
  request: Pick<BusinessRequest, 'naics' | 'publicUrl'>,
): BusinessCountRow[] {
  const table = parseCensusTable(body);
  if (table.geography !== ZIP_CODE_GEOGRAPHY) {
    throw new CensusResponseError(
      `the last column should be '${ZIP_CODE_GEOGRAPHY}', got '${table.geography}': not a ZIP Code Business Patterns response`,
    );
  }
  if (!table.header.includes('ESTAB')) throw new CensusResponseError('the CBP answer has no ESTAB column');
  const rows: BusinessCountRow[] = [];
  for (const row of table.rows) {
    if (!ZIP_PATTERN.test(row.geoId))
      throw new CensusResponseError(`'${row.geoId}' is not a 5-digit ZIP code`);
    const size = row.values.EMPSZES;
    if (size !== undefined && size !== null && size !== ALL_ESTABLISHMENTS_SIZE_CLASS) continue;
    const naics = row.values.NAICS2017 ?? request.naics;
    const raw = row.values.ESTAB;
    if (raw === null || raw === undefined) continue;
    if (!/^\d+$/.test(raw.trim())) {
      throw new CensusResponseError(
        `ZIP ${row.geoId}, ESTAB: expected a whole number, got '${raw.slice(0, 20)}'`,
      );
    }
    rows.push({ zip: row.geoId, naics, establishments: Number(raw), source_url: request.publicUrl });
  }
  return rows;
}

export interface FetchBusinessCountsOptions extends CensusRetryTuning {
  readonly requests: readonly BusinessRequest[];
  readonly http: CensusHttp;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onProgress?: (event: CensusProgressEvent) => void;
}

export interface BusinessCountsResult {
  /** Published counts, one per ZIP and NAICS code; a ZIP without a row has 0–2 establishments. */
  readonly rows: BusinessCountRow[];
  readonly stats: CensusRequestStats;
}

/** Runs planned CBP requests with the same retries and key handling as the ACS collector. */
export async function fetchBusinessCounts(
  options: FetchBusinessCountsOptions,
): Promise<BusinessCountsResult> {
  const counts = new Map<string, BusinessCountRow>();
  const stats = await runCensusRequests({
    ...options,
    accept: (request, body) => {
      const rows = parseBusinessTable(body, request);
      for (const row of rows) counts.set(`${row.naics}:${row.zip}`, row);
      return rows.length;
    },
  });
  const rows = [...counts.values()].sort(
    (a, b) => a.naics.localeCompare(b.naics) || a.zip.localeCompare(b.zip),
  );
  return { rows, stats };
}
