// Wire shapes and route constants of the HTTP contract (CONTRACT.md). snake_case on the wire.
import { Role } from './enums';

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
