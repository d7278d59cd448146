import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { JOB_RETRY_ATTEMPTS, JOB_RETRY_BACKOFF_MS, JobName, JobPayload } from '@lbi/contracts';
import { CronJob } from 'cron';
import { isPermanentJobError } from './job-errors';
import { EnqueueOptions, JOB_RETRY_DELAYS, JobQueue, QueueHealth, Schedule } from './job-queue';
import { TenantContext } from '../tenancy/tenant-context';
import { outsideTenantTransaction } from '../tenancy/tenant-db';
import { JobRunner } from './job-runner';

/** Overrides the retry backoff base (tests use a few milliseconds). */
export const JOB_RETRY_BACKOFF_MS_TOKEN = Symbol('JOB_RETRY_BACKOFF_MS');

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
}

/**
 * Runs jobs in this process, one at a time, with the same handlers, retries and tenant entry as
 * the Bull driver. Used on the embedded default (no Redis) and in tests. One at a time matters on
 * PGlite, which is a single database session: parallel imports would only queue behind each other.
 */
@Injectable()
export class InlineJobQueue extends JobQueue implements OnModuleDestroy {
  readonly driver = 'inline' as const;
  private readonly logger = new Logger(InlineJobQueue.name);
  private readonly waiting: PendingJob[] = [];
  private readonly pendingIds = new Set<string>();
  private readonly schedules = new Map<string, { stop(): void }>();
  private running: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  /** When each tenant's last job started, for round-robin between tenants. */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  private completed = 0;
  private failed = 0;

  constructor(
    private readonly runner: JobRunner,
    @Optional()
    @Inject(JOB_RETRY_BACKOFF_MS_TOKEN)
    private readonly retryBackoffMs: number = JOB_RETRY_BACKOFF_MS,
  ) {
    super();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions = {},
  ): Promise<{ id: string }> {
    const id = options.jobId ?? randomUUID();
    if (this.pendingIds.has(id)) return { id };
    this.pendingIds.add(id);
    const job = { id, name, payload };
    if (options.delayMs) {
      setTimeout(() => this.push(job), options.delayMs).unref();
    } else {
      this.push(job);
    }
    return { id };
  }

  async schedule<N extends JobName>(name: N, payload: JobPayload<N>, schedule: Schedule): Promise<void> {
    this.schedules.get(name)?.stop();
    const tick = () => void this.enqueue(name, payload, { jobId: `scheduled:${name}` });
    if ('cron' in schedule) {
      const job = CronJob.from({ cronTime: schedule.cron, onTick: tick, start: true, timeZone: 'UTC' });
      this.schedules.set(name, { stop: () => void job.stop() });
    } else {
      const timer = setInterval(tick, schedule.everyMs);
      timer.unref();
      this.schedules.set(name, { stop: () => clearInterval(timer) });
    }
  }

  async health(): Promise<QueueHealth> {
    return {
      status: this.stopped ? 'down' : 'up',
      driver: this.driver,
      waiting: this.waiting.length,
      active: this.running ? 1 : 0,
      completed: this.completed,
      failed: this.failed,
    };
  }

  async drain(timeoutMs = 60_000): Promise<void> {
    if (!this.running && this.waiting.length === 0 && this.pendingIds.size === 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Jobs still running after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    for (const schedule of this.schedules.values()) schedule.stop();
    this.schedules.clear();
    // Let the job in hand finish so no run is left half-done; queued ones are dropped.
    this.stopped = true;
    this.waiting.length = 0;
    await this.running;
  }

  private push(job: PendingJob): void {
    if (this.stopped) return;
    this.waiting.push(job);
    // The loop must not inherit the enqueuing request's tenant or transaction: jobs enter their own.
    if (!this.running) {
      this.running = TenantContext.outside(() => outsideTenantTransaction(() => this.work()));
    }
  }

  private async work(): Promise<void> {
    // Start on the next turn so enqueue() returns (and an HTTP 202 goes out) before the job runs.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const job = this.takeNext();
      await this.runWithRetries(job);
      this.pendingIds.delete(job.id);
    }
    this.running = undefined;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Fair across tenants: the next job is the oldest one of the tenant served least recently, so one
   * tenant's long backlog does not hold the others' jobs behind it (round-robin).
   */
  private takeNext(): PendingJob {
    let best = 0;
    let bestServed = Number.POSITIVE_INFINITY;
    const seen = new Set<string>();
    for (let i = 0; i < this.waiting.length; i++) {
      const tenant = tenantKeyOf(this.waiting[i].payload);
      if (seen.has(tenant)) continue;
      seen.add(tenant);
      const served = this.lastServed.get(tenant) ?? -1;
      if (served < bestServed) {
        best = i;
        bestServed = served;
      }
    }
    const [job] = this.waiting.splice(best, 1);
    this.lastServed.set(tenantKeyOf(job.payload), this.served++);
    return job;
  }

  private async runWithRetries(job: PendingJob): Promise<void> {
    for (let attempt = 1; attempt <= JOB_RETRY_ATTEMPTS; attempt += 1) {
      const isFinalAttempt = attempt === JOB_RETRY_ATTEMPTS;
      try {
        await this.runner.run(job.name, job.payload, {
          jobId: job.id,
          attempt,
          maxAttempts: JOB_RETRY_ATTEMPTS,
          isFinalAttempt,
        });
        this.completed += 1;
        return;
      } catch (error) {
        if (isFinalAttempt || isPermanentJobError(error) || this.stopped) {
          this.failed += 1;
          this.logger.error({ msg: 'job gave up', job: job.name, job_id: job.id, attempts: attempt });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, JOB_RETRY_DELAYS(attempt, this.retryBackoffMs)));
      }
    }
  }
}

/** The tenant a job works for (platform jobs share one key). */
export function tenantKeyOf(payload: unknown): string {
  const clientId = (payload as { client_id?: unknown } | null)?.client_id;
  return typeof clientId === 'string' ? clientId : 'platform';
}
