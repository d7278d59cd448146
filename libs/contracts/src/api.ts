// Wire shapes and route constants of the HTTP contract (CONTRACT.md). snake_case on the wire.

export const API_PREFIX = 'api/v1';

export interface ApiError {
  status_code: number;
  error: string;
  message: string | string[];
}

export type HealthState = 'up' | 'down';

export interface HealthCheck {
  status: HealthState;
  [detail: string]: unknown;
}

export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, HealthCheck>;
  error?: Record<string, HealthCheck>;
  details: Record<string, HealthCheck>;
}

export interface IngestionRunResponse {
  id: string;
  client_id: string;
  geography_id: string | null;
  source_type: string;
  status: string;
  records_upserted: number;
  rows_processed: number;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
