import { Injectable, Logger } from '@nestjs/common';
import { CensusFetchError } from '@lbi/census';
import { JobName, RefreshCensusJobPayload, RunStatus, SourceType } from '@lbi/contracts';
import {
  isPermanentJobError,
  JobAttempt,
  JobQueue,
  PermanentJobError,
  TenantContext,
  TenantDb,
} from '@lbi/server';
import { requireGeography } from '../geographies/geography-lookup';
import { Geography } from '../geographies/geography.entity';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { CensusKeyError } from './census-vintage';
import { resolveGeographyZctas } from './geography-zctas';

export interface RefreshCensusResult {
  status: RunStatus;
  records_upserted: number;
}

/** The job each Census source's refresh runs as. */
export const REFRESH_JOBS = {
  [SourceType.Census]: JobName.RefreshCensus,
  [SourceType.CensusBusiness]: JobName.RefreshCensusBusiness,
} as const;

export type CensusSource = keyof typeof REFRESH_JOBS;

/** Starts Census refreshes (ACS figures or business counts): a queued run per geography, then the job. */
@Injectable()
export class CensusRefreshService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: IngestionRunsService,
    private readonly queue: JobQueue,
  ) {}

  /** For the current tenant; another tenant's geography answers 404 like a missing one. */
  async start(
    geographyId: string,
    source: CensusSource = SourceType.Census,
  ): Promise<{ ingestion_run_id: string }> {
    const clientId = TenantContext.requireClientId();
    const geography = await this.tenantDb.run(clientId, (db) => requireGeography(db, geographyId));
    return this.startFor(clientId, geography.id, {}, source);
  }

  /** Creates the run (committed first, so a worker always finds it) and enqueues the job. */
  async startFor(
    clientId: string,
    geographyId: string,
    details: Record<string, unknown> = {},
    source: CensusSource = SourceType.Census,
  ) {
    const run = await this.runs.create(clientId, { geographyId, sourceType: source, details });
    await this.runs.enqueueOrFail(clientId, run.id, () =>
      this.queue.enqueue(REFRESH_JOBS[source], {
        client_id: clientId,
        ingestion_run_id: run.id,
        geography_id: geographyId,
      }),
    );
    return { ingestion_run_id: run.id };
  }
}

/** A message a person can act on, without the key (libs/census messages never hold it). */
function readableError(error: unknown, label: string): string {
  if (error instanceof CensusFetchError || error instanceof CensusKeyError)
    return `${label} failed: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * One attempt of a Census refresh job, the same for every source: skips a run that already ended,
 * marks it running, and on failure records why — at once for what retrying cannot fix (a 400, a bad
 * key), on the final attempt otherwise (the run stays running between attempts and says what happened).
 */
export async function runCensusRefresh(
  runs: IngestionRunsService,
  logger: Logger,
  label: string,
  payload: RefreshCensusJobPayload,
  attempt: JobAttempt,
  execute: () => Promise<RefreshCensusResult>,
): Promise<RefreshCensusResult> {
  const runId = payload.ingestion_run_id;
  const run = await runs.find(runId);
  if (!run) throw new PermanentJobError(`Ingestion run ${runId} does not exist in this tenant`);
  if (run.status === RunStatus.Success || run.status === RunStatus.Failed) {
    // A redelivered job whose run already ended: nothing to do.
    return { status: run.status, records_upserted: run.recordsUpserted };
  }
  await runs.markRunning(runId, { attempt: attempt.attempt });
  try {
    return await execute();
  } catch (error) {
    const permanent =
      error instanceof CensusFetchError || error instanceof CensusKeyError || isPermanentJobError(error);
    const message = readableError(error, label);
    const details: Record<string, unknown> =
      error instanceof CensusFetchError
        ? {
            failure_reason: error.reason,
            failed_request: error.publicUrl,
            attempts: error.attempts,
            requests: error.stats.requestsMade,
            retries: error.stats.retries,
            requests_done: error.stats.completedRequests,
          }
        : {};
    if (permanent || attempt.isFinalAttempt) {
      await runs.fail(runId, message, details);
      logger.warn({ msg: `${label.toLowerCase()} failed`, ingestion_run_id: runId, permanent });
      if (permanent && !isPermanentJobError(error)) throw new PermanentJobError(message, { cause: error });
      throw error;
    }
    await runs.progress(runId, 0, { last_error: message, attempt: attempt.attempt });
    throw error;
  }
}

/** A refresh's geography with its ZIPs mapped to ZCTAs, and the per-ZIP notes every run keeps. */
export async function geographyToRefresh(tenantDb: TenantDb, clientId: string, geographyId: string) {
  const geography = await tenantDb.run(clientId, (db) =>
    db.repository(Geography).findOneBy({ id: geographyId }),
  );
  if (!geography) {
    throw new PermanentJobError('The geography of this run no longer exists (deleted?): nothing to refresh');
  }
  const resolved = await resolveGeographyZctas(geography);
  const notes: string[] = [
    ...resolved.zipsWithoutZcta.map((z) => z.note),
    ...resolved.borrowedZcta.map((z) => z.note),
  ];
  const zipDetails = {
    zips: resolved.resolutions.length,
    zips_without_zcta: resolved.zipsWithoutZcta.map((z) => z.zip),
    zips_using_containing_zcta: resolved.borrowedZcta.map((z) => ({ zip: z.zip, zcta: z.zcta })),
  };
  return { geography, resolved, notes, zipDetails };
}
