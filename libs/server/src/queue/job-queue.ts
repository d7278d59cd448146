import { JobName, JobPayload } from '@lbi/contracts';

export interface EnqueueOptions {
  /** Deduplicates: a second enqueue with the same id while the first is pending is ignored. */
  jobId?: string;
  delayMs?: number;
}

export type Schedule = { cron: string } | { everyMs: number };

export interface QueueHealth {
  status: 'up' | 'down';
  driver: 'bull' | 'inline';
  [detail: string]: unknown;
}

/**
 * The one job queue the features use (ARCHITECTURE.md conventions 7-8). Which driver runs behind
 * it — Bull on Redis or inline in-process — is configuration, never a code path in a feature.
 */
export abstract class JobQueue {
  abstract readonly driver: 'bull' | 'inline';

  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: EnqueueOptions,
  ): Promise<{ id: string }>;

  /** A repeating job (nightly refresh, reaper). Registering the same name twice replaces the schedule. */
  abstract schedule<N extends JobName>(name: N, payload: JobPayload<N>, schedule: Schedule): Promise<void>;

  abstract health(): Promise<QueueHealth>;

  /** Waits until every job enqueued so far has finished (tests, graceful shutdown). */
  abstract drain(timeoutMs?: number): Promise<void>;
}

export const JOB_RETRY_DELAYS = (attempt: number, baseMs: number): number => baseMs * 2 ** (attempt - 1);
