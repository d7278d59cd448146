// Wire shapes and route constants of the HTTP contract (CONTRACT.md). snake_case on the wire.
import { Role, RunStatus, SourceType } from './enums';

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

export interface LoginRequest {
  email: string;
  password: string;
}

/** A login as the API shows it: never the password hash. */
export interface UserResponse {
  id: string;
  email: string;
  role: Role;
  /** null only for the platform admin. */
  client_id: string | null;
  is_active: boolean;
  created_at: string;
}

export interface LoginResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds until the token expires. */
  expires_in: number;
  user: UserResponse;
}

export interface ClientResponse {
  id: string;
  name: string;
  created_at: string;
}

/** The header a platform admin sends to act inside one tenant. */
export const CLIENT_ID_HEADER = 'x-client-id';

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** `GET /demo` (public, demo mode only): what the sign-in page lists so a newcomer can try every role. */
export interface DemoInfoResponse {
  client_name: string;
  geography_name: string;
  accounts: { role: 'platform' | 'admin' | 'analyst' | 'client'; email: string; password: string }[];
}

/** An ingestion run with its structured outcome (`GET /ingestion-runs`, `GET /ingestion-runs/:id`). */
export interface IngestionRunWithDetails extends IngestionRunResponse {
  /** Request counts, vintage, ZIPs without a ZCTA, notes, row errors (`errors: [{row, column, reason}]`). */
  details: Record<string, unknown>;
}

/** What POST /uploads answers. */
export interface UploadResponse {
  file_ref: string;
  filename: string;
  size_bytes: number;
  content_kind: 'csv' | 'ics';
}

/** What POST /import/* and POST /geographies/:id/refresh-census answer (202). */
export interface ImportAcceptedResponse {
  ingestion_run_id: string;
}

/** One source's freshness for a geography (`GET /geographies/:id/freshness`). */
export interface SourceFreshness {
  source_type: SourceType;
  last_success_at: string | null;
  last_run_status: RunStatus | null;
  last_run_at: string | null;
  is_stale: boolean;
  stale_after_days: number;
  /** Why the source is stale (or that it is fresh), in plain language. */
  reason: string;
}
