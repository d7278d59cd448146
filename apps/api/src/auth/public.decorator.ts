import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, OpenAPIObject } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'lbi:isPublic';

/** Marks public operations in the generated OpenAPI document until markPublicOperations runs. */
const PUBLIC_EXTENSION = 'x-public';

/**
 * Opts a route out of the global bearer-token guard (deny by default). Only sign-in and health use
 * it. In the OpenAPI document the operation gets `security: []` (see markPublicOperations).
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * The document requires the bearer scheme everywhere; a public operation overrides that with an
 * empty requirement list (Swagger's own decorators drop an empty list, hence this pass).
 */
export function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && PUBLIC_EXTENSION in operation) {
        delete (operation as Record<string, unknown>)[PUBLIC_EXTENSION];
        (operation as { security?: unknown[] }).security = [];
      }
    }
  }
  return document;
}
