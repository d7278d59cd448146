import {
  CENSUS_MAX_ATTEMPTS,
  CENSUS_RETRY_BASE_MS,
  CENSUS_RETRY_MAX_MS,
  isTransientNetworkError,
  nextRetryDelayMs,
  parseRetryAfterMs,
  shouldRetry,
} from './retry-policy';

describe('nextRetryDelayMs', () => {
  it('is full jitter over an exponential ceiling', () => {
    const top = () => 0.999999;
    expect(nextRetryDelayMs(1, { baseMs: 100, maxMs: 10_000, random: top })).toBe(99);
    expect(nextRetryDelayMs(2, { baseMs: 100, maxMs: 10_000, random: top })).toBe(199);
    expect(nextRetryDelayMs(3, { baseMs: 100, maxMs: 10_000, random: top })).toBe(399);
    expect(nextRetryDelayMs(3, { baseMs: 100, maxMs: 10_000, random: () => 0.5 })).toBe(200);
    expect(nextRetryDelayMs(4, { baseMs: 100, maxMs: 10_000, random: () => 0 })).toBe(0);
  });

  it('never exceeds maxMs however many attempts', () => {
    expect(nextRetryDelayMs(40, { baseMs: 100, maxMs: 5_000, random: () => 0.999999 })).toBe(4999);
  });

  it('uses the defaults when no option is given', () => {
    const d = nextRetryDelayMs(1);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(CENSUS_RETRY_BASE_MS);
    expect(CENSUS_RETRY_MAX_MS).toBeGreaterThan(CENSUS_RETRY_BASE_MS);
  });

  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(nextRetryDelayMs(1, { retryAfterHeader: '1', random: () => 0.9 })).toBe(1000);
    expect(nextRetryDelayMs(5, { retryAfterHeader: '120' })).toBe(120_000);
    const now = () => Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(nextRetryDelayMs(1, { retryAfterHeader: 'Wed, 21 Oct 2026 07:28:30 GMT', now })).toBe(30_000);
    expect(nextRetryDelayMs(1, { retryAfterHeader: 'Wed, 21 Oct 2026 07:00:00 GMT', now })).toBe(0);
  });

  it('falls back to backoff on an unreadable Retry-After', () => {
    expect(parseRetryAfterMs('soon')).toBeUndefined();
    expect(parseRetryAfterMs('')).toBeUndefined();
    expect(nextRetryDelayMs(1, { retryAfterHeader: 'soon', baseMs: 100, random: () => 0.5 })).toBe(50);
  });

  it('refuses attempt numbers below 1', () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
  });
});

describe('shouldRetry', () => {
  it('bounds attempts by a named constant', () => {
    expect(CENSUS_MAX_ATTEMPTS).toBe(5);
    expect(shouldRetry(1)).toBe(true);
    expect(shouldRetry(CENSUS_MAX_ATTEMPTS - 1)).toBe(true);
    expect(shouldRetry(CENSUS_MAX_ATTEMPTS)).toBe(false);
    expect(shouldRetry(2, 2)).toBe(false);
  });
});

describe('isTransientNetworkError', () => {
  it('recognises resets, timeouts and fetch-wrapped socket errors', () => {
    expect(isTransientNetworkError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      true,
    );
    expect(isTransientNetworkError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(isTransientNetworkError(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(true);
    const wrapped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(isTransientNetworkError(wrapped)).toBe(true);
  });

  it('does not retry programming errors', () => {
    expect(isTransientNetworkError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isTransientNetworkError('boom')).toBe(false);
    expect(isTransientNetworkError(null)).toBe(false);
  });
});
