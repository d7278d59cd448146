import { isAcsVariableId } from './acs-variables';

/** The Census API refuses more than 50 variables in one `get`, NAME included. */
export const CENSUS_MAX_VARIABLES_PER_REQUEST = 50;

// Request lines longer than 8 KiB are refused by common servers and proxies (Apache's LimitRequestLine
// and nginx's default header buffer are both 8 KiB); 7,500 leaves room for the request line and headers.
export const CENSUS_MAX_URL_LENGTH = 7500;

// Even when the URL would allow more, 1,000 ZCTAs x 50 values keeps one response well under 1 MB, so a
// retry repeats little work and a slow answer stays short of the timeout.
export const CENSUS_MAX_ZCTAS_PER_REQUEST = 1000;

export const ZCTA_GEOGRAPHY = 'zip code tabulation area';

export type CensusDataset = 'acs/acs5';

export interface PlanCensusRequestsOptions {
  /** Base of the Data API without the year, e.g. `https://api.census.gov/data`. */
  readonly baseUrl: string;
  readonly year: number;
  readonly dataset?: CensusDataset;
  /** Variable ids such as B01003_001E / B01003_001M; NAME is always added first. */
  readonly variables: readonly string[];
  /** Five-digit ZCTAs, or '*' for every ZCTA in the vintage. */
  readonly zctas: readonly string[] | '*';
  /** Optional key; it goes into `url` only, never into `publicUrl`. */
  readonly apiKey?: string;
  /** Including NAME; at most 50. */
  readonly maxVariablesPerRequest?: number;
  /** Upper bound chosen by the caller; the planner lowers it further if the URL would grow too long. */
  readonly maxZctasPerRequest?: number;
}

export interface CensusRequest {
  readonly index: number;
  /** Which `get` group (0-based) and which ZCTA chunk (0-based) this request covers. */
  readonly group: number;
  readonly chunk: number;
  readonly year: number;
  readonly dataset: CensusDataset;
  /** The `get` list as sent, NAME first. */
  readonly variables: readonly string[];
  readonly zctas: readonly string[] | '*';
  /** URL to call; holds the key when there is one. Never log or store it. */
  readonly url: string;
  /** The same URL without the key: what is stored as source_url and shown in messages. */
  readonly publicUrl: string;
}

const ZCTA_PATTERN = /^\d{5}$/;

/** The Data API base without its trailing slash; refuses anything but http(s). */
export function trimCensusBaseUrl(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(base)) throw new Error(`Census base URL must be http(s): '${baseUrl}'`);
  return base;
}

// Commas and colons stay literal, as in the Census documentation; only the spaces of the geography
// name are escaped. The key goes last so publicUrl is exactly url minus its final parameter.
function buildUrls(
  base: string,
  year: number,
  dataset: string,
  get: readonly string[],
  geography: string,
  apiKey: string | undefined,
) {
  const publicUrl = `${base}/${year}/${dataset}?get=${get.join(',')}&for=${encodeURIComponent(ZCTA_GEOGRAPHY)}:${geography}`;
  const url = apiKey ? `${publicUrl}&key=${encodeURIComponent(apiKey)}` : publicUrl;
  return { url, publicUrl };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Splits variables into `get` groups of at most `slots`. Keeps each estimate with its MOE in one group
 * when that costs no extra request, so each response is self-contained.
 */
export function groupVariables(variables: readonly string[], slots: number): string[][] {
  const plain = chunk(variables, slots);
  const byBase = new Map<string, string[]>();
  for (const v of variables) {
    const base = v.replace(/(EA|MA|E|M)$/, '');
    const unit = byBase.get(base);
    if (unit) unit.push(v);
    else byBase.set(base, [v]);
  }
  const packed: string[][] = [];
  let current: string[] = [];
  for (const unit of byBase.values()) {
    if (unit.length > slots) return plain;
    if (current.length + unit.length > slots) {
      packed.push(current);
      current = [];
    }
    current.push(...unit);
  }
  if (current.length > 0) packed.push(current);
  return packed.length <= plain.length ? packed : plain;
}

/**
 * Plans the ACS calls for a set of ZCTAs: variable groups x ZCTA chunks. ZCTAs go comma-separated in one
 * `for`, with no `in=state:` (ZCTAs are not nested in states since the 2020 vintage).
 */
export function planCensusRequests(options: PlanCensusRequestsOptions): CensusRequest[] {
  const base = trimCensusBaseUrl(options.baseUrl);
  const dataset: CensusDataset = options.dataset ?? 'acs/acs5';
  if (dataset !== 'acs/acs5') throw new Error(`unsupported dataset '${String(dataset)}'`);
  const { year } = options;
  if (!Number.isInteger(year) || year < 2009 || year > 2100) throw new Error(`invalid ACS year '${year}'`);

  const maxVariables = options.maxVariablesPerRequest ?? CENSUS_MAX_VARIABLES_PER_REQUEST;
  if (
    !Number.isInteger(maxVariables) ||
    maxVariables < 2 ||
    maxVariables > CENSUS_MAX_VARIABLES_PER_REQUEST
  ) {
    throw new Error(`maxVariablesPerRequest must be 2..${CENSUS_MAX_VARIABLES_PER_REQUEST} (NAME included)`);
  }

  const variables = unique(options.variables.map((v) => v.trim()).filter((v) => v !== 'NAME'));
  if (variables.length === 0) throw new Error('no Census variables to request');
  const bad = variables.filter((v) => !isAcsVariableId(v));
  if (bad.length > 0) throw new Error(`not ACS variable ids: ${bad.slice(0, 5).join(', ')}`);

  let zctas: string[] | '*';
  if (options.zctas === '*') {
    zctas = '*';
  } else {
    zctas = unique(options.zctas.map((z) => z.trim()));
    if (zctas.length === 0) throw new Error('no ZCTAs to request');
    const badZ = zctas.filter((z) => !ZCTA_PATTERN.test(z));
    if (badZ.length > 0) throw new Error(`not 5-digit ZCTAs: ${badZ.slice(0, 5).join(', ')}`);
  }

  const apiKey = options.apiKey?.trim() || undefined;
  const groups = groupVariables(variables, maxVariables - 1).map((g) => ['NAME', ...g]);

  // Size the ZCTA chunk on the longest `get` list so every request obeys the same bound.
  const longestFixed = Math.max(
    ...groups.map((g) => buildUrls(base, year, dataset, g, '', apiKey).url.length),
  );
  const perZcta = 6; // five digits and a comma
  const byUrl = Math.floor((CENSUS_MAX_URL_LENGTH - longestFixed + 1) / perZcta);
  if (byUrl < 1) throw new Error('the Census URL is too long even for one ZCTA: request fewer variables');
  const requested = options.maxZctasPerRequest ?? CENSUS_MAX_ZCTAS_PER_REQUEST;
  if (!Number.isInteger(requested) || requested < 1)
    throw new Error('maxZctasPerRequest must be a positive integer');
  const zctasPerRequest = Math.min(requested, byUrl, CENSUS_MAX_ZCTAS_PER_REQUEST);

  const zctaChunks: (string[] | '*')[] = zctas === '*' ? ['*'] : chunk(zctas, zctasPerRequest);
  const requests: CensusRequest[] = [];
  zctaChunks.forEach((zChunk, chunkIndex) => {
    groups.forEach((get, group) => {
      const geography = zChunk === '*' ? '*' : zChunk.join(',');
      const { url, publicUrl } = buildUrls(base, year, dataset, get, geography, apiKey);
      requests.push({
        index: requests.length,
        group,
        chunk: chunkIndex,
        year,
        dataset,
        variables: get,
        zctas: zChunk,
        url,
        publicUrl,
      });
    });
  });
  return requests;
}

/**
 * The key-free source URL of each variable for one ZCTA: the single-ZCTA request (same variable groups
 * as a planned batch) that reproduces the figures. Cached figures carry these instead of the batch URL
 * that fetched them, which would hold a thousand ZCTAs.
 */
export function zctaSourceUrls(options: {
  baseUrl: string;
  year: number;
  variables: readonly string[];
}): (zcta: string) => Record<string, string> {
  const base = trimCensusBaseUrl(options.baseUrl);
  const variables = unique(options.variables.filter((v) => v !== 'NAME'));
  const groups = groupVariables(variables, CENSUS_MAX_VARIABLES_PER_REQUEST - 1).map((g) => ['NAME', ...g]);
  const prefixes = groups.map((get) => ({
    get,
    url: buildUrls(base, options.year, 'acs/acs5', get, '', undefined).publicUrl,
  }));
  return (zcta) => {
    const urls: Record<string, string> = {};
    for (const { get, url } of prefixes)
      for (const variable of get) if (variable !== 'NAME') urls[variable] = `${url}${zcta}`;
    return urls;
  };
}

/** Removes a `key` query parameter from any URL-like text, for messages and logs. */
export function redactApiKey(text: string, apiKey?: string): string {
  let out = text.replace(/([?&]key=)[^&#\s"']*/gi, '$1REDACTED');
  if (apiKey && apiKey.length >= 4) {
    out = out.split(apiKey).join('REDACTED');
    const encoded = encodeURIComponent(apiKey);
    if (encoded !== apiKey) out = out.split(encoded).join('REDACTED');
  }
  return out;
}
