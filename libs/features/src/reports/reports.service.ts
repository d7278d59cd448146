import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { JobName, ReportStatus } from '@lbi/contracts';
import { CATEGORIES, categoryById } from '@lbi/scoring';
import { JobQueue, TenantContext, TenantDb } from '@lbi/server';
import { requireGeography } from '../geographies/geography-lookup';
import { ZipScore } from '../intelligence/zip-score.entity';
import { IntelligenceReport } from './intelligence-report.entity';

export const noReport = (id: string): string => `No report with id ${id}`;

export function requireKnownCategory(category: string): void {
  if (!categoryById(category)) {
    throw new BadRequestException(
      `Unknown category '${category}': use one of ${CATEGORIES.map((c) => c.id).join(', ')} (GET /api/v1/categories)`,
    );
  }
}

/** Reports and scores of the current tenant: queueing, listing, reading. The work happens in the jobs. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly queue: JobQueue,
  ) {}

  async request(geographyId: string, category: string): Promise<IntelligenceReport> {
    requireKnownCategory(category);
    const userId = TenantContext.current()?.userId ?? null;
    const report = await this.tenantDb.forCurrentTenant(async (db) => {
      const geography = await requireGeography(db, geographyId);
      const reports = db.repository(IntelligenceReport);
      return reports.save(
        reports.create({
          geographyId: geography.id,
          category,
          status: ReportStatus.Queued,
          requestedBy: userId,
        }),
      );
    });
    // Enqueued after the row is committed, so the job always finds it; if the queue cannot take it, the
    // report is failed rather than left queued for ever.
    try {
      await this.queue.enqueue(JobName.GenerateReport, { client_id: report.clientId, report_id: report.id });
    } catch (error) {
      await this.tenantDb.run(report.clientId, async (db) => {
        report.status = ReportStatus.Failed;
        report.errorMessage =
          'The report could not be queued (the job queue did not answer); generate it again.';
        report.finishedAt = new Date();
        await db.repository(IntelligenceReport).save(report);
      });
      throw error;
    }
    return report;
  }

  list(filter: { geography_id?: string; category?: string }): Promise<IntelligenceReport[]> {
    return this.tenantDb.forCurrentTenant((db) =>
      db.repository(IntelligenceReport).find({
        where: {
          ...(filter.geography_id ? { geographyId: filter.geography_id.toLowerCase() } : {}),
          ...(filter.category ? { category: filter.category } : {}),
        },
        order: { createdAt: 'DESC' },
        take: 200,
      }),
    );
  }

  async get(id: string): Promise<IntelligenceReport> {
    const report = await this.tenantDb.forCurrentTenant((db) =>
      db.repository(IntelligenceReport).findOneBy({ id: id.toLowerCase() }),
    );
    if (!report) throw new NotFoundException(noReport(id));
    return report;
  }

  /** A finished report; 409 while it is still being made or when it failed. */
  async getFinished(id: string): Promise<IntelligenceReport> {
    const report = await this.get(id);
    if (report.status !== ReportStatus.Success || !report.payload) {
      throw new ConflictException(
        report.status === ReportStatus.Failed
          ? `Report ${id} failed: ${report.errorMessage ?? 'no reason recorded'}. Generate a new one.`
          : `Report ${id} is not ready yet (status ${report.status}); try again in a moment.`,
      );
    }
    return report;
  }

  async recompute(
    geographyId: string,
    category?: string,
  ): Promise<{ geography_id: string; categories: string[] }> {
    if (category) requireKnownCategory(category);
    const clientId = TenantContext.requireClientId();
    const geography = await this.tenantDb.run(clientId, (db) => requireGeography(db, geographyId));
    await this.queue.enqueue(JobName.RecomputeScores, {
      client_id: clientId,
      geography_id: geography.id,
      ...(category ? { category } : {}),
    });
    return { geography_id: geography.id, categories: category ? [category] : CATEGORIES.map((c) => c.id) };
  }

  async scores(geographyId: string, category: string): Promise<ZipScore[]> {
    requireKnownCategory(category);
    return this.tenantDb.forCurrentTenant(async (db) => {
      const geography = await requireGeography(db, geographyId);
      return db
        .repository(ZipScore)
        .find({ where: { geographyId: geography.id, category }, order: { rank: 'ASC' } });
    });
  }
}
