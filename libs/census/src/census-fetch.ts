import { CensusHttpResponse, classifyCensusResponse } from './classify';
import { CensusRequest, redactApiKey } from './request-plan';
import { CensusResponseError, CensusRow, cellsToRows, parseZctaTable } from './response';
import {
  CENSUS_MAX_ATTEMPTS,
  CENSUS_MAX_RETRY_AFTER_MS,
  CENSUS_REQUEST_TIMEOUT_MS,
  isTransientNetworkError,
  nextRetryDelayMs,
  shouldRetry,
} from './retry-policy';

/**
 * The HTTP function the caller injects (axios, fetch or node:http in the apps and tests). It should
 * resolve for every HTTP status, not follow redirects, and reject on network errors and on timeout.
 */
export type CensusHttp = (
  url: string,
  options: { readonly timeoutMs: number },
) => Promise<CensusHttpResponse>;

export type CensusProgressEvent =
  | {
      readonly type: 'attempt';
      readonly index: number;
      readonly total: number;
      readonly attempt: number;
      readonly publicUrl: string;
    }
  | {
      readonly type: 'retry';
      readonly index: number;
      readonly total: number;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
      readonly publicUrl: string;
    }
  | {
      readonly type: 'done';
      readonly index: number;
      readonly total: number;
      /** Requests finished so far, this one included. */
      readonly completed: number;
      readonly zctas: number;
      readonly note?: string;
      readonly publicUrl: string;
    };

export interface FetchCensusOptions {
  readonly requests: readonly CensusRequest[];
  readonly http: CensusHttp;
  readonly sleep: (ms: number) => Promise<void>;
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  readonly retry?: {
    readonly baseMs?: number;
    readonly maxMs?: number;
    readonly maxRetryAfterMs?: number;
    readonly random?: () => number;
    readonly now?: () => number;
  };
  /** Requests in flight at once; 1 (the default) is kind to the API's rate limit. */
  readonly concurrency?: number;
  readonly onProgress?: (event: CensusProgressEvent) => void;
}

export interface CensusFetchStats {
  readonly plannedRequests: number;
  /** HTTP calls made, retries included. */
  readonly requestsMade: number;
  readonly retries: number;
  readonly completedRequests: number;
  readonly emptyResponses: number;
  /** Distinct ZCTAs asked for; null when the plan asked for all (`*`). */
  readonly zctasRequested: number | null;
  readonly zctasReturned: number;
  /** Asked for but absent from every answer: the ACS publishes nothing for them in this vintage. */
  readonly missingZctas: readonly string[];
  /** Plain-language remarks worth keeping on the ingestion run (empty answers, missing ZCTAs). */
  readonly notes: readonly string[];
}

export interface CensusFetchResult {
  readonly rows: CensusRow[];
  readonly stats: CensusFetchStats;
}

export type CensusFailureReason = 'bad-request' | 'invalid-key' | 'missing-key' | 'unexpected' | 'gave-up';

/** A run that could not finish. Its message is safe to store and show: it never contains the key. */
export class CensusFetchError extends Error {
  override readonly name = 'CensusFetchError';
  constructor(
    message: string,
    readonly kind: 'permanent' | 'transient',
    readonly reason: CensusFailureReason,
    readonly publicUrl: string,
    readonly attempts: number,
    readonly status: number | undefined,
    readonly stats: CensusFetchStats,
  ) {
    super(message);
  }
}

function keyOf(url: string): string | undefined {
  const match = /[?&]key=([^&#]*)/.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const causeCode = (err.cause as { code?: unknown } | undefined)?.code;
    const tag = typeof code === 'string' ? code : typeof causeCode === 'string' ? causeCode : err.name;
    return `${tag}: ${err.message}`;
  }
  return String(err);
}

interface Failure {
  readonly message: string;
  readonly status?: number;
  readonly retryAfter?: string;
}

// Unwinds the other workers once a failure is recorded; the recorded CensusFetchError is what is thrown.
class Stop extends Error {}

/**
 * Runs planned Census requests with bounded retries and merges the answers into typed rows. Transient
 * failures (429, 5xx, busy texts, timeouts, resets) are retried with backoff; a permanent one (400, bad
 * key, unexpected answer) ends the run at once, because retrying cannot fix it.
 */
export async function fetchCensusData(options: FetchCensusOptions): Promise<CensusFetchResult> {
  const { requests, http, sleep, onProgress } = options;
  const timeoutMs = options.timeoutMs ?? CENSUS_REQUEST_TIMEOUT_MS;
  const maxAttempts = options.maxAttempts ?? CENSUS_MAX_ATTEMPTS;
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? CENSUS_MAX_RETRY_AFTER_MS;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const total = requests.length;

  let requestsMade = 0;
  let retries = 0;
  let completed = 0;
  let emptyResponses = 0;
  const notes: string[] = [];
  const cells = new Map<
    string,
    { values: Record<string, string | null>; sourceUrls: Record<string, string> }
  >();
  const requestedAll = requests.some((r) => r.zctas === '*');
  const requested = new Set(requests.flatMap((r) => (r.zctas === '*' ? [] : r.zctas)));

  const stats = (): CensusFetchStats => {
    const returned = [...cells.keys()];
    const missing = requestedAll ? [] : [...requested].filter((z) => !cells.has(z)).sort();
    return {
      plannedRequests: total,
      requestsMade,
      retries,
      completedRequests: completed,
      emptyResponses,
      zctasRequested: requestedAll ? null : requested.size,
      zctasReturned: returned.length,
      missingZctas: missing,
      notes: [...notes],
    };
  };

  let failure: CensusFetchError | undefined;
  const fail = (
    request: CensusRequest,
    message: string,
    kind: 'permanent' | 'transient',
    reason: CensusFailureReason,
    attempts: number,
    status?: number,
  ): never => {
    const error = new CensusFetchError(
      redactApiKey(message, keyOf(request.url)),
      kind,
      reason,
      request.publicUrl,
      attempts,
      status,
      stats(),
    );
    failure ??= error;
    throw new Stop();
  };

  // One HTTP call: records what it got and returns nothing when the request is finished, or the
  // transient problem to retry on. Permanent problems end the run through fail().
  const attemptOnce = async (
    request: CensusRequest,
    attempt: number,
    where: string,
  ): Promise<Failure | undefined> => {
    const apiKey = keyOf(request.url);
    let res: CensusHttpResponse;
    try {
      res = await http(request.url, { timeoutMs });
    } catch (err) {
      if (!isTransientNetworkError(err)) {
        return fail(
          request,
          `the Census request failed: ${errorText(err)} — ${where}`,
          'permanent',
          'unexpected',
          attempt,
        );
      }
      return { message: `network error or timeout (${errorText(err)})` };
    }
    const outcome = classifyCensusResponse(res, { apiKey, keySent: request.url !== request.publicUrl });
    if (outcome.kind === 'permanent') {
      return fail(
        request,
        `${outcome.message} — ${where}`,
        'permanent',
        outcome.reason,
        attempt,
        outcome.status,
      );
    }
    if (outcome.kind === 'transient') {
      return { message: outcome.message, status: outcome.status, retryAfter: outcome.retryAfter };
    }
    if (outcome.kind === 'empty') {
      emptyResponses++;
      completed++;
      notes.push(`${outcome.note} — ${where}`);
      onProgress?.({
        type: 'done',
        index: request.index,
        total,
        completed,
        zctas: 0,
        note: outcome.note,
        publicUrl: request.publicUrl,
      });
      return undefined;
    }
    let table;
    try {
      table = parseZctaTable(res.body);
    } catch (err) {
      if (!(err instanceof CensusResponseError)) throw err;
      // A body cut short in transit is not JSON and may parse next time; a wrong shape will not.
      if (err.message.includes('is not JSON')) return { message: err.message, status: res.status };
      return fail(request, `${err.message} — ${where}`, 'permanent', 'unexpected', attempt, res.status);
    }
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
    completed++;
    onProgress?.({
      type: 'done',
      index: request.index,
      total,
      completed,
      zctas: table.rows.length,
      publicUrl: request.publicUrl,
    });
    return undefined;
  };

  const runOne = async (request: CensusRequest): Promise<void> => {
    const where = `request ${request.index + 1} of ${total} (${request.publicUrl})`;
    for (let attempt = 1; ; attempt++) {
      if (failure) throw new Stop();
      onProgress?.({ type: 'attempt', index: request.index, total, attempt, publicUrl: request.publicUrl });
      requestsMade++;
      const problem = await attemptOnce(request, attempt, where);
      if (problem === undefined) return;
      if (!shouldRetry(attempt, maxAttempts)) {
        return fail(
          request,
          `gave up after ${attempt} attempts: ${problem.message} — ${where}`,
          'transient',
          'gave-up',
          attempt,
          problem.status,
        );
      }
      const delayMs = nextRetryDelayMs(attempt, {
        baseMs: options.retry?.baseMs,
        maxMs: options.retry?.maxMs,
        random: options.retry?.random,
        now: options.retry?.now,
        retryAfterHeader: problem.retryAfter,
      });
      if (delayMs > maxRetryAfterMs) {
        const wait = Math.ceil(delayMs / 1000);
        return fail(
          request,
          `the Census API asked to wait ${wait} s before retrying; try again later — ${where}`,
          'transient',
          'gave-up',
          attempt,
          problem.status,
        );
      }
      retries++;
      onProgress?.({
        type: 'retry',
        index: request.index,
        total,
        attempt,
        delayMs,
        reason: redactApiKey(problem.message, keyOf(request.url)),
        publicUrl: request.publicUrl,
      });
      await sleep(delayMs);
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (!failure && next < requests.length) {
      const request = requests[next++];
      await runOne(request);
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(concurrency, total) }, () => worker()),
  );
  if (failure) throw failure;
  const unexpected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (unexpected) throw unexpected.reason;

  const finalStats = stats();
  if (finalStats.missingZctas.length > 0) {
    const list = finalStats.missingZctas.slice(0, 20).join(', ');
    const more =
      finalStats.missingZctas.length > 20 ? ` and ${finalStats.missingZctas.length - 20} more` : '';
    notes.push(
      `${finalStats.missingZctas.length} requested ZCTA(s) are not in the Census answer (no ACS figures for them in this vintage): ${list}${more}`,
    );
  }
  const ordered = [...cells.entries()].sort(([a], [b]) => a.localeCompare(b));
  const rows = cellsToRows(
    ordered.map(([zcta, entry]) => ({ zcta, values: entry.values, sourceUrls: entry.sourceUrls })),
  );
  return { rows, stats: stats() };
}
