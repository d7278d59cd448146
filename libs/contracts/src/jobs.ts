// Every background job the platform runs, with its payload type. Producers call
// JobQueue.enqueue(JobName.X, payload); exactly one handler per name must exist, or start-up fails.
// A name is added here together with its handler.

export enum JobName {
  ReapStaleRuns = 'reap_stale_runs',
}

/** Jobs that act inside one tenant carry its id; the job runner enters that tenant before the handler runs. */
export interface TenantJobPayload {
  client_id: string;
}

export interface JobPayloads {
  /** Platform maintenance: fails runs left `running` by a dead worker. Crosses tenants on purpose. */
  [JobName.ReapStaleRuns]: { older_than_ms: number };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** Jobs whose handler runs inside a tenant context (their payload carries client_id). */
export const TENANT_JOBS: readonly JobName[] = [];

/** Retry settings for transient failures; named so they are tuned in one place. */
export const JOB_RETRY_ATTEMPTS = 3;
export const JOB_RETRY_BACKOFF_MS = 5_000;
