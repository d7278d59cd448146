import type { ReportPayload, ReportResponse, ReportSummaryResponse } from '@lbi/contracts';
import type { IntelligenceReport } from './intelligence-report.entity';

export function toReportSummary(report: IntelligenceReport): ReportSummaryResponse {
  return {
    id: report.id,
    client_id: report.clientId,
    geography_id: report.geographyId,
    category: report.category,
    status: report.status,
    error_message: report.errorMessage,
    requested_by: report.requestedBy,
    created_at: report.createdAt.toISOString(),
    started_at: report.startedAt?.toISOString() ?? null,
    finished_at: report.finishedAt?.toISOString() ?? null,
  };
}

export function toReportResponse(report: IntelligenceReport): ReportResponse {
  return { ...toReportSummary(report), payload: (report.payload as ReportPayload | null) ?? null };
}
