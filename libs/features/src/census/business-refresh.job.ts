import { Injectable, Logger } from '@nestjs/common';
import { BUSINESS_SOURCE, loadCrosswalk, planBusinessRequests } from '@lbi/census';
import { JobName, JobPayload, RunStatus } from '@lbi/contracts';
import { COMPETITOR_NAICS } from '@lbi/scoring';
import { AppConfig, JobAttempt, JobHandler, TenantDb } from '@lbi/server';
import { CensusCacheFills } from '../census-cache/census-cache-fills';
import { PublicCensusCache } from '../census-cache/public-census-cache';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { crosswalkZipsByZcta, toBusinessSignalRows, upsertBusinessSignals } from './business-signals.writer';
import { geographyToRefresh, runCensusRefresh, type RefreshCensusResult } from './census-run';

/** source_url of counts loaded from the bundled snapshot instead of the API. */
export const BUSINESS_SNAPSHOT_SOURCE =
  'bundled snapshot of ZIP Code Business Patterns 2022 for Pennsylvania (data/business/zbp_2022_pa_naics6.csv), used because the live Census API was unreachable';

/**
 * refresh_census_business: competing establishments of a geography's ZCTAs for every NAICS code a
 * category counts (ZIP Code Business Patterns), upserted as BUSINESS signals. Counts come from the
 * public cache; an industry the cache lacks for the year costs one national request (then every tenant
 * has it), made with the same retries and key handling as the ACS collector.
 */
@Injectable()
export class BusinessRefreshJob {
  private readonly logger = new Logger(BusinessRefreshJob.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: IngestionRunsService,
    private readonly cache: PublicCensusCache,
    private readonly fills: CensusCacheFills,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.RefreshCensusBusiness)
  handle(
    payload: JobPayload<JobName.RefreshCensusBusiness>,
    attempt: JobAttempt,
  ): Promise<RefreshCensusResult> {
    return runCensusRefresh(this.runs, this.logger, 'Business counts refresh', payload, attempt, () =>
      this.execute(payload),
    );
  }

  private async execute(payload: JobPayload<JobName.RefreshCensusBusiness>): Promise<RefreshCensusResult> {
    const runId = payload.ingestion_run_id;
    // The payload names the tenant; the runner entered the same one for the services called below.
    const clientId = payload.client_id;
    const { geography, resolved, notes, zipDetails } = await geographyToRefresh(
      this.tenantDb,
      clientId,
      payload.geography_id,
    );
    if (resolved.zctas.length === 0) {
      notes.push('No ZIP of this geography has a ZCTA: no business counts are kept for it.');
      await this.runs.succeed(runId, {
        recordsUpserted: 0,
        rowsProcessed: 0,
        details: { ...zipDetails, requests: 0, notes },
      });
      return { status: RunStatus.Success, records_upserted: 0 };
    }
    const crosswalk = await loadCrosswalk();
    const vintage = await this.fills.businessVintage();
    if (vintage.note) notes.push(vintage.note);
    const states = [
      ...new Set(resolved.zctas.map((zcta) => crosswalk.get(zcta)?.state).filter((s): s is string => !!s)),
    ];
    await this.runs.progress(runId, 0, {
      ...zipDetails,
      year: String(vintage.year),
      vintage_source: vintage.source,
    });

    const ensured = await this.fills.ensureBusiness(COMPETITOR_NAICS, vintage, 'refresh', states);
    const naics = COMPETITOR_NAICS.filter((code) => ensured.covered.has(code));
    const cbpZips = [
      ...new Set(resolved.zctas.flatMap((zcta) => crosswalkZipsByZcta(crosswalk).get(zcta) ?? [zcta])),
    ];
    const counts = await this.tenantDb.run(clientId, (db) =>
      this.cache.readBusinessCounts(vintage.year, naics, cbpZips, db),
    );
    const snapshot = naics.some((code) => ensured.covered.get(code)?.snapshot);
    const urls = new Map(
      planBusinessRequests({
        baseUrl: this.config.censusApiBaseUrl,
        year: vintage.year,
        naics,
        zips: '*',
      }).map((r) => [r.naics, r.publicUrl]),
    );
    const rows = toBusinessSignalRows({
      zipsByZcta: resolved.zipsByZcta,
      crosswalk,
      naics,
      counts,
      year: vintage.year,
      sourceUrlOf: (code) =>
        ensured.covered.get(code)?.snapshot ? BUSINESS_SNAPSHOT_SOURCE : (urls.get(code) ?? ''),
      snapshot,
    });
    const fromCache = naics.length - ensured.fill_ids.length;
    if (fromCache > 0) {
      notes.push(
        `${fromCache} of ${naics.length} industries came from the public Census cache (${vintage.year}): no request was needed for them.`,
      );
    }
    if (snapshot) notes.push(BUSINESS_SNAPSHOT_SOURCE);
    const details = {
      ...zipDetails,
      source: BUSINESS_SOURCE,
      dataset: 'cbp',
      year: String(vintage.year),
      vintage_source: vintage.source,
      naics,
      requests: ensured.requests,
      industries_from_cache: fromCache,
      zips_counted: cbpZips.length,
      zctas_requested: resolved.zctas.length,
      notes,
    };
    const written = await this.tenantDb.run(clientId, async (db) => {
      const count = await upsertBusinessSignals(db, geography.id, rows);
      await this.runs.succeed(runId, { recordsUpserted: count, rowsProcessed: counts.length, details }, db);
      return count;
    });
    this.logger.log({
      msg: 'business counts refresh finished',
      ingestion_run_id: runId,
      records_upserted: written,
      requests: ensured.requests,
    });
    return { status: RunStatus.Success, records_upserted: written };
  }
}
