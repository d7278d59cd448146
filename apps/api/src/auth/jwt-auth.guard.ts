import {
  BadRequestException,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CLIENT_ID_HEADER } from '@lbi/contracts';
import { AuthUser, ClientsService } from '@lbi/features';
import { TenantScope } from '@lbi/server';
import { IS_PUBLIC_KEY } from './public.decorator';
import { RequestWithAuth } from './request-with-auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard, deny by default: every matched route needs a valid bearer token of an active user
 * unless it is @Public(). It also resolves the request's tenant scope (the user's own client, or for
 * the platform admin the X-Client-Id one), which the TenantContextInterceptor then enters.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: ClientsService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    request.tenantScope = await this.scopeFor(request.user as AuthUser, request.headers[CLIENT_ID_HEADER]);
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: unknown, info: unknown): TUser {
    if (error) throw error;
    if (!user) throw new UnauthorizedException(unauthorizedMessage(info));
    return user as TUser;
  }

  private async scopeFor(user: AuthUser, header: string | string[] | undefined): Promise<TenantScope> {
    const base = { userId: user.userId, role: user.role };
    const requested = Array.isArray(header) ? header[0] : header;
    if (user.clientId !== null) {
      if (requested !== undefined && requested.toLowerCase() !== user.clientId) {
        throw new ForbiddenException(
          'X-Client-Id is for the platform admin only; your account acts in its own client',
        );
      }
      return { ...base, clientId: user.clientId, platformAdmin: false };
    }
    if (requested === undefined || requested === '') return { ...base, platformAdmin: true };
    if (!UUID.test(requested)) {
      throw new BadRequestException('X-Client-Id must be the UUID of a client (see GET /api/v1/clients)');
    }
    const client = await this.clients.findById(requested.toLowerCase());
    if (!client) throw new NotFoundException(`No client with id ${requested} (from X-Client-Id)`);
    return { ...base, clientId: client.id, platformAdmin: true };
  }
}

function unauthorizedMessage(info: unknown): string {
  const name = info instanceof Error ? info.name : undefined;
  if (name === 'TokenExpiredError') return 'Your access token has expired; sign in again';
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError') {
    return 'The access token is invalid; sign in again at POST /api/v1/auth/login';
  }
  if (info instanceof Error && /no auth token/i.test(info.message)) {
    return 'Sign in first: send Authorization: Bearer <access_token> from POST /api/v1/auth/login';
  }
  if (info instanceof Error) return 'The access token is invalid; sign in again at POST /api/v1/auth/login';
  return 'The account behind this token is deactivated or no longer exists';
}
