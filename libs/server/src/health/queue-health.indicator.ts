import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { JobQueue } from '../queue/job-queue';

/** Reports the job queue: Redis reachable and job counts (Bull), or the in-process queue (inline). */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queue: JobQueue,
  ) {}

  async check(key = 'queue'): Promise<HealthIndicatorResult> {
    const { status, ...details } = await this.queue.health();
    const session = this.indicators.check(key);
    return status === 'up' ? session.up(details) : session.down(details);
  }
}
