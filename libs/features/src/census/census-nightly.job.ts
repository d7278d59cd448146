import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobPayload } from '@lbi/contracts';
import { AppConfig, JobHandler, JobQueue, RUNS_SCHEDULES } from '@lbi/server';
import { DataSource } from 'typeorm';
import { FreshnessService } from '../ingestion/freshness.service';
import { CensusRefreshService } from './census-run';

export interface NightlyRefreshResult {
  tenants_checked: number;
  refreshes_queued: number;
  skipped_in_flight: number;
  queued: { client_id: string; geography_id: string; source_type: string; ingestion_run_id: string }[];
}

/**
 * refresh_stale_census: the nightly maintenance job (CENSUS_REFRESH_CRON). Walks every tenant, and for
 * each geography whose Census figures or business counts are stale (30 days, or ZIPs without them)
 * and have no refresh in flight, creates a run and queues refresh_census or refresh_census_business in
 * that tenant. Registered by the process that owns
 * schedules: a Bull repeatable job on Redis, an in-process cron on the embedded default.
 */
@Injectable()
export class CensusNightlyRefreshJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(CensusNightlyRefreshJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly freshness: FreshnessService,
    private readonly refresh: CensusRefreshService,
    @Inject(RUNS_SCHEDULES) private readonly runsSchedules: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsSchedules) return;
    await this.queue.schedule(JobName.RefreshStaleCensus, {}, { cron: this.config.censusRefreshCron });
  }

  @JobHandler(JobName.RefreshStaleCensus)
  async run(payload: JobPayload<JobName.RefreshStaleCensus>): Promise<NightlyRefreshResult> {
    // The clients table has no tenant: listing it on the owner connection is the one cross-tenant read.
    // Each tenant's geographies are then read inside that tenant's own transaction.
    const only = payload.client_ids;
    const clients = (await (only
      ? this.dataSource.query(`SELECT id FROM clients WHERE id = ANY($1::uuid[]) ORDER BY created_at`, [only])
      : this.dataSource.query(`SELECT id FROM clients ORDER BY created_at`))) as { id: string }[];
    const result: NightlyRefreshResult = {
      tenants_checked: clients.length,
      refreshes_queued: 0,
      skipped_in_flight: 0,
      queued: [],
    };
    for (const { id: clientId } of clients) {
      const stale = await this.freshness.staleCensusGeographies(clientId);
      for (const geography of stale) {
        if (geography.inFlight) {
          result.skipped_in_flight += 1;
          continue;
        }
        const { ingestion_run_id } = await this.refresh.startFor(
          clientId,
          geography.geographyId,
          { trigger: 'nightly', stale_reason: geography.reason },
          geography.source,
        );
        result.refreshes_queued += 1;
        result.queued.push({
          client_id: clientId,
          geography_id: geography.geographyId,
          source_type: geography.source,
          ingestion_run_id,
        });
      }
    }
    this.logger.log({
      msg: 'nightly census refresh queued',
      refreshes_queued: result.refreshes_queued,
      skipped_in_flight: result.skipped_in_flight,
    });
    return result;
  }
}
