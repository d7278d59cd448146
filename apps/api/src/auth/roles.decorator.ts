import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role, ROLES } from '@lbi/contracts';

export const ROLES_KEY = 'lbi:roles';

/** Every role: for reads any signed-in user may make. */
export const ANY_ROLE: readonly Role[] = ROLES;

/**
 * The roles allowed to call a handler. Every non-public route must declare them: a route with none
 * is refused to everyone (and the route-walk test fails).
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth('bearer'),
    ApiHeader({
      name: 'X-Client-Id',
      required: false,
      description: 'Platform admin only: the client (tenant) to act in',
      schema: { type: 'string', format: 'uuid' },
    }),
    ApiUnauthorizedResponse({ description: 'No bearer token, or an invalid or expired one' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );
