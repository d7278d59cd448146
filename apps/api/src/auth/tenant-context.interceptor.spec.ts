import { CallHandler, ExecutionContext } from '@nestjs/common';
import { TenantContext, TenantScope } from '@lbi/server';
import { defer, firstValueFrom, from } from 'rxjs';
import { TenantContextInterceptor } from './tenant-context.interceptor';

const contextWith = (tenantScope?: TenantScope) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ tenantScope }) }) }) as unknown as ExecutionContext;

/** A handler that reads the tenant after an await, as real services do. */
const handler: CallHandler = {
  handle: () =>
    defer(() =>
      from(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return TenantContext.current();
        })(),
      ),
    ),
};

describe('TenantContextInterceptor', () => {
  const interceptor = new TenantContextInterceptor();

  it('runs the handler, across awaits, inside the scope the guard resolved', async () => {
    const scope = { clientId: 'client-1', userId: 'user-1', platformAdmin: false };
    expect(await firstValueFrom(interceptor.intercept(contextWith(scope), handler))).toEqual(scope);
    expect(TenantContext.current()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c'].map(
        (id) =>
          firstValueFrom(
            interceptor.intercept(contextWith({ clientId: id, userId: id }), handler),
          ) as Promise<TenantScope | undefined>,
      ),
    );
    expect(results.map((scope) => scope?.clientId)).toEqual(['a', 'b', 'c']);
  });

  it('leaves public requests without a tenant', async () => {
    expect(await firstValueFrom(interceptor.intercept(contextWith(undefined), handler))).toBeUndefined();
  });
});
