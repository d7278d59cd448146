import { Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@lbi/contracts';
import { AppConfig } from '@lbi/server';
import { toUserResponse } from '../tenants/user.mapper';
import { UsersService } from '../tenants/users.service';
import { AccessTokenClaims } from './auth-user';
import { verifyAgainstDummy, verifyPassword } from './password';
import { tokenLifetimeSeconds } from './token-lifetime';

/** One answer for every bad credential, so a caller cannot tell which part was wrong. */
export const INVALID_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Computes the dummy hash at start, so the first unknown-email login is not slower than the rest. */
  async onModuleInit(): Promise<void> {
    await verifyAgainstDummy('warm-up');
  }

  /**
   * Checks the credentials and issues a bearer token. Unknown email, wrong password and inactive
   * account all answer the same 401, after the same argon2 work (a dummy hash for unknown emails).
   */
  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      await verifyAgainstDummy(password);
      this.logger.warn({ msg: 'login refused', reason: 'unknown_account' });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const passwordMatches = await verifyPassword(user.hashedPassword, password);
    if (!passwordMatches || !user.isActive) {
      this.logger.warn({
        msg: 'login refused',
        reason: passwordMatches ? 'inactive_account' : 'wrong_password',
        user_id: user.id,
      });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const expiresIn = tokenLifetimeSeconds(this.config.jwtExpiresIn);
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, client_id: user.clientId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    this.logger.log({ msg: 'login succeeded', user_id: user.id, role: user.role, client_id: user.clientId });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      user: toUserResponse(user),
    };
  }
}
