import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullJobProcessor } from './bull-job-processor';
import { BullJobQueue, LBI_QUEUE } from './bull-job-queue';
import { InlineJobQueue, JOB_RETRY_BACKOFF_MS_TOKEN } from './inline-job-queue';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';

export type ProcessRole = 'api' | 'worker';

/** Tells schedulers whether this process owns repeating jobs (the worker on Bull, the API inline). */
export const RUNS_SCHEDULES = Symbol('RUNS_SCHEDULES');

export interface QueueModuleOptions {
  redisUrl?: string;
  /** Bull key prefix in Redis. */
  prefix?: string;
  /** `api` enqueues only (on Bull); `worker` also processes. Inline always processes in-process. */
  role: ProcessRole;
  retryBackoffMs?: number;
  /** Override who owns repeating jobs (the operator CLI owns none). */
  runSchedules?: boolean;
}

@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    const shared: Provider[] = [JobRegistry, JobRunner];
    if (options.retryBackoffMs !== undefined) {
      shared.push({ provide: JOB_RETRY_BACKOFF_MS_TOKEN, useValue: options.retryBackoffMs });
    }
    if (!options.redisUrl) {
      return {
        module: QueueModule,
        global: true,
        imports: [DiscoveryModule],
        providers: [
          ...shared,
          InlineJobQueue,
          { provide: JobQueue, useExisting: InlineJobQueue },
          { provide: RUNS_SCHEDULES, useValue: options.runSchedules ?? true },
        ],
        exports: [JobQueue, RUNS_SCHEDULES],
      };
    }
    return {
      module: QueueModule,
      global: true,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({ url: options.redisUrl, prefix: options.prefix ?? 'lbi' }),
        BullModule.registerQueue({ name: LBI_QUEUE }),
      ],
      providers: [
        ...shared,
        BullJobQueue,
        { provide: JobQueue, useExisting: BullJobQueue },
        { provide: RUNS_SCHEDULES, useValue: options.runSchedules ?? options.role === 'worker' },
        ...(options.role === 'worker' ? [BullJobProcessor] : []),
      ],
      exports: [JobQueue, RUNS_SCHEDULES],
    };
  }
}
