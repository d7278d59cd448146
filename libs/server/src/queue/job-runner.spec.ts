import { Logger } from '@nestjs/common';
import { JobName } from '@lbi/contracts';
import { TenantContext } from '../tenancy/tenant-context';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';

const TENANT_A = '6f1c2b9e-4a43-4c55-9a5e-7d2f0e1b3c4d';
const TENANT_B = '0b6a4c1e-93f2-4d7a-8e55-2c1d9f7a6b30';
const attempt = { jobId: 'j1', attempt: 1, maxAttempts: 3, isFinalAttempt: false };

function runnerSeeing(): { runner: JobRunner; seen: () => unknown[] } {
  const seen: unknown[] = [];
  const registry = {
    handlerFor: () => async () => {
      seen.push(TenantContext.current());
    },
  } as unknown as JobRegistry;
  return { runner: new JobRunner(registry), seen: () => seen };
}

describe('JobRunner', () => {
  beforeAll(() => Logger.overrideLogger(false));
  it('enters the tenant named in the payload, whatever tenant the calling callback carried', async () => {
    const { runner, seen } = runnerSeeing();
    // As if Bull called back in an async context left over from another tenant's job.
    await TenantContext.run({ clientId: TENANT_B, userId: 'someone' }, () =>
      runner.run(JobName.GenerateReport, { client_id: TENANT_A, report_id: 'r1' }, attempt),
    );
    expect(seen()).toEqual([{ clientId: TENANT_A }]);
  });

  it('runs a platform job with no tenant at all, even when called back inside a tenant', async () => {
    const { runner, seen } = runnerSeeing();
    await TenantContext.run({ clientId: TENANT_B }, () =>
      runner.run(JobName.ReapStaleRuns, { older_than_ms: 1 }, attempt),
    );
    expect(seen()).toEqual([undefined]);
  });

  it('refuses a tenant job without client_id rather than running it unscoped', async () => {
    const { runner, seen } = runnerSeeing();
    await expect(runner.run(JobName.GenerateReport, { report_id: 'r1' }, attempt)).rejects.toThrow(
      /no client_id/,
    );
    expect(seen()).toEqual([]);
  });
});

describe('TenantContext.requireClientId', () => {
  it('gives the X-Client-Id advice only to a platform admin without a tenant', () => {
    expect(() =>
      TenantContext.run({ userId: 'u', platformAdmin: true }, () => TenantContext.requireClientId()),
    ).toThrow(/X-Client-Id/);
  });

  it('calls a missing scope an internal error, never the platform admin’s advice', () => {
    expect(() => TenantContext.requireClientId()).toThrow(/without its tenant context/);
    expect(() =>
      TenantContext.run({ userId: 'u', platformAdmin: false }, () => TenantContext.requireClientId()),
    ).toThrow(/without its tenant context/);
  });
});
