import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CENSUS_MAX_ZCTAS_PER_REQUEST,
  CensusFetchError,
  CensusHttp,
  DEFAULT_ACS_VARIABLE_IDS,
  fetchCensusData,
  planCensusRequests,
} from '@lbi/census';
import { JobName, JobPayload, RunStatus, SourceType } from '@lbi/contracts';
import {
  AppConfig,
  isPermanentJobError,
  JobAttempt,
  JobHandler,
  JobQueue,
  PermanentJobError,
  TenantContext,
  TenantDb,
} from '@lbi/server';
import { requireGeography } from '../geographies/geography-lookup';
import { Geography } from '../geographies/geography.entity';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { toCensusSignalRows, upsertCensusSignals } from './census-signals.writer';
import { CensusKeyError, resolveAcsVintage } from './census-vintage';
import { resolveGeographyZctas } from './geography-zctas';

/** The HTTP function the collector calls (axios in the apps; tests may substitute). */
export const CENSUS_HTTP = Symbol('CENSUS_HTTP');

/** Retry and timeout tuning of the Census fetch; the defaults of libs/census unless overridden (tests). */
export const CENSUS_FETCH_TUNING = Symbol('CENSUS_FETCH_TUNING');

export interface CensusFetchTuning {
  timeoutMs?: number;
  maxAttempts?: number;
  retry?: { baseMs?: number; maxMs?: number; maxRetryAfterMs?: number };
  maxZctasPerRequest?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RefreshCensusResult {
  status: RunStatus;
  records_upserted: number;
}

/** Starts Census refreshes: a queued run per geography, then the job. */
@Injectable()
export class CensusRefreshService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: IngestionRunsService,
    private readonly queue: JobQueue,
  ) {}

  /** For the current tenant; another tenant's geography answers 404 like a missing one. */
  async start(geographyId: string): Promise<{ ingestion_run_id: string }> {
    const clientId = TenantContext.requireClientId();
    const geography = await this.tenantDb.run(clientId, (db) => requireGeography(db, geographyId));
    return this.startFor(clientId, geography.id);
  }

  /** Creates the run (committed first, so a worker always finds it) and enqueues the job. */
  async startFor(clientId: string, geographyId: string, details: Record<string, unknown> = {}) {
    const run = await this.runs.create(clientId, { geographyId, sourceType: SourceType.Census, details });
    await this.runs.enqueueOrFail(clientId, run.id, () =>
      this.queue.enqueue(JobName.RefreshCensus, {
        client_id: clientId,
        ingestion_run_id: run.id,
        geography_id: geographyId,
      }),
    );
    return { ingestion_run_id: run.id };
  }
}

/**
 * refresh_census: fetches the ACS 5-year figures (estimate and MOE) of a geography's ZCTAs and upserts
 * them as CENSUS signals, one per ZIP and metric, recording every step on the ingestion run.
 */
@Injectable()
export class CensusRefreshJob {
  private readonly logger = new Logger(CensusRefreshJob.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: IngestionRunsService,
    private readonly config: AppConfig,
    @Inject(CENSUS_HTTP) private readonly http: CensusHttp,
    @Inject(CENSUS_FETCH_TUNING) private readonly tuning: CensusFetchTuning,
  ) {}

  @JobHandler(JobName.RefreshCensus)
  async handle(
    payload: JobPayload<JobName.RefreshCensus>,
    attempt: JobAttempt,
  ): Promise<RefreshCensusResult> {
    const runId = payload.ingestion_run_id;
    const run = await this.runs.find(runId);
    if (!run) throw new PermanentJobError(`Ingestion run ${runId} does not exist in this tenant`);
    if (run.status === RunStatus.Success || run.status === RunStatus.Failed) {
      // A redelivered job whose run already ended: nothing to do.
      return { status: run.status, records_upserted: run.recordsUpserted };
    }
    await this.runs.markRunning(runId, { attempt: attempt.attempt });
    try {
      return await this.execute(payload);
    } catch (error) {
      const permanent =
        error instanceof CensusFetchError || error instanceof CensusKeyError || isPermanentJobError(error);
      const message = readableError(error);
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
        await this.runs.fail(runId, message, details);
        this.logger.warn({ msg: 'census refresh failed', ingestion_run_id: runId, permanent });
        if (permanent && !isPermanentJobError(error)) throw new PermanentJobError(message, { cause: error });
        throw error;
      }
      // Transient: the queue tries again; the run stays running and says what happened.
      await this.runs.progress(runId, 0, { last_error: message, attempt: attempt.attempt });
      throw error;
    }
  }

  private async execute(payload: JobPayload<JobName.RefreshCensus>): Promise<RefreshCensusResult> {
    const runId = payload.ingestion_run_id;
    // The payload names the tenant; the runner entered the same one for the services called below.
    const clientId = payload.client_id;
    const geography = await this.tenantDb.run(clientId, (db) =>
      db.repository(Geography).findOneBy({ id: payload.geography_id }),
    );
    if (!geography) {
      throw new PermanentJobError(
        'The geography of this run no longer exists (deleted?): nothing to refresh',
      );
    }

    const resolved = await resolveGeographyZctas(geography);
    const notes: string[] = [];
    for (const z of resolved.zipsWithoutZcta) notes.push(z.note);
    for (const z of resolved.borrowedZcta) notes.push(z.note);
    const zipDetails = {
      zips: resolved.resolutions.length,
      zips_without_zcta: resolved.zipsWithoutZcta.map((z) => z.zip),
      zips_using_containing_zcta: resolved.borrowedZcta.map((z) => ({ zip: z.zip, zcta: z.zcta })),
    };

    if (resolved.zctas.length === 0) {
      notes.push('No ZIP of this geography has a ZCTA: there is nothing to fetch from the Census API.');
      await this.runs.succeed(runId, {
        recordsUpserted: 0,
        rowsProcessed: 0,
        details: { ...zipDetails, requests: 0, zctas_requested: 0, zctas_returned: 0, notes },
      });
      return { status: RunStatus.Success, records_upserted: 0 };
    }

    const baseUrl = this.config.censusApiBaseUrl;
    const apiKey = this.config.censusApiKey;
    const vintage = await resolveAcsVintage({
      configuredYear: this.config.acsYear,
      baseUrl,
      apiKey,
      http: this.http,
      timeoutMs: this.tuning.timeoutMs,
    });
    if (vintage.note) notes.push(vintage.note);

    const requests = planCensusRequests({
      baseUrl,
      year: vintage.year,
      variables: DEFAULT_ACS_VARIABLE_IDS,
      zctas: resolved.zctas,
      apiKey,
      maxZctasPerRequest: this.tuning.maxZctasPerRequest ?? CENSUS_MAX_ZCTAS_PER_REQUEST,
    });
    await this.runs.progress(runId, 0, {
      ...zipDetails,
      vintage: String(vintage.year),
      vintage_source: vintage.source,
      requests_planned: requests.length,
      requests_done: 0,
      zctas_requested: resolved.zctas.length,
    });

    // Progress is written per finished request, each in its own short transaction, chained so the
    // writes stay in order; the write transaction below opens only after the last one.
    let zctasFetched = 0;
    let progress = Promise.resolve();
    const fetchStarted = Date.now();
    const { rows, stats } = await fetchCensusData({
      requests,
      http: this.http,
      sleep,
      timeoutMs: this.tuning.timeoutMs,
      maxAttempts: this.tuning.maxAttempts,
      retry: this.tuning.retry,
      onProgress: (event) => {
        if (event.type !== 'done') return;
        zctasFetched += event.zctas;
        const rowsProcessed = zctasFetched;
        const requestsDone = event.completed;
        progress = progress
          .then(() => this.runs.progress(runId, rowsProcessed, { requests_done: requestsDone }))
          .catch((err: unknown) =>
            this.logger.warn({ msg: 'progress update failed', ingestion_run_id: runId, error: String(err) }),
          );
      },
    });
    await progress;
    const fetchMs = Date.now() - fetchStarted;
    notes.push(...stats.notes);

    const signalRows = toCensusSignalRows(rows, resolved.zipsByZcta, vintage.year);
    const details = {
      ...zipDetails,
      vintage: String(vintage.year),
      vintage_source: vintage.source,
      dataset: 'acs/acs5',
      requests: stats.requestsMade,
      requests_planned: stats.plannedRequests,
      requests_done: stats.completedRequests,
      retries: stats.retries,
      empty_responses: stats.emptyResponses,
      zctas_requested: stats.zctasRequested,
      zctas_returned: stats.zctasReturned,
      missing_zctas: stats.missingZctas,
      notes,
      last_error: null,
      fetch_ms: fetchMs,
    };
    const writeStarted = Date.now();
    const written = await this.tenantDb.run(clientId, async (db) => {
      const count = await upsertCensusSignals(db, geography.id, signalRows);
      await this.runs.succeed(
        runId,
        {
          recordsUpserted: count,
          rowsProcessed: zctasFetched,
          details: { ...details, write_ms: Date.now() - writeStarted },
        },
        db,
      );
      return count;
    });
    this.logger.log({
      msg: 'census refresh finished',
      ingestion_run_id: runId,
      records_upserted: written,
      requests: stats.requestsMade,
    });
    return { status: RunStatus.Success, records_upserted: written };
  }
}

/** A message a person can act on, without the key (libs/census messages never hold it). */
function readableError(error: unknown): string {
  if (error instanceof CensusFetchError) return `Census refresh failed: ${error.message}`;
  if (error instanceof CensusKeyError) return `Census refresh failed: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
