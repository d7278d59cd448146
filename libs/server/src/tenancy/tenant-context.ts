import { AsyncLocalStorage } from 'node:async_hooks';
import { Role } from '@lbi/contracts';

export interface TenantScope {
  /** The tenant every query of this request or job is confined to. */
  clientId: string;
  userId?: string;
  role?: Role;
}

const storage = new AsyncLocalStorage<TenantScope>();

export class NoTenantError extends Error {
  constructor() {
    super('No tenant is set for this operation');
    this.name = 'NoTenantError';
  }
}

/**
 * The one place the current tenant lives (ARCHITECTURE.md convention 3). Requests enter it in the
 * auth guard, jobs in the job runner; code reads it only through these accessors.
 */
export const TenantContext = {
  run<T>(scope: TenantScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  current(): TenantScope | undefined {
    return storage.getStore();
  },
  /** The current tenant's id; throws when no tenant is set, so nothing runs unscoped by accident. */
  requireClientId(): string {
    const scope = storage.getStore();
    if (!scope) throw new NoTenantError();
    return scope.clientId;
  },
};
