import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiError } from '@lbi/contracts';
import { PiiViolationError } from '@lbi/pii';
import { NoTenantError, QueueUnavailableError, TenantContextMissingError } from '@lbi/server';

/**
 * Every error leaves as `{status_code, error, message}` (CONTRACT.md). Unexpected errors are logged
 * with their stack and answered with a generic 500, so internals never reach the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        requestReadingMessage(exception.cause) ??
        unknownRouteMessage(exception, body) ??
        (typeof body === 'string'
          ? body
          : ((body as { message?: string | string[] }).message ?? exception.message));
      const error =
        typeof body === 'object' && body && 'error' in body
          ? String((body as { error: unknown }).error)
          : exception.name;
      // Terminus answers 503 with the health document itself: keep its shape.
      if (typeof body === 'object' && body && 'details' in body && 'status' in body) {
        response.status(status).json(body);
        return;
      }
      // A 409 for work already in progress names the run to watch.
      const runId =
        typeof body === 'object' &&
        body &&
        typeof (body as { ingestion_run_id?: unknown }).ingestion_run_id === 'string'
          ? { ingestion_run_id: (body as { ingestion_run_id: string }).ingestion_run_id }
          : {};
      response
        .status(status)
        .json({ status_code: status, error: errorName(status, error), message, ...runId } satisfies ApiError);
      return;
    }
    if (exception instanceof PiiViolationError) {
      // The PII guard's last line (the TypeORM subscriber) refused a write: the client sent PII that the
      // request check did not catch (e.g. in a field a service derives). The message names the field
      // and the kind, never the value; the log line has paths and kinds only.
      this.logger.warn({ msg: 'pii refused', violations: exception.violations });
      response.status(HttpStatus.BAD_REQUEST).json({
        status_code: 400,
        error: 'Bad Request',
        message: exception.message,
      } satisfies ApiError);
      return;
    }
    if (exception instanceof NoTenantError) {
      // Only the platform admin can reach a tenant route without a tenant: tell it how to pick one.
      response.status(HttpStatus.BAD_REQUEST).json({
        status_code: 400,
        error: 'Bad Request',
        message: exception.message,
      } satisfies ApiError);
      return;
    }
    if (exception instanceof QueueUnavailableError) {
      // Redis is away: reads still work, this write could not be queued. Say so, and when to retry.
      this.logger.warn({ msg: 'queue unavailable', reason: exception.message });
      response.setHeader('Retry-After', '60');
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status_code: 503,
        error: 'Service Unavailable',
        message: exception.message,
      } satisfies ApiError);
      return;
    }
    if (databaseUnavailable(exception)) {
      // PostgreSQL is restarting or away: the pool reconnects by itself, so this is a wait, not a bug.
      this.logger.warn({ msg: 'database unavailable', code: errorCode(exception) ?? null });
      response.setHeader('Retry-After', '30');
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status_code: 503,
        error: 'Service Unavailable',
        message: 'The database is not answering right now; try again in a minute.',
      } satisfies ApiError);
      return;
    }
    if (exception instanceof TenantContextMissingError) {
      // A bug, not the caller's fault: code read the tenant where no scope was set. Never a 400.
      this.logger.error({ msg: 'tenant context missing', err: exception });
    } else {
      this.logger.error({ msg: 'unhandled error', err: exception });
    }
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      status_code: 500,
      error: 'Internal Server Error',
      message:
        'Something went wrong on our side; try again, and report it with the X-Request-Id header if it persists.',
    } satisfies ApiError);
  }
}

/**
 * What to fix when the request itself could not be read (body-parser, Express's path decoding). Their
 * own texts repeat the input: V8's JSON.parse error quotes the body around the mistake, a percent-
 * encoding error quotes the path segment. Neither is ever repeated.
 */
function requestReadingMessage(cause: unknown): string | undefined {
  if (cause instanceof URIError) {
    return 'The URL holds an invalid percent-encoding (a % not followed by two hex digits); encode it again.';
  }
  const { type, limit, code } = (cause ?? {}) as { type?: unknown; limit?: unknown; code?: unknown };
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return 'The request body could not be decompressed: send it uncompressed, or as valid gzip, deflate or br matching Content-Encoding.';
  }
  switch (type) {
    case 'entity.parse.failed':
      return 'The request body is not valid JSON; check its quotes, commas and brackets, and send it with Content-Type: application/json.';
    case 'entity.too.large':
      return `The request body is larger than the ${typeof limit === 'number' ? `${Math.round(limit / 1024)} KiB` : 'size'} a JSON request may have; files go to POST /uploads.`;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return 'The request body must be UTF-8 JSON, not compressed (Content-Type: application/json; charset=utf-8).';
    default:
      return undefined;
  }
}

/**
 * Express's "Cannot GET /api/v1/x?email=…" repeats the whole URL, query string included (GET queries
 * are not PII-checked): the method is kept, the URL is not.
 */
function unknownRouteMessage(exception: HttpException, body: unknown): string | undefined {
  const text = typeof body === 'object' && body ? (body as { message?: unknown }).message : body;
  const route = typeof text === 'string' ? /^Cannot ([A-Z]+) \//.exec(text) : null;
  if (exception.getStatus() !== 404 || !route) return undefined;
  return `There is no ${route[1]} route at this path; the API's routes are listed at /api/docs (GET /api/v1/openapi.json).`;
}

/** Connection refused / reset, PostgreSQL shutting down or starting (57P01-57P03), class 08 errors. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03']);

function errorCode(exception: unknown): string | undefined {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = error?.code ?? error?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

function databaseUnavailable(exception: unknown): boolean {
  const code = errorCode(exception);
  if (code && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  // node-postgres' own words when the server closes a connection or the pool cannot get one.
  return (
    exception instanceof Error &&
    /^(Connection terminated|timeout exceeded when trying to connect)/.test(exception.message)
  );
}

function errorName(status: number, fallback: string): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    410: 'Gone',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
  };
  return names[status] ?? fallback;
}
