import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CENSUS_MAX_ZCTAS_PER_REQUEST,
  CensusCells,
  CensusHttp,
  DEFAULT_ACS_VARIABLE_IDS,
  cellsToRows,
  fetchCensusCells,
  planCensusRequests,
} from '@lbi/census';
import { JobName, JobPayload, RunStatus } from '@lbi/contracts';
import { AppConfig, JobAttempt, JobHandler, TenantDb } from '@lbi/server';
import { PublicCensusCache } from '../census-cache/public-census-cache';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { geographyToRefresh, runCensusRefresh, type RefreshCensusResult } from './census-run';
import { toCensusSignalRows, upsertCensusSignals } from './census-signals.writer';
import { CENSUS_FETCH_TUNING, CENSUS_HTTP, type CensusFetchTuning } from './census-tuning';
import { resolveAcsVintage } from './census-vintage';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NO_FETCH: CensusCells = {
  cells: new Map(),
  stats: {
    plannedRequests: 0,
    requestsMade: 0,
    retries: 0,
    completedRequests: 0,
    emptyResponses: 0,
    notes: [],
    zctasRequested: 0,
    zctasReturned: 0,
    missingZctas: [],
  },
};

/**
 * refresh_census: the ACS 5-year figures (estimate and MOE) of a geography's ZCTAs, upserted as CENSUS
 * signals, one per ZIP and metric, every step recorded on the ingestion run. ZCTAs the public Census
 * cache holds for the vintage cost no request; the others are fetched and written through to the cache,
 * so the next tenant over the same ZCTAs asks the API for nothing.
 */
@Injectable()
export class CensusRefreshJob {
  private readonly logger = new Logger(CensusRefreshJob.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: IngestionRunsService,
    private readonly cache: PublicCensusCache,
    private readonly config: AppConfig,
    @Inject(CENSUS_HTTP) private readonly http: CensusHttp,
    @Inject(CENSUS_FETCH_TUNING) private readonly tuning: CensusFetchTuning,
  ) {}

  @JobHandler(JobName.RefreshCensus)
  handle(payload: JobPayload<JobName.RefreshCensus>, attempt: JobAttempt): Promise<RefreshCensusResult> {
    return runCensusRefresh(this.runs, this.logger, 'Census refresh', payload, attempt, () =>
      this.execute(payload),
    );
  }

  private async execute(payload: JobPayload<JobName.RefreshCensus>): Promise<RefreshCensusResult> {
    const runId = payload.ingestion_run_id;
    // The payload names the tenant; the runner entered the same one for the services called below.
    const clientId = payload.client_id;
    const { geography, resolved, notes, zipDetails } = await geographyToRefresh(
      this.tenantDb,
      clientId,
      payload.geography_id,
    );
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

    // Read as the app role, inside this tenant's transaction: the cache is public and read-only to it.
    const cached = await this.tenantDb.run(clientId, (db) =>
      this.cache.readAcs(vintage.year, resolved.zctas, DEFAULT_ACS_VARIABLE_IDS, db),
    );
    const knownAbsent = new Set(cached.absent);
    const toFetch = resolved.zctas.filter((zcta) => !cached.cells.has(zcta) && !knownAbsent.has(zcta));
    const requests =
      toFetch.length === 0
        ? []
        : planCensusRequests({
            baseUrl,
            year: vintage.year,
            variables: DEFAULT_ACS_VARIABLE_IDS,
            zctas: toFetch,
            apiKey,
            maxZctasPerRequest: this.tuning.maxZctasPerRequest ?? CENSUS_MAX_ZCTAS_PER_REQUEST,
          });
    await this.runs.progress(runId, cached.cells.size, {
      ...zipDetails,
      vintage: String(vintage.year),
      vintage_source: vintage.source,
      requests_planned: requests.length,
      requests_done: 0,
      zctas_requested: resolved.zctas.length,
      zctas_from_cache: cached.cells.size,
    });

    // Progress is written per finished request, each in its own short transaction, chained so the
    // writes stay in order; the write transaction below opens only after the last one.
    let rowsRead = cached.cells.size;
    let progress = Promise.resolve();
    const fetchStarted = Date.now();
    const fetched =
      requests.length === 0
        ? NO_FETCH
        : await fetchCensusCells({
            requests,
            http: this.http,
            sleep,
            timeoutMs: this.tuning.timeoutMs,
            maxAttempts: this.tuning.maxAttempts,
            retry: this.tuning.retry,
            onProgress: (event) => {
              if (event.type !== 'done') return;
              rowsRead += event.zctas;
              const rowsProcessed = rowsRead;
              const requestsDone = event.completed;
              progress = progress
                .then(() => this.runs.progress(runId, rowsProcessed, { requests_done: requestsDone }))
                .catch((err: unknown) =>
                  this.logger.warn({
                    msg: 'progress update failed',
                    ingestion_run_id: runId,
                    error: String(err),
                  }),
                );
            },
          });
    await progress;
    const fetchMs = Date.now() - fetchStarted;
    const { stats } = fetched;
    notes.push(...stats.notes);
    if (cached.cells.size > 0) {
      notes.push(
        `${cached.cells.size} of ${resolved.zctas.length} ZCTA(s) came from the public Census cache (vintage ${vintage.year}): no request was needed for them.`,
      );
    }
    // Write-through on the owner connection, before the tenant transaction opens.
    if (fetched.cells.size > 0) await this.cache.writeAcs(vintage.year, fetched.cells);

    const merged = new Map([...cached.cells, ...fetched.cells]);
    const rows = cellsToRows(
      [...merged.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([zcta, entry]) => ({ zcta, values: entry.values, sourceUrls: entry.sourceUrls })),
    );
    const missing = [...new Set([...stats.missingZctas, ...cached.absent])].sort();
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
      zctas_requested: resolved.zctas.length,
      zctas_from_cache: cached.cells.size,
      zctas_returned: merged.size,
      missing_zctas: missing,
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
          rowsProcessed: rowsRead,
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
      zctas_from_cache: cached.cells.size,
    });
    return { status: RunStatus.Success, records_upserted: written };
  }
}
