import { Injectable, Logger } from '@nestjs/common';
import { JobName, TENANT_JOBS } from '@lbi/contracts';
import { TenantContext } from '../tenancy/tenant-context';
import { outsideTenantTransaction } from '../tenancy/tenant-db';
import { JobAttempt } from './job-context';
import { PermanentJobError } from './job-errors';
import { JobRegistry } from './job-registry';

/**
 * Runs one attempt of a job the same way for both drivers: enters the tenant named in the payload
 * (jobs never inherit a tenant from whoever enqueued them), calls the handler and logs the outcome
 * by job id and tenant id only (payload values are never logged).
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(private readonly registry: JobRegistry) {}

  async run(name: string, payload: unknown, attempt: JobAttempt): Promise<unknown> {
    const handler = this.registry.handlerFor(name);
    const started = Date.now();
    const clientId = this.tenantOf(name, payload);
    this.logger.log({
      msg: 'job started',
      job: name,
      job_id: attempt.jobId,
      attempt: attempt.attempt,
      client_id: clientId,
    });
    try {
      // Bull calls us from Redis client callbacks and the inline driver from its loop: whatever async
      // context they carry (another job's tenant, a request's transaction) is not this job's. The
      // tenant comes from the payload only; a platform job runs with no tenant at all.
      const result = await outsideTenantTransaction(() =>
        clientId
          ? TenantContext.run({ clientId }, () => handler(payload, attempt))
          : TenantContext.outside(() => handler(payload, attempt)),
      );
      this.logger.log({
        msg: 'job finished',
        job: name,
        job_id: attempt.jobId,
        duration_ms: Date.now() - started,
      });
      return result;
    } catch (error) {
      this.logger.warn({
        msg: 'job failed',
        job: name,
        job_id: attempt.jobId,
        attempt: attempt.attempt,
        final: attempt.isFinalAttempt,
        error: error instanceof Error ? error.message : String(error),
        duration_ms: Date.now() - started,
      });
      throw error;
    }
  }

  private tenantOf(name: string, payload: unknown): string | undefined {
    if (!TENANT_JOBS.includes(name as JobName)) return undefined;
    const clientId = (payload as { client_id?: unknown } | null)?.client_id;
    if (typeof clientId !== 'string' || clientId.length === 0) {
      throw new PermanentJobError(`Job "${name}" has no client_id in its payload`);
    }
    return clientId;
  }
}
