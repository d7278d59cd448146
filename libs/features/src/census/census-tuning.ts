/** The HTTP function the collectors call (axios in the apps; tests may substitute). */
export const CENSUS_HTTP = Symbol('CENSUS_HTTP');
/** Retry and timeout tuning of the Census fetches; the defaults of libs/census unless overridden (tests). */
export const CENSUS_FETCH_TUNING = Symbol('CENSUS_FETCH_TUNING');

export interface CensusFetchTuning {
  timeoutMs?: number;
  maxAttempts?: number;
  retry?: { baseMs?: number; maxMs?: number; maxRetryAfterMs?: number };
  maxZctasPerRequest?: number;
}
