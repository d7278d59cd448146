// Every background job the platform runs, with its payload type. Producers call
// JobQueue.enqueue(JobName.X, payload); exactly one handler per name must exist, or start-up fails.
// A name is added here together with its handler.

export enum JobName {
  ReapStaleRuns = 'reap_stale_runs',
  ImportCsvProperty = 'import_csv_property',
  ImportCsvEvents = 'import_csv_events',
  ImportCsvChannels = 'import_csv_channels',
  RefreshCensus = 'refresh_census',
  RefreshStaleCensus = 'refresh_stale_census',
  RecomputeScores = 'recompute_scores',
  GenerateReport = 'generate_report',
  PurgeUploads = 'purge_uploads',
}

/** Jobs that act inside one tenant carry its id; the job runner enters that tenant before the handler runs. */
export interface TenantJobPayload {
  client_id: string;
}

export interface JobPayloads {
  /** Platform maintenance: fails runs left `running` by a dead worker. Crosses tenants on purpose. */
  [JobName.ReapStaleRuns]: { older_than_ms: number };
  /** Imports an uploaded file (by file_ref) into a geography; the run was created queued by the API. */
  [JobName.ImportCsvProperty]: ImportJobPayload;
  [JobName.ImportCsvEvents]: ImportJobPayload;
  [JobName.ImportCsvChannels]: ImportJobPayload;
  /** Fetches the ACS 5-year figures of a geography's ZCTAs into CENSUS signals; the run was created queued. */
  [JobName.RefreshCensus]: RefreshCensusJobPayload;
  /** Platform maintenance (nightly): queues refresh_census for every geography whose Census data is stale. */
  [JobName.RefreshStaleCensus]: Record<string, never>;
  /** Scores every ZIP of a geography for one category (or all) into zip_scores. */
  [JobName.RecomputeScores]: TenantJobPayload & { geography_id: string; category?: string };
  /** Builds the payload of a queued intelligence report. */
  [JobName.GenerateReport]: TenantJobPayload & { report_id: string };
  /** Platform maintenance: deletes uploaded files older than the retention window, across tenants. */
  [JobName.PurgeUploads]: { older_than_ms: number };
}

/** Payload of refresh_census. */
export interface RefreshCensusJobPayload extends TenantJobPayload {
  ingestion_run_id: string;
  geography_id: string;
}

/** Payload of the three CSV (and iCalendar) import jobs. */
export interface ImportJobPayload extends TenantJobPayload {
  ingestion_run_id: string;
  geography_id: string;
  file_ref: string;
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** Jobs whose handler runs inside a tenant context (their payload carries client_id). */
export const TENANT_JOBS: readonly JobName[] = [
  JobName.ImportCsvProperty,
  JobName.ImportCsvEvents,
  JobName.ImportCsvChannels,
  JobName.RefreshCensus,
  JobName.RecomputeScores,
  JobName.GenerateReport,
];

/** Retry settings for transient failures; named so they are tuned in one place. */
export const JOB_RETRY_ATTEMPTS = 3;
export const JOB_RETRY_BACKOFF_MS = 5_000;
