// Retry settings are named constants (ARCHITECTURE.md convention 7) so a reader can find them.

/** Attempts per request, the first one included. */
export const CENSUS_MAX_ATTEMPTS = 5;
export const CENSUS_RETRY_BASE_MS = 1000;
export const CENSUS_RETRY_MAX_MS = 30_000;
/** A Retry-After longer than this ends the run instead of holding a worker for it. */
export const CENSUS_MAX_RETRY_AFTER_MS = 120_000;
/** A national `*` request for 50 variables takes tens of seconds; a ZCTA list far less. */
export const CENSUS_REQUEST_TIMEOUT_MS = 60_000;

export interface RetryDelayOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** Raw Retry-After header: delta-seconds or an HTTP date. */
  readonly retryAfterHeader?: string;
  /** Returns [0, 1); injectable so tests are deterministic. */
  readonly random?: () => number;
  /** Clock for HTTP-date Retry-After values. */
  readonly now?: () => number;
}

/** Milliseconds a Retry-After header asks for, or undefined when absent or unreadable. */
export function parseRetryAfterMs(
  header: string | undefined,
  now: () => number = Date.now,
): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now());
}

/**
 * Delay before the next attempt after `attempt` (1-based) failed: the server's Retry-After when it gave
 * one, otherwise exponential backoff with full jitter (random in [0, min(max, base * 2^(attempt-1)))),
 * which spreads retries of many workers instead of having them retry in step.
 */
export function nextRetryDelayMs(attempt: number, options: RetryDelayOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const retryAfter = parseRetryAfterMs(options.retryAfterHeader, options.now);
  if (retryAfter !== undefined) return retryAfter;
  const base = options.baseMs ?? CENSUS_RETRY_BASE_MS;
  const max = options.maxMs ?? CENSUS_RETRY_MAX_MS;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Whether another attempt is allowed after `attempt` (1-based) failed. */
export function shouldRetry(attempt: number, maxAttempts: number = CENSUS_MAX_ATTEMPTS): boolean {
  return attempt < maxAttempts;
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Whether an error thrown by the HTTP function is a network hiccup or timeout worth retrying. Looks
 * through `cause` because fetch wraps the socket error in a TypeError.
 */
export function isTransientNetworkError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (typeof e.message === 'string' && /socket hang up|timed? ?out/i.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
