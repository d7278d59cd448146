import { AsyncLocalStorage } from 'node:async_hooks';
import { Role } from '@lbi/contracts';

export interface TenantScope {
  /**
   * The tenant every query of this request or job is confined to. Unset only for a platform admin's
   * request without `X-Client-Id`: routes that need a tenant then answer 400 through requireClientId().
   */
  clientId?: string;
  /** The signed-in user (requests only). */
  userId?: string;
  role?: Role;
  /** True for the platform admin (role admin, no client of its own), whatever tenant it acts in. */
  platformAdmin?: boolean;
}

const storage = new AsyncLocalStorage<TenantScope>();

export class NoTenantError extends Error {
  constructor() {
    super(
      'This needs a tenant: as the platform admin, send X-Client-Id: <client uuid> to act inside one client',
    );
    this.name = 'NoTenantError';
  }
}

/**
 * Code that needs a tenant ran with no tenant scope at all: a bug (typically a library callback that
 * runs outside the request's async context), never the caller's fault. Answered as a 500 and logged;
 * it must never read as the platform admin's "send X-Client-Id" advice.
 */
export class TenantContextMissingError extends Error {
  constructor() {
    super('Internal error: this work ran without its tenant context');
    this.name = 'TenantContextMissingError';
  }
}

/**
 * The one place the current tenant lives (ARCHITECTURE.md convention 3). Requests enter it in the
 * TenantContextInterceptor (with the scope the auth guard resolved), jobs in the job runner; code
 * reads it only through these accessors.
 */
export const TenantContext = {
  run<T>(scope: TenantScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  /** Runs `fn` with no tenant at all, e.g. a job started from inside a request. */
  outside<T>(fn: () => T): T {
    return storage.exit(fn);
  },
  current(): TenantScope | undefined {
    return storage.getStore();
  },
  /**
   * The current tenant's id; throws when no tenant is set, so nothing runs unscoped by accident. Only
   * a platform admin's scope without a client gives the "send X-Client-Id" error (NoTenantError); a
   * missing scope is an internal error (TenantContextMissingError).
   */
  requireClientId(): string {
    const scope = storage.getStore();
    if (scope?.clientId) return scope.clientId;
    if (scope?.platformAdmin === true) throw new NoTenantError();
    throw new TenantContextMissingError();
  },
};
