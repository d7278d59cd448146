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

/** What anyone may see: each check up or down, nothing else (no counts, engines or error texts). */
function publicView(result: HealthCheckResult): HealthCheckResult {
  const strip = (part: Record<string, { status: string } | undefined> | undefined): Components =>
    Object.fromEntries(
      Object.entries(part ?? {}).map(([key, value]) => [key, { status: value?.status ?? 'down' }]),
    );
  return {
    status: result.status,
    info: strip(result.info),
    error: strip(result.error),
    details: strip(result.details),
  } as HealthCheckResult;
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
  @ApiOperation({ summary: 'Database and job queue up or down; 503 when either is down' })
  @ApiOkResponse({
    description: '`{status: "ok", info, error, details: {database: {status}, queue: {status}}}`',
  })
  @ApiServiceUnavailableResponse({ description: 'A check is down; `details` says which' })
  async check(): Promise<HealthCheckResult> {
    try {
      return publicView(await this.run());
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException(publicView(error.getResponse() as HealthCheckResult));
      }
      throw error;
    }
  }

  @Get('details')
  @Roles(Role.Admin)
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Platform admin only: the health report with engines, queue counts and error messages',
  })
  @ApiOkResponse({ description: 'The full @nestjs/terminus report' })
  @ApiForbiddenResponse({ description: 'Not the platform admin' })
  details(): Promise<HealthCheckResult> {
    // Queue counts cover every tenant: only the platform admin (no client of its own) sees them.
    if (TenantContext.current()?.platformAdmin !== true) {
      throw new ForbiddenException('Health details are for the platform admin only');
    }
    return this.run();
  }

  private run(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.check(this.runtime.embeddedDatabase),
      () => this.queue.check(),
    ]);
  }
}
