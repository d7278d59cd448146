import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JOB_RETRY_ATTEMPTS, JOB_RETRY_BACKOFF_MS, JobName, JobPayload } from '@lbi/contracts';
import type { Queue } from 'bull';
import { JOB_RETRY_BACKOFF_MS_TOKEN } from './inline-job-queue';
import { tenantKeyOf } from './inline-job-queue';
import { QueueUnavailableError } from './job-errors';
import { EnqueueOptions, JobQueue, QueueHealth, Schedule } from './job-queue';

export const LBI_QUEUE = 'lbi';

/** How long an enqueue may wait for Redis before the request is answered 503. */
export const ENQUEUE_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(`Redis did not answer within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Bull's lowest priority (priorities are 1 … 2^21). */
const MAX_PRIORITY = 2_097_152;

function backlogKey(queue: Queue, tenant: string): string {
  // Bull's own keys are `<prefix>:<queue name>:…` (toKey): the counters live beside them.
  return (queue as unknown as { toKey(type: string): string }).toKey(`tenant-backlog:${tenant}`);
}

/** Bull on Redis: the API enqueues, worker processes (apps/worker) run the jobs. */
@Injectable()
export class BullJobQueue extends JobQueue {
  readonly driver = 'bull' as const;

  constructor(
    @InjectQueue(LBI_QUEUE) private readonly queue: Queue,
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
    // ioredis holds commands while Redis is away: bound the wait, so a request answers 503 instead of
    // hanging. A job the offline queue delivers later finds its run already failed and does nothing.
    const job = await withTimeout(
      this.queue.add(name, payload, {
        jobId: options.jobId,
        delay: options.delayMs,
        priority: await this.fairPriority(payload),
        attempts: JOB_RETRY_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.retryBackoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      }),
      ENQUEUE_TIMEOUT_MS,
    );
    return { id: String(job.id) };
  }

  /**
   * Fair across tenants: a job's priority is its position in its own tenant's backlog (Bull runs lower
   * numbers first, and equal ones in arrival order), so tenant B's first job runs right after tenant
   * A's first, not after A's whole backlog. The count lives in Redis beside the queue, raised here and
   * lowered by the processor when a job is done for good; it expires a day after its last use, so a
   * worker that died mid-job cannot skew it for long.
   */
  private async fairPriority(payload: unknown): Promise<number> {
    const key = backlogKey(this.queue, tenantKeyOf(payload));
    const position = await withTimeout(this.queue.client.incr(key), ENQUEUE_TIMEOUT_MS);
    await this.queue.client.expire(key, 86_400);
    return Math.min(Math.max(position, 1), MAX_PRIORITY);
  }

  /** The processor's side of fairPriority: a job left the tenant's backlog. */
  static async jobDone(queue: Queue, payload: unknown): Promise<void> {
    const key = backlogKey(queue, tenantKeyOf(payload));
    const left = await queue.client.decr(key);
    if (left <= 0) await queue.client.del(key);
  }

  async schedule<N extends JobName>(name: N, payload: JobPayload<N>, schedule: Schedule): Promise<void> {
    // A repeatable job is keyed by name and schedule: drop older schedules of this name first, so
    // changing CENSUS_REFRESH_CRON does not leave the old one firing too.
    for (const existing of await this.queue.getRepeatableJobs()) {
      if (existing.name === name) await this.queue.removeRepeatableByKey(existing.key);
    }
    const repeat = 'cron' in schedule ? { cron: schedule.cron, tz: 'UTC' } : { every: schedule.everyMs };
    await this.queue.add(name, payload, { repeat, attempts: 1, removeOnComplete: 100, removeOnFail: 500 });
  }

  async health(): Promise<QueueHealth> {
    try {
      // ioredis queues commands while disconnected: bound the wait so health answers promptly.
      const counts = await Promise.race([
        this.queue.client.ping().then(() => this.queue.getJobCounts()),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('Redis did not answer within 3 s')), 3000).unref(),
        ),
      ]);
      return { status: 'up', driver: this.driver, ...counts };
    } catch (error) {
      return {
        status: 'down',
        driver: this.driver,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await this.queue.getJobCounts();
      // The next occurrence of a repeating job sits in `delayed` for good: it does not count as pending.
      const delayed =
        counts.delayed > 0 ? (await this.queue.getDelayed()).filter((job) => !job.opts.repeat).length : 0;
      if (counts.waiting + counts.active + delayed === 0) return;
      if (Date.now() > deadline) throw new Error(`Bull jobs still pending after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
