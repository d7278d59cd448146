import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@lbi/contracts';
import { IS_PUBLIC_KEY } from './public.decorator';
import { RequestWithAuth } from './request-with-auth';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard after JwtAuthGuard: the user's role must be one the handler's @Roles(...) names. A
 * protected route that declares no roles is refused to everyone (deny by default).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new ForbiddenException('This route declares no roles, so nobody may call it');
    }
    const user = context.switchToHttp().getRequest<RequestWithAuth>().user;
    if (!user) throw new UnauthorizedException('Sign in first');
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(
        `Your role (${user.role}) cannot do this; it needs: ${roles.join(' or ')}`,
      );
    }
    return true;
  }
}
