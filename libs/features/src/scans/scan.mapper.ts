import type { ScanPayload, ScanResponse, ScanSummaryResponse } from '@lbi/contracts';
import type { Scan } from './scan.entity';

// The wire shapes live in @lbi/contracts (the console reads them too).
export type { ScanResponse, ScanSummaryResponse };

export function toScanSummary(scan: Scan): ScanSummaryResponse {
  return {
    id: scan.id,
    client_id: scan.clientId,
    category: scan.category,
    state: scan.scope,
    limit: scan.zipLimit,
    status: scan.status,
    error_message: scan.errorMessage,
    requested_by: scan.requestedBy,
    created_at: scan.createdAt.toISOString(),
    started_at: scan.startedAt?.toISOString() ?? null,
    finished_at: scan.finishedAt?.toISOString() ?? null,
  };
}

export function toScanResponse(scan: Scan): ScanResponse {
  return { ...toScanSummary(scan), payload: (scan.payload as ScanPayload | null) ?? null };
}
