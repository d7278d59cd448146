import { SetMetadata } from '@nestjs/common';

export const ALLOW_PII_FIELDS_KEY = 'lbi:allowPiiFields';

/**
 * Exempts exact dotted body paths from the PII guard on one handler, e.g. `@AllowPiiFields('email')`
 * on the handlers that take an account email (sign-in, creating a user). Method-only on purpose: an
 * exemption is named on each handler that needs it, never inherited from a controller. It covers the
 * request body only (query strings are always checked) and the named paths only: `email` does not
 * exempt `contact.email` or `Email`, and every other field of the body is still checked.
 */
export const AllowPiiFields = (...paths: [string, ...string[]]): MethodDecorator =>
  SetMetadata(ALLOW_PII_FIELDS_KEY, paths);
