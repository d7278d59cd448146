import { CensusHttp, discoverNewestAcs5Vintage, VintageKeyError } from '@lbi/census';

/** How long a discovered vintage is trusted before the API is asked again (new releases are yearly). */
export const VINTAGE_CACHE_MS = 24 * 60 * 60 * 1000;

/** Year of the bundled snapshot in data/census: used only when the API names no vintage at all. */
export const SNAPSHOT_ACS_YEAR = 2023;

export interface ResolvedVintage {
  year: number;
  /** Where the year came from, for the run's details. */
  source: 'ACS_YEAR' | 'catalog' | 'probe' | 'cached' | 'snapshot-default';
  note?: string;
}

// Per process and base URL: every refresh of the day reuses the first discovery.
const cache = new Map<string, { year: number; method: 'catalog' | 'probe'; at: number }>();

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
 * The ACS 5-year vintage to fetch: ACS_YEAR when set, else the newest the API serves (cached for a
 * day), else the bundled snapshot's year with a note saying so.
 */
export async function resolveAcsVintage(options: {
  configuredYear?: number;
  baseUrl: string;
  apiKey?: string;
  http: CensusHttp;
  now?: Date;
  timeoutMs?: number;
}): Promise<ResolvedVintage> {
  if (options.configuredYear) return { year: options.configuredYear, source: 'ACS_YEAR' };
  const now = options.now ?? new Date();
  const hit = cache.get(options.baseUrl);
  if (hit && now.getTime() - hit.at < VINTAGE_CACHE_MS) return { year: hit.year, source: 'cached' };
  let found;
  try {
    found = await discoverNewestAcs5Vintage({
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
    return {
      year: SNAPSHOT_ACS_YEAR,
      source: 'snapshot-default',
      note: `the Census API named no ACS 5-year vintage (catalogue and probes failed); trying ${SNAPSHOT_ACS_YEAR}`,
    };
  }
  cache.set(options.baseUrl, { year: found.year, method: found.method, at: now.getTime() });
  return { year: found.year, source: found.method };
}
