import { InjectQueue, Process, Processor } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { JOB_RETRY_ATTEMPTS } from '@lbi/contracts';
import { isPermanentJobError } from './job-errors';
import { JobRunner } from './job-runner';
import { BullJobQueue, LBI_QUEUE } from './bull-job-queue';

/** Worker side of the Bull driver: every named job goes through the shared JobRunner. */
@Processor(LBI_QUEUE)
export class BullJobProcessor {
  constructor(
    private readonly runner: JobRunner,
    @InjectQueue(LBI_QUEUE) private readonly queue: Queue,
  ) {}

  @Process({ name: '*', concurrency: 2 })
  async handle(job: Job): Promise<unknown> {
    const maxAttempts = job.opts.attempts ?? JOB_RETRY_ATTEMPTS;
    const attempt = job.attemptsMade + 1;
    let done = attempt >= maxAttempts;
    try {
      const result = await this.runner.run(job.name, job.data, {
        jobId: String(job.id),
        attempt,
        maxAttempts,
        isFinalAttempt: attempt >= maxAttempts,
      });
      done = true;
      return result;
    } catch (error) {
      // Retrying cannot fix a permanent error: tell Bull not to try again.
      if (isPermanentJobError(error)) {
        await job.discard();
        done = true;
      }
      throw error;
    } finally {
      // Repeatable jobs are not counted in any backlog (they are scheduled, not enqueued).
      if (done && !job.opts.repeat) await BullJobQueue.jobDone(this.queue, job.data).catch(() => undefined);
    }
  }
}
