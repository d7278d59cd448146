import { Logger } from '@nestjs/common';
import { JobName } from '@lbi/contracts';
import { InlineJobQueue } from './inline-job-queue';
import { JobAttempt } from './job-context';
import { PermanentJobError } from './job-errors';
import { JobRunner } from './job-runner';
import { TenantContext } from '../tenancy/tenant-context';

type RunFn = (name: string, payload: unknown, attempt: JobAttempt) => Promise<unknown>;

function queueWith(run: RunFn): { queue: InlineJobQueue; calls: JobAttempt[] } {
  const calls: JobAttempt[] = [];
  const runner = {
    run: (name: string, payload: unknown, attempt: JobAttempt) => {
      calls.push(attempt);
      return run(name, payload, attempt);
    },
  } as unknown as JobRunner;
  return { queue: new InlineJobQueue(runner, 1), calls };
}

describe('InlineJobQueue', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('returns before the job runs, then runs it', async () => {
    const order: string[] = [];
    const { queue } = queueWith(async () => {
      order.push('ran');
    });
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 });
    order.push('enqueued');
    await queue.drain();
    expect(order).toEqual(['enqueued', 'ran']);
    expect(await queue.health()).toMatchObject({ status: 'up', driver: 'inline', completed: 1, failed: 0 });
  });

  it('runs jobs one at a time, in order', async () => {
    let active = 0;
    let maxActive = 0;
    const seen: unknown[] = [];
    const { queue } = queueWith(async (_name, payload) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push((payload as { older_than_ms: number }).older_than_ms);
      active -= 1;
    });
    for (const n of [1, 2, 3]) await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: n });
    await queue.drain();
    expect(seen).toEqual([1, 2, 3]);
    expect(maxActive).toBe(1);
  });

  it('retries a transient failure and tells the handler which attempt is the last', async () => {
    const { queue, calls } = queueWith(async (_name, _payload, attempt) => {
      if (attempt.attempt < 3) throw new Error('connection reset');
    });
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 });
    await queue.drain();
    expect(calls.map((call) => [call.attempt, call.isFinalAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(await queue.health()).toMatchObject({ completed: 1, failed: 0 });
  });

  it('does not retry a permanent failure', async () => {
    const { queue, calls } = queueWith(async () => {
      throw new PermanentJobError('unknown variable');
    });
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 });
    await queue.drain();
    expect(calls).toHaveLength(1);
    expect(await queue.health()).toMatchObject({ completed: 0, failed: 1 });
  });

  it('ignores a second enqueue with the same job id while the first is pending', async () => {
    const { queue, calls } = queueWith(async () => undefined);
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 }, { jobId: 'same' });
    await queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 }, { jobId: 'same' });
    await queue.drain();
    expect(calls).toHaveLength(1);
  });

  it('fires a schedule repeatedly and stops it on shutdown', async () => {
    const { queue, calls } = queueWith(async () => undefined);
    await queue.schedule(JobName.ReapStaleRuns, { older_than_ms: 1 }, { everyMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 110));
    await queue.drain();
    const fired = calls.length;
    expect(fired).toBeGreaterThanOrEqual(2);
    await queue.onModuleDestroy();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls.length).toBe(fired);
    expect((await queue.health()).status).toBe('down');
  });

  it('does not let a job inherit the tenant of the request that enqueued it', async () => {
    let seen: unknown = 'not run';
    const { queue } = queueWith(async () => {
      seen = TenantContext.current();
    });
    await TenantContext.run({ clientId: '6f1c2b9e-4a43-4c55-9a5e-7d2f0e1b3c4d' }, () =>
      queue.enqueue(JobName.ReapStaleRuns, { older_than_ms: 1 }),
    );
    await queue.drain();
    expect(seen).toBeUndefined();
  });

  it('is fair across tenants: a second tenant waits behind one job of a long backlog, not all of it', async () => {
    const order: string[] = [];
    const { queue } = queueWith(async (_name, payload) => {
      order.push((payload as { client_id: string; n: number }).client_id);
    });
    const A = '6f1c2b9e-4a43-4c55-9a5e-7d2f0e1b3c4d';
    const B = '0b6a4c1e-93f2-4d7a-8e55-2c1d9f7a6b30';
    for (let n = 0; n < 30; n++) {
      await queue.enqueue(JobName.GenerateReport, { client_id: A, report_id: `a${n}` });
    }
    await queue.enqueue(JobName.GenerateReport, { client_id: B, report_id: 'b0' });
    await queue.enqueue(JobName.GenerateReport, { client_id: B, report_id: 'b1' });
    await queue.drain();
    expect(order).toHaveLength(32);
    // A's first job, then B, A, B: round-robin until B has nothing left.
    expect(order.slice(0, 4)).toEqual([A, B, A, B]);
    expect(order.slice(4).every((tenant) => tenant === A)).toBe(true);
  });
});
