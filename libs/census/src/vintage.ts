import { CensusHttp } from './census-fetch';
import { classifyCensusResponse } from './classify';
import { parseCensusTable } from './response';

// ACS releases slip (the 2020-2024 5-year release came out on 2026-01-29), so the newest vintage is
// discovered, never hard-coded.

/** The part of `https://api.census.gov/data.json` (a DCAT catalogue) that vintage discovery reads. */
export interface CensusCatalog {
  readonly dataset?: readonly {
    readonly c_vintage?: number | string;
    readonly c_dataset?: readonly string[];
    readonly c_isAvailable?: boolean;
  }[];
}

/** Newest year listed for the ACS 5-year detailed tables (`c_dataset` exactly ["acs","acs5"]), or null. */
export function pickNewestAcs5Vintage(catalog: unknown): number | null {
  const datasets = (catalog as CensusCatalog | null)?.dataset;
  if (!Array.isArray(datasets)) return null;
  let newest: number | null = null;
  for (const d of datasets as NonNullable<CensusCatalog['dataset']>) {
    if (!d || !Array.isArray(d.c_dataset) || d.c_dataset.length !== 2) continue;
    if (d.c_dataset[0] !== 'acs' || d.c_dataset[1] !== 'acs5') continue;
    if (d.c_isAvailable === false) continue;
    const year = typeof d.c_vintage === 'string' ? Number(d.c_vintage) : d.c_vintage;
    if (typeof year !== 'number' || !Number.isInteger(year)) continue;
    if (newest === null || year > newest) newest = year;
  }
  return newest;
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

/** Cheapest query that tells whether a vintage is served: one row for the whole nation. */
export function vintageProbeUrls(
  baseUrl: string,
  year: number,
  apiKey?: string,
): { url: string; publicUrl: string } {
  const publicUrl = `${baseUrl.trim().replace(/\/+$/, '')}/${year}/acs/acs5?get=NAME&for=us:1`;
  const key = apiKey?.trim();
  return { url: key ? `${publicUrl}&key=${encodeURIComponent(key)}` : publicUrl, publicUrl };
}

/** The probe was refused for the key; the message never contains it. */
export class VintageKeyError extends Error {
  override readonly name = 'VintageKeyError';
}

export interface DiscoverVintageOptions {
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
 * Finds the newest ACS 5-year vintage: the catalogue first, then probes from today's year - 1 down.
 * Returns null when neither answers (the caller then uses ACS_YEAR or the bundled snapshot's year);
 * throws VintageKeyError when the API refuses the key.
 */
export async function discoverNewestAcs5Vintage(
  options: DiscoverVintageOptions,
): Promise<DiscoveredVintage | null> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const consulted: string[] = [];
  const catalogUrl = censusCatalogUrl(options.baseUrl);
  consulted.push(catalogUrl);
  try {
    const res = await options.http(catalogUrl, { timeoutMs });
    if (res.status === 200) {
      const year = pickNewestAcs5Vintage(JSON.parse(res.body));
      if (year !== null) return { year, method: 'catalog', consulted };
    }
  } catch {
    // An unreachable or unreadable catalogue is what the probes are for.
  }
  for (const year of candidateVintages(options.today, options.probeCount)) {
    const { url, publicUrl } = vintageProbeUrls(options.baseUrl, year, options.apiKey);
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
