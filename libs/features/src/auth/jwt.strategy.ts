import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig } from '@lbi/server';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UsersService } from '../tenants/users.service';
import { AccessTokenClaims, AuthUser } from './auth-user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies `Authorization: Bearer <token>` (signature, expiry, token version) against the user as it
 * is now (UsersService.authUser: a cache that every change evicts, in every process with Redis), so a
 * deactivated or deleted account or a reset password ends access at once and role changes apply at
 * once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    if (!config.jwtSecret) throw new Error('JWT_SECRET is not set: the API cannot verify tokens');
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse it as a public
      // key and then builds a secret key on every request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      ignoreExpiration: false,
      algorithms: ['HS256'],
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser | false> {
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return false;
    // jsonwebtoken checks `exp` only when present: a token that never expires is refused here.
    if (typeof claims.exp !== 'number' || !Number.isInteger(claims.ver)) return false;
    const user = await this.users.authUser(claims.sub);
    if (!user || !user.isActive) return false;
    // Issued before a password reset or a deactivation: no longer valid.
    if (user.tokenVersion !== claims.ver) return false;
    return { userId: user.id, role: user.role, clientId: user.clientId };
  }
}
