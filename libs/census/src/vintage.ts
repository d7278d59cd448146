import { CensusHttp } from './census-requests';
import { classifyCensusResponse } from './classify';
import { parseCensusTable } from './response';

// ACS releases slip (the 2020-2024 5-year release came out on 2026-01-29) and ZIP Code Business Patterns
// appear about 18 months after their year, so the newest vintage of each is discovered, never hard-coded.

/** The datasets whose vintage is discovered: ACS 5-year detailed tables and County/ZIP Business Patterns. */
export type VintageDataset = 'acs/acs5' | 'cbp';

/** The part of `https://api.census.gov/data.json` (a DCAT catalogue) that vintage discovery reads. */
export interface CensusCatalog {
  readonly dataset?: readonly {
    readonly c_vintage?: number | string;
    readonly c_dataset?: readonly string[];
    readonly c_isAvailable?: boolean;
  }[];
}

/** Newest year listed for a dataset (`c_dataset` exactly its path, e.g. ["acs","acs5"] or ["cbp"]), or null. */
export function pickNewestVintage(catalog: unknown, dataset: VintageDataset): number | null {
  const datasets = (catalog as CensusCatalog | null)?.dataset;
  if (!Array.isArray(datasets)) return null;
  const path = dataset.split('/');
  let newest: number | null = null;
  for (const d of datasets as NonNullable<CensusCatalog['dataset']>) {
    if (!d || !Array.isArray(d.c_dataset) || d.c_dataset.length !== path.length) continue;
    if (path.some((part, i) => d.c_dataset?.[i] !== part)) continue;
    if (d.c_isAvailable === false) continue;
    const year = typeof d.c_vintage === 'string' ? Number(d.c_vintage) : d.c_vintage;
    if (typeof year !== 'number' || !Number.isInteger(year)) continue;
    if (newest === null || year > newest) newest = year;
  }
  return newest;
}

/** Newest year listed for the ACS 5-year detailed tables (`c_dataset` exactly ["acs","acs5"]), or null. */
export function pickNewestAcs5Vintage(catalog: unknown): number | null {
  return pickNewestVintage(catalog, 'acs/acs5');
}

/**
 * Years worth probing, newest first: a 5-year release covering last year cannot exist before this year,
 * so probing starts at today's year - 1 and walks down `count` years.
 */
export function candidateVintages(today: Date, count = 5): number[] {
  const start = today.getUTCFullYear() - 1;
  return Array.from({ length: count }, (_, i) => start - i);
}

/** Catalogue URL for a base such as `https://api.census.gov/data`: `https://api.census.gov/data.json`. */
export function censusCatalogUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}.json`;
}

// The cheapest query per dataset that names one row for the whole nation (all industries for CBP).
const PROBE_QUERY: Record<VintageDataset, string> = {
  'acs/acs5': 'get=NAME&for=us:1',
  cbp: 'get=ESTAB&for=us:1&NAICS2017=00',
};

/** Cheapest query that tells whether a vintage is served: one row for the whole nation. */
export function vintageProbeUrls(
  baseUrl: string,
  year: number,
  apiKey?: string,
  dataset: VintageDataset = 'acs/acs5',
): { url: string; publicUrl: string } {
  const publicUrl = `${baseUrl.trim().replace(/\/+$/, '')}/${year}/${dataset}?${PROBE_QUERY[dataset]}`;
  const key = apiKey?.trim();
  return { url: key ? `${publicUrl}&key=${encodeURIComponent(key)}` : publicUrl, publicUrl };
}

/** The probe was refused for the key; the message never contains it. */
export class VintageKeyError extends Error {
  override readonly name = 'VintageKeyError';
}

export interface DiscoverVintageOptions {
  /** Default: the ACS 5-year detailed tables. */
  readonly dataset?: VintageDataset;
  readonly baseUrl: string;
  readonly http: CensusHttp;
  readonly today: Date;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
  readonly probeCount?: number;
}

export interface DiscoveredVintage {
  readonly year: number;
  readonly method: 'catalog' | 'probe';
  /** Key-free URLs consulted, in order, for the run's record. */
  readonly consulted: readonly string[];
}

/**
 * Finds the newest vintage of a dataset (ACS 5-year by default): the catalogue first, then probes
 * from today's year - 1 down. Returns null when neither answers (the caller then uses its configured
 * or bundled year); throws VintageKeyError when the API refuses the key.
 */
export async function discoverNewestVintage(
  options: DiscoverVintageOptions,
): Promise<DiscoveredVintage | null> {
  const dataset = options.dataset ?? 'acs/acs5';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const consulted: string[] = [];
  const catalogUrl = censusCatalogUrl(options.baseUrl);
  consulted.push(catalogUrl);
  try {
    const res = await options.http(catalogUrl, { timeoutMs });
    if (res.status === 200) {
      const year = pickNewestVintage(JSON.parse(res.body), dataset);
      if (year !== null) return { year, method: 'catalog', consulted };
    }
  } catch {
    // An unreachable or unreadable catalogue is what the probes are for.
  }
  for (const year of candidateVintages(options.today, options.probeCount)) {
    const { url, publicUrl } = vintageProbeUrls(options.baseUrl, year, options.apiKey, dataset);
    consulted.push(publicUrl);
    try {
      const res = await options.http(url, { timeoutMs });
      const outcome = classifyCensusResponse(res, { apiKey: options.apiKey, keySent: url !== publicUrl });
      // A key problem will not go away on an older year: say so instead of probing on.
      if (
        outcome.kind === 'permanent' &&
        (outcome.reason === 'invalid-key' || outcome.reason === 'missing-key')
      ) {
        throw new VintageKeyError(outcome.message);
      }
      if (outcome.kind !== 'ok') continue;
      const table = parseCensusTable(res.body);
      if (table.geography === 'us' && table.rows.length > 0) return { year, method: 'probe', consulted };
    } catch (err) {
      if (err instanceof VintageKeyError) throw err;
      // Otherwise try the next older year.
    }
  }
  return null;
}

/** The newest ACS 5-year vintage (discoverNewestVintage for `acs/acs5`). */
export function discoverNewestAcs5Vintage(
  options: DiscoverVintageOptions,
): Promise<DiscoveredVintage | null> {
  return discoverNewestVintage({ ...options, dataset: 'acs/acs5' });
}
