import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JOB_RETRY_ATTEMPTS } from '@lbi/contracts';
import { isPermanentJobError } from './job-errors';
import { JobRunner } from './job-runner';
import { LBI_QUEUE } from './bull-job-queue';

/** Worker side of the Bull driver: every named job goes through the shared JobRunner. */
@Processor(LBI_QUEUE)
export class BullJobProcessor {
  constructor(private readonly runner: JobRunner) {}

  @Process({ name: '*', concurrency: 2 })
  async handle(job: Job): Promise<unknown> {
    const maxAttempts = job.opts.attempts ?? JOB_RETRY_ATTEMPTS;
    const attempt = job.attemptsMade + 1;
    try {
      return await this.runner.run(job.name, job.data, {
        jobId: String(job.id),
        attempt,
        maxAttempts,
        isFinalAttempt: attempt >= maxAttempts,
      });
    } catch (error) {
      // Retrying cannot fix a permanent error: tell Bull not to try again.
      if (isPermanentJobError(error)) await job.discard();
      throw error;
    }
  }
}
