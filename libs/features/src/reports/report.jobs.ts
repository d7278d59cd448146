import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayload, ReportStatus } from '@lbi/contracts';
import { CATEGORIES, ReportInput, buildReport, scoreZips } from '@lbi/scoring';
import {
  errorMessageWithoutPii,
  JobAttempt,
  JobHandler,
  PermanentJobError,
  rawWrite,
  TenantDb,
  TenantTransaction,
  isPermanentJobError,
} from '@lbi/server';
import { Geography } from '../geographies/geography.entity';
import { FreshnessService } from '../ingestion/freshness.service';
import { ZipScore } from '../intelligence/zip-score.entity';
import { IntelligenceReport } from './intelligence-report.entity';
import { ReportInputs, loadReportInputs } from './report-inputs';

const today = (): string => new Date().toISOString().slice(0, 10);

function toEngineInput(inputs: ReportInputs, category: string, asOf: string): ReportInput {
  return {
    geography: {
      id: inputs.geography.id,
      name: inputs.geography.name,
      zip_codes: inputs.geography.zipCodes,
      zcta_resolution: inputs.geography.zctaResolution,
    },
    category,
    as_of: asOf,
    census_signals: inputs.census,
    property_aggregates: inputs.property,
    events: inputs.events,
    channels: inputs.channels,
    freshness: inputs.freshness.map((entry) => ({
      source_type: entry.source_type,
      last_success_at: entry.last_success_at,
      is_stale: entry.is_stale,
      reason: entry.reason,
    })),
    vintage: inputs.vintage,
    other_vintage_zips: inputs.other_vintage_zips,
  };
}

/**
 * recompute_scores and generate_report: load the geography's inputs in the tenant's transaction, call
 * the pure engine (@lbi/scoring) and store what it returns. Nothing is computed here.
 */
@Injectable()
export class ReportJobs {
  private readonly logger = new Logger(ReportJobs.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly freshness: FreshnessService,
  ) {}

  @JobHandler(JobName.RecomputeScores)
  async recomputeScores(payload: JobPayload<JobName.RecomputeScores>): Promise<{ scores_written: number }> {
    const categories = payload.category ? [payload.category] : CATEGORIES.map((c) => c.id);
    return this.tenantDb.run(payload.client_id, async (db) => {
      const geography = await db.repository(Geography).findOneBy({ id: payload.geography_id });
      if (!geography) throw new PermanentJobError(`Geography ${payload.geography_id} no longer exists`);
      const asOf = today();
      // Scores need no freshness (only reports show it): skip those queries.
      const inputs = await loadReportInputs(db, geography, asOf, []);
      let written = 0;
      for (const category of categories) written += await this.storeScores(db, inputs, category, asOf);
      return { scores_written: written };
    });
  }

  @JobHandler(JobName.GenerateReport)
  async generateReport(payload: JobPayload<JobName.GenerateReport>, attempt: JobAttempt): Promise<void> {
    const claimed = await this.tenantDb.run(payload.client_id, async (db) => {
      const reports = db.repository(IntelligenceReport);
      const report = await reports.findOneBy({ id: payload.report_id });
      if (!report) throw new PermanentJobError(`Report ${payload.report_id} no longer exists`);
      if (report.status === ReportStatus.Success) return undefined;
      report.status = ReportStatus.Running;
      report.startedAt = report.startedAt ?? new Date();
      await reports.save(report);
      return report;
    });
    if (!claimed) return;
    try {
      await this.tenantDb.run(payload.client_id, async (db) => {
        const geography = await db.repository(Geography).findOneBy({ id: claimed.geographyId });
        if (!geography) throw new PermanentJobError('The geography of this report was deleted');
        const asOf = claimed.createdAt.toISOString().slice(0, 10);
        const inputs = await this.inputsOf(db, geography, asOf);
        const report = buildReport(toEngineInput(inputs, claimed.category, asOf));
        await this.storeScores(db, inputs, claimed.category, asOf);
        const reports = db.repository(IntelligenceReport);
        claimed.payload = report as unknown as Record<string, unknown>;
        claimed.status = ReportStatus.Success;
        claimed.errorMessage = null;
        claimed.finishedAt = new Date();
        await reports.save(claimed);
      });
      this.logger.log({ msg: 'report generated', report_id: claimed.id });
    } catch (error) {
      if (attempt.isFinalAttempt || isPermanentJobError(error)) {
        const message = errorMessageWithoutPii(
          `The report could not be generated: ${error instanceof Error ? error.message : String(error)}`,
        );
        await this.tenantDb.run(payload.client_id, (db) =>
          rawWrite(
            db.manager,
            'intelligence_reports',
            `UPDATE intelligence_reports SET status = $1, error_message = $2, finished_at = now(), updated_at = now() WHERE id = $3`,
            [ReportStatus.Failed, message, claimed.id],
            { error_message: message },
          ),
        );
      }
      throw error;
    }
  }

  private async inputsOf(db: TenantTransaction, geography: Geography, asOf: string): Promise<ReportInputs> {
    const freshness = await this.freshness.forGeography(geography.id);
    return loadReportInputs(db, geography, asOf, freshness);
  }

  /** Replaces the geography's scores for one category with the engine's, ranked by ZCTA. */
  private async storeScores(
    db: TenantTransaction,
    inputs: ReportInputs,
    category: string,
    asOf: string,
  ): Promise<number> {
    const results = scoreZips({
      zip_codes: inputs.geography.zipCodes,
      category,
      as_of: asOf,
      census_signals: inputs.census,
      property_aggregates: inputs.property,
      events: inputs.events,
      zcta_resolution: inputs.geography.zctaResolution,
    });
    const scores = db.repository(ZipScore);
    await scores.delete({ geographyId: inputs.geography.id, category });
    const computedAt = new Date();
    // One row per ZIP: the ZIPs of a ZCTA (PO-box ZIPs included) share its score and rank.
    const rows = results.flatMap((result, index) =>
      result.zip_codes.map((zipCode) => ({
        geographyId: inputs.geography.id,
        category,
        zipCode,
        score: result.score,
        rank: index + 1,
        components: result.components,
        flags: [
          ...(result.small_sample ? ['small_sample'] : []),
          `tier:${result.tier}`,
          ...(result.zip_codes.length > 1 ? [`shares_zcta:${result.zcta}`] : []),
          ...result.warnings,
        ],
        computedAt,
      })),
    );
    await scores.saveMany(rows);
    return rows.length;
  }
}
