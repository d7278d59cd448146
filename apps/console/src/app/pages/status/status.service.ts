import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, HealthCheck, HealthResponse } from '@lbi/contracts';
import { Observable, TimeoutError, catchError, map, of, timeout } from 'rxjs';

export const HEALTH_URL = `/${API_PREFIX}/health`;
const HEALTH_TIMEOUT_MS = 10_000;

/** One row of the checks table. */
export interface HealthCheckRow {
  /** Key in the health answer, e.g. `database`. */
  readonly key: string;
  /** The key in words, e.g. `Database`. */
  readonly name: string;
  readonly status: 'up' | 'down';
  /** The check's other fields, as `label: value` pairs. */
  readonly details: readonly string[];
}

/** What a health request ended in: an answer from the API (healthy or not), or no usable answer. */
export type HealthResult =
  | {
      readonly kind: 'answer';
      readonly overall: HealthResponse['status'];
      readonly httpStatus: number;
      readonly checks: readonly HealthCheckRow[];
      readonly checkedAt: Date;
    }
  | { readonly kind: 'failure'; readonly title: string; readonly message: string; readonly checkedAt: Date };

const CHECK_NAMES: Readonly<Partial<Record<string, string>>> = {
  database: 'Database',
  queue: 'Job queue',
  redis: 'Redis',
  storage: 'File storage',
  disk: 'Disk',
  memory_heap: 'Memory (heap)',
  memory_rss: 'Memory (RSS)',
};

/** Data service of the status page: `GET /api/v1/health`, answered with 200 or 503 (@nestjs/terminus). */
@Injectable({ providedIn: 'root' })
export class StatusService {
  private readonly http = inject(HttpClient);

  /** Never errors: every outcome, including an unreachable API, is a HealthResult. */
  check(): Observable<HealthResult> {
    return this.http.get<unknown>(HEALTH_URL, { observe: 'response' }).pipe(
      timeout(HEALTH_TIMEOUT_MS),
      map((response) => toResult(response.body, response.status)),
      catchError((error: unknown) => of(fromError(error))),
    );
  }
}

function toResult(body: unknown, httpStatus: number): HealthResult {
  if (!isHealthResponse(body)) {
    return failure(
      'Unexpected answer from the API',
      `The API answered ${describeStatus(httpStatus)}, but not with a health report. ` +
        'The console may be talking to a different server than the API.',
    );
  }
  return {
    kind: 'answer',
    overall: body.status,
    httpStatus,
    checks: Object.entries(body.details).map(([key, check]) => toRow(key, check)),
    checkedAt: new Date(),
  };
}

function fromError(error: unknown): HealthResult {
  if (error instanceof TimeoutError) {
    return failure(
      'The API did not answer in time',
      `No answer from ${HEALTH_URL} within ${HEALTH_TIMEOUT_MS / 1000} seconds. ` +
        'The server may be overloaded or starting up; try again in a moment.',
    );
  }
  if (error instanceof HttpErrorResponse) {
    // A failing check answers 503 with the same health report: that is an answer, not a failure.
    if (isHealthResponse(error.error)) {
      return toResult(error.error, error.status);
    }
    if (error.status === 0) {
      return failure(
        'The API cannot be reached',
        `No answer from ${HEALTH_URL}. The API server may be stopped, or the network connection is down. ` +
          'Check that the server is running, then refresh.',
      );
    }
    if (error.status === HttpStatusCode.BadGateway || error.status === HttpStatusCode.GatewayTimeout) {
      return failure(
        'The API cannot be reached',
        `A proxy answered ${describeStatus(error.status)}: the API behind it is not answering. ` +
          'Check that the API server is running, then refresh.',
      );
    }
    const detail = apiErrorMessage(error.error)?.replace(/\.$/, '');
    return failure(
      'The API reported an error',
      `The API answered ${describeStatus(error.status)}${detail ? `: ${detail}` : ''}. ` +
        "If this persists, check the API server's log.",
    );
  }
  return failure('The status check failed', 'Something unexpected happened in the console; reload the page.');
}

function failure(title: string, message: string): HealthResult {
  return { kind: 'failure', title, message, checkedAt: new Date() };
}

function toRow(key: string, check: HealthCheck): HealthCheckRow {
  const details = Object.entries(check)
    .filter(([field]) => field !== 'status')
    .map(([field, value]) => `${humanize(field)}: ${formatValue(value)}`);
  return {
    key,
    name: CHECK_NAMES[key] ?? humanize(key),
    status: check.status === 'up' ? 'up' : 'down',
    details,
  };
}

function isHealthResponse(body: unknown): body is HealthResponse {
  if (!isRecord(body) || typeof body['status'] !== 'string' || !isRecord(body['details'])) {
    return false;
  }
  return Object.values(body['details']).every(
    (check) => isRecord(check) && typeof check['status'] === 'string',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'none';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function describeStatus(status: number): string {
  const name = Object.entries(HttpStatusCode).find(([, code]) => code === status)?.[0];
  return name ? `${status} (${name.replace(/([a-z])([A-Z])/g, '$1 $2')})` : `${status}`;
}

/** The `message` of the contract's error shape `{status_code, error, message}`, if present. */
function apiErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) {
    return null;
  }
  const message = body['message'];
  if (typeof message === 'string') {
    return message;
  }
  if (Array.isArray(message)) {
    return message.filter((part) => typeof part === 'string').join('; ') || null;
  }
  return null;
}
