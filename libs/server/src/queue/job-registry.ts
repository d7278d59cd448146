import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JobName } from '@lbi/contracts';
import { JobAttempt } from './job-context';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';

export type JobHandlerFn = (payload: unknown, attempt: JobAttempt) => Promise<unknown>;

export class JobRegistryError extends Error {
  constructor(problems: string[]) {
    super(`Job handlers are misconfigured: ${problems.join('; ')}`);
    this.name = 'JobRegistryError';
  }
}

/**
 * Finds every @JobHandler method among the providers and fails the start-up when a JobName has
 * no handler or more than one, so a typo never turns into a job that silently never runs.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandlerFn>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, { fn: JobHandlerFn; owner: string }[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[methodName];
        if (typeof method !== 'function') continue;
        const jobName = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, method);
        if (!jobName) continue;
        const entries = found.get(jobName) ?? [];
        entries.push({
          fn: (payload, attempt) => Promise.resolve(method.call(instance, payload, attempt)),
          owner: `${instance.constructor.name}.${methodName}`,
        });
        found.set(jobName, entries);
      }
    }
    const problems: string[] = [];
    for (const name of Object.values(JobName)) {
      const entries = found.get(name) ?? [];
      if (entries.length === 0) problems.push(`"${name}" has no handler`);
      if (entries.length > 1)
        problems.push(`"${name}" has ${entries.length} handlers (${entries.map((e) => e.owner).join(', ')})`);
      if (entries.length === 1) this.handlers.set(name, entries[0].fn);
    }
    if (problems.length > 0) throw new JobRegistryError(problems);
  }

  handlerFor(name: string): JobHandlerFn {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new Error(`No handler is registered for job "${name}"`);
    return handler;
  }
}
