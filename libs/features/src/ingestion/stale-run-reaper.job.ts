import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobPayload, RunStatus } from '@lbi/contracts';
import { AppConfig, JobHandler, JobQueue, rawWrite, RUNS_SCHEDULES } from '@lbi/server';
import { DataSource } from 'typeorm';

/** How often the reaper looks for runs abandoned by a dead worker. */
export const REAPER_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Fails ingestion runs and reports left `running` by a worker that died. A live job bumps
 * `updated_at` whenever it reports progress, so a run silent for longer than the timeout is dead.
 */
@Injectable()
export class StaleRunReaperJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaleRunReaperJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    @Inject(RUNS_SCHEDULES) private readonly runsSchedules: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsSchedules) return;
    await this.queue.schedule(
      JobName.ReapStaleRuns,
      { older_than_ms: this.config.staleRunTimeoutMs },
      { everyMs: REAPER_INTERVAL_MS },
    );
  }

  @JobHandler(JobName.ReapStaleRuns)
  async reap(
    payload: JobPayload<JobName.ReapStaleRuns>,
  ): Promise<{ runs_failed: number; reports_failed: number }> {
    const minutes = Math.round(payload.older_than_ms / 60000);
    const message = `The worker running this job stopped responding (no progress for ${minutes} min); start it again.`;
    const cutoff = new Date(Date.now() - payload.older_than_ms);
    // Platform maintenance across tenants: it touches only the status columns of abandoned rows.
    const runs = await rawWrite(
      this.dataSource.manager,
      'ingestion_runs',
      `UPDATE ingestion_runs SET status = $1, error_message = $2, finished_at = now(), updated_at = now()
       WHERE status = $3 AND updated_at < $4 RETURNING id`,
      [RunStatus.Failed, message, RunStatus.Running, cutoff],
      { error_message: message },
    );
    const reports = await rawWrite(
      this.dataSource.manager,
      'intelligence_reports',
      `UPDATE intelligence_reports SET status = $1, error_message = $2, finished_at = now(), updated_at = now()
       WHERE status = $3 AND updated_at < $4 RETURNING id`,
      [RunStatus.Failed, message, RunStatus.Running, cutoff],
      { error_message: message },
    );
    const result = { runs_failed: runs.rows.length, reports_failed: reports.rows.length };
    if (result.runs_failed + result.reports_failed > 0)
      this.logger.warn({ msg: 'reaped stale runs', ...result });
    return result;
  }
}
