import type { AuthUser } from '@lbi/features';
import type { TenantScope } from '@lbi/server';
import type { Request } from 'express';

/** The request after the auth guard: the verified user and the tenant scope it resolved. */
export interface RequestWithAuth extends Request {
  user?: AuthUser;
  tenantScope?: TenantScope;
}
