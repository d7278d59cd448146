import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealthIndicator, QueueHealthIndicator, RuntimeInfo } from '@lbi/server';
import { Public } from '../auth/public.decorator';

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
  @HealthCheck()
  @ApiOperation({ summary: 'Database and job queue status; 503 when either is down' })
  @ApiOkResponse({ description: '`{status: "ok", info, error, details: {database, queue}}`' })
  @ApiServiceUnavailableResponse({ description: 'A check is down; `details` says which and why' })
  check() {
    return this.health.check([
      () => this.database.check(this.runtime.embeddedDatabase),
      () => this.queue.check(),
    ]);
  }
}
