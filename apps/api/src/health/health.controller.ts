import { Controller, ForbiddenException, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Role } from '@lbi/contracts';
import { DatabaseHealthIndicator, QueueHealthIndicator, RuntimeInfo, TenantContext } from '@lbi/server';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';

type Components = Record<string, { status: string }>;
/** Terminus' report, with `degraded` when only the queue is down. */
type HealthReport = Omit<HealthCheckResult, 'status'> & { status: HealthCheckResult['status'] | 'degraded' };

/** What anyone may see: each check up or down, nothing else (no counts, engines or error texts). */
function publicView(result: HealthReport): HealthReport {
  const strip = (part: Record<string, { status: string } | undefined> | undefined): Components =>
    Object.fromEntries(
      Object.entries(part ?? {}).map(([key, value]) => [key, { status: value?.status ?? 'down' }]),
    );
  return {
    status: result.status,
    info: strip(result.info),
    error: strip(result.error),
    details: strip(result.details),
  } as HealthReport;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly runtime: RuntimeInfo,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Database and job queue up or down: 200 ok, 200 degraded when only the queue is down, 503 when the database is',
  })
  @ApiOkResponse({
    description: '`{status: "ok" | "degraded", info, error, details: {database: {status}, queue: {status}}}`',
  })
  @ApiServiceUnavailableResponse({ description: 'The database is down; `details` says which check failed' })
  async check(): Promise<HealthReport> {
    return this.report(publicView);
  }

  @Get('details')
  @Roles(Role.Admin)
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Platform admin only: the health report with engines, queue counts and error messages',
  })
  @ApiOkResponse({ description: 'The full @nestjs/terminus report' })
  @ApiForbiddenResponse({ description: 'Not the platform admin' })
  details(): Promise<HealthReport> {
    // Queue counts cover every tenant: only the platform admin (no client of its own) sees them.
    if (TenantContext.current()?.platformAdmin !== true) {
      throw new ForbiddenException('Health details are for the platform admin only');
    }
    return this.report((result) => result);
  }

  /**
   * The database down is an outage (503). The queue down alone is not: reads still work, and a write
   * that needs a job answers 503 itself, so the API reports itself `degraded` with 200.
   */
  private async report(view: (result: HealthReport) => HealthReport): Promise<HealthReport> {
    try {
      return view(
        await this.health.check([
          () => this.database.check(this.runtime.embeddedDatabase),
          () => this.queue.check(),
        ]),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      if (down.length === 1 && down[0] === 'queue') return view({ ...result, status: 'degraded' });
      throw new ServiceUnavailableException(view(result));
    }
  }
}
