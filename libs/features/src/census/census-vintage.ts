import { CensusHttp, discoverNewestVintage, VintageDataset, VintageKeyError } from '@lbi/census';

/** How long a discovered vintage is trusted before the API is asked again (new releases are yearly). */
export const VINTAGE_CACHE_MS = 24 * 60 * 60 * 1000;

/** Year of the bundled ACS snapshot in data/census: used only when the API names no vintage at all. */
export const SNAPSHOT_ACS_YEAR = 2023;
/** Year of the bundled ZIP Code Business Patterns snapshot in data/business. */
export const SNAPSHOT_CBP_YEAR = 2022;

const SNAPSHOT_YEARS: Record<VintageDataset, number> = {
  'acs/acs5': SNAPSHOT_ACS_YEAR,
  cbp: SNAPSHOT_CBP_YEAR,
};
const CONFIG_NAMES: Record<VintageDataset, string> = { 'acs/acs5': 'ACS_YEAR', cbp: 'CBP_YEAR' };
const DATASET_NAMES: Record<VintageDataset, string> = {
  'acs/acs5': 'ACS 5-year',
  cbp: 'ZIP Code Business Patterns',
};

export interface ResolvedVintage {
  year: number;
  /** Where the year came from, for the run's details. */
  source: 'ACS_YEAR' | 'CBP_YEAR' | 'catalog' | 'probe' | 'cached' | 'snapshot-default';
  note?: string;
}

// Per process, base URL and dataset: every refresh of the day reuses the first discovery.
const cache = new Map<string, { year: number; at: number }>();

export function clearVintageCache(): void {
  cache.clear();
}

export class CensusKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CensusKeyError';
  }
}

/**
 * The vintage of a dataset to fetch: the configured year (ACS_YEAR, CBP_YEAR) when set, else the newest
 * the API serves (cached for a day), else the bundled snapshot's year with a note saying so.
 */
export async function resolveVintage(options: {
  dataset: VintageDataset;
  configuredYear?: number;
  baseUrl: string;
  apiKey?: string;
  http: CensusHttp;
  now?: Date;
  timeoutMs?: number;
}): Promise<ResolvedVintage> {
  const { dataset } = options;
  if (options.configuredYear) {
    return { year: options.configuredYear, source: CONFIG_NAMES[dataset] as ResolvedVintage['source'] };
  }
  const now = options.now ?? new Date();
  const key = `${dataset} ${options.baseUrl}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < VINTAGE_CACHE_MS) return { year: hit.year, source: 'cached' };
  let found;
  try {
    found = await discoverNewestVintage({
      dataset,
      baseUrl: options.baseUrl,
      http: options.http,
      today: now,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs,
    });
  } catch (err) {
    if (err instanceof VintageKeyError) throw new CensusKeyError(err.message);
    throw err;
  }
  if (!found) {
    const year = SNAPSHOT_YEARS[dataset];
    return {
      year,
      source: 'snapshot-default',
      note: `the Census API named no ${DATASET_NAMES[dataset]} vintage (catalogue and probes failed); trying ${year}`,
    };
  }
  cache.set(key, { year: found.year, at: now.getTime() });
  return { year: found.year, source: found.method };
}

/** The ACS 5-year vintage (resolveVintage for `acs/acs5`, ACS_YEAR). */
export function resolveAcsVintage(options: Omit<Parameters<typeof resolveVintage>[0], 'dataset'>) {
  return resolveVintage({ ...options, dataset: 'acs/acs5' });
}
