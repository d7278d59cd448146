import { TenantContext, TenantScope } from '@lbi/server';

/** The signed-in user of the current request, as the auth guard put it in the tenant context. */
export type Actor = TenantScope & { userId: string };

export function currentActor(): Actor {
  const scope = TenantContext.current();
  if (!scope?.userId) throw new Error('No signed-in user in the tenant context (is the route @Public?)');
  return scope as Actor;
}
