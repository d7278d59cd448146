/** A failure that retrying cannot fix (bad input, a 400 from an upstream API): the queue gives up at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Failures that retrying cannot fix: declared permanent, or refused as PII (the same data fails again). */
export function isPermanentJobError(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    (error instanceof Error && (error.name === 'PermanentJobError' || error.name === 'PiiViolationError'))
  );
}

/** The queue cannot take a job now (Redis does not answer): nothing was queued; the caller answers 503. */
export class QueueUnavailableError extends Error {
  constructor(reason: string) {
    super(`The job queue is not available (${reason}); nothing was queued. Try again in a minute.`);
    this.name = 'QueueUnavailableError';
  }
}
