// Runs planned Census Data API calls with bounded retries, for every dataset the product reads (ACS
// 5-year at ZCTA level, ZIP Code Business Patterns). The callers say what a good body holds; retries,
// backoff, key redaction and error classification live here once.
import { CensusHttpResponse, classifyCensusResponse } from './classify';
import { redactApiKey } from './request-plan';
import { CensusResponseError } from './response';
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

/** What the runner needs of a planned request: its position, the URL to call and its key-free twin. */
export interface CensusCall {
  readonly index: number;
  /** URL to call; holds the key when there is one. Never log or store it. */
  readonly url: string;
  /** The same URL without the key: what is stored as source_url and shown in messages. */
  readonly publicUrl: string;
}

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
      /** Geographies (ZCTAs, ZIPs) the answer held. */
      readonly zctas: number;
      readonly note?: string;
      readonly publicUrl: string;
    };

export interface CensusRetryTuning {
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
}

/** Counts every run keeps, whatever the dataset. */
export interface CensusRequestStats {
  readonly plannedRequests: number;
  /** HTTP calls made, retries included. */
  readonly requestsMade: number;
  readonly retries: number;
  readonly completedRequests: number;
  readonly emptyResponses: number;
  /** Plain-language remarks worth keeping on the ingestion run (empty answers, missing geographies). */
  readonly notes: readonly string[];
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
    readonly stats: CensusRequestStats,
  ) {
    super(message);
  }
}

export interface RunCensusRequestsOptions<R extends CensusCall> extends CensusRetryTuning {
  readonly requests: readonly R[];
  readonly http: CensusHttp;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onProgress?: (event: CensusProgressEvent) => void;
  /**
   * Reads one successful body and keeps what it holds; returns how many geographies it held. Throws
   * CensusResponseError when the body has the wrong shape (a body that is not JSON is retried: it may
   * have been cut short in transit).
   */
  readonly accept: (request: R, body: string) => number;
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
 * Runs the requests with bounded retries. Transient failures (429, 5xx, busy texts, timeouts, resets)
 * are retried with backoff; a permanent one (400, bad key, unexpected answer) ends the run at once,
 * because retrying cannot fix it. Returns the counts; the answers went to `accept`.
 */
export async function runCensusRequests<R extends CensusCall>(
  options: RunCensusRequestsOptions<R>,
): Promise<CensusRequestStats> {
  const { requests, http, sleep, onProgress, accept } = options;
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
  const stats = (): CensusRequestStats => ({
    plannedRequests: total,
    requestsMade,
    retries,
    completedRequests: completed,
    emptyResponses,
    notes: [...notes],
  });

  let failure: CensusFetchError | undefined;
  const fail = (
    request: R,
    message: string,
    kind: 'permanent' | 'transient',
    reason: CensusFailureReason,
    attempts: number,
    status?: number,
  ): never => {
    failure ??= new CensusFetchError(
      redactApiKey(message, keyOf(request.url)),
      kind,
      reason,
      request.publicUrl,
      attempts,
      status,
      stats(),
    );
    throw new Stop();
  };

  // One HTTP call: returns nothing when the request is finished, or the transient problem to retry on.
  // Permanent problems end the run through fail().
  const attemptOnce = async (request: R, attempt: number, where: string): Promise<Failure | undefined> => {
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
    let held = 0;
    if (outcome.kind === 'empty') {
      emptyResponses++;
      notes.push(`${outcome.note} — ${where}`);
    } else {
      try {
        held = accept(request, res.body);
      } catch (err) {
        if (!(err instanceof CensusResponseError)) throw err;
        // A body cut short in transit is not JSON and may parse next time; a wrong shape will not.
        if (err.message.includes('is not JSON')) return { message: err.message, status: res.status };
        return fail(request, `${err.message} — ${where}`, 'permanent', 'unexpected', attempt, res.status);
      }
    }
    completed++;
    onProgress?.({
      type: 'done',
      index: request.index,
      total,
      completed,
      zctas: held,
      ...(outcome.kind === 'empty' ? { note: outcome.note } : {}),
      publicUrl: request.publicUrl,
    });
    return undefined;
  };

  const runOne = async (request: R): Promise<void> => {
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
  return stats();
}

/** "a, b, c and 12 more": a list short enough for a run's notes. */
export function listSome(items: readonly string[], max = 20): string {
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return `${items.slice(0, max).join(', ')}${more}`;
}
