import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PiiViolation, findPii, formatPiiViolations } from '@lbi/pii';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { ALLOW_PII_FIELDS_KEY } from './allow-pii-fields.decorator';

/** Methods whose body and query can write: each is checked before validation and the handler. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * PII guard for request input (ARCHITECTURE.md convention 6): refuses a write whose body or query
 * string holds PII, a key that names it (`owner_name`, `phone`) or a value that contains it (`Call
 * 215-555-0142` in a client's name), with 400 naming the field and the kind, never the value.
 *
 * Global, and registered before the other interceptors: interceptors run before pipes, so nothing
 * (validation, the tenant transaction, the handler) sees refused input. Handlers that take an
 * account email exempt exactly that path with `@AllowPiiFields('email')`; secrets such as `password`
 * are never read (see defaultValueScan in @lbi/pii). Multipart bodies are parsed later, by the upload
 * handler's own interceptor: files are checked by the import (headers and values), not here.
 */
@Injectable()
export class PiiGuardInterceptor implements NestInterceptor {
  private readonly logger = new Logger('PiiGuard');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!WRITE_METHODS.has(request.method.toUpperCase())) return next.handle();

    const allowKeys = this.reflector.get<string[] | undefined>(ALLOW_PII_FIELDS_KEY, context.getHandler());
    const violations: PiiViolation[] = [
      ...findPii(request.body, { allowKeys }),
      // The query string is never exempt; its fields are named `query.<name>`.
      ...findPii(request.query).map((violation) => ({
        ...violation,
        path: violation.path === '' ? 'query' : `query.${violation.path}`,
      })),
    ];
    if (violations.length === 0) return next.handle();

    // Paths and kinds only: a violation has no field for the value.
    this.logger.warn({
      msg: 'pii refused',
      handler: `${context.getClass().name}.${context.getHandler().name}`,
      violations,
    });
    throw new BadRequestException(formatPiiViolations(violations));
  }
}
