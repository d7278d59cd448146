import type { ScanPayload } from '@lbi/contracts';
import type { Scan } from './scan.entity';

export interface ScanSummaryResponse {
  id: string;
  client_id: string;
  category: string;
  state: string;
  limit: number;
  status: string;
  error_message: string | null;
  requested_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface ScanResponse extends ScanSummaryResponse {
  payload: ScanPayload | null;
}

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
