import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TenantContext } from '@lbi/server';
import { Observable } from 'rxjs';
import { RequestWithAuth } from './request-with-auth';

/**
 * Runs the rest of the request (pipes, handler, everything it awaits) inside the tenant scope the
 * auth guard resolved. Guards cannot wrap the handler; an interceptor can: `next.handle()` is
 * called, and subscribed to, inside TenantContext.run, so the handler runs in that async context.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = context.switchToHttp().getRequest<RequestWithAuth>().tenantScope;
    if (!scope) return next.handle();
    return new Observable((subscriber) =>
      TenantContext.run(scope, () => {
        const subscription = next.handle().subscribe(subscriber);
        return () => subscription.unsubscribe();
      }),
    );
  }
}
