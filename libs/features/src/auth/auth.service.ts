import { BadRequestException, Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@lbi/contracts';
import { AppConfig } from '@lbi/server';
import { normaliseEmail } from '../tenants/email';
import type { User } from '../tenants/user.entity';
import { toUserResponse } from '../tenants/user.mapper';
import { UsersService } from '../tenants/users.service';
import { AccessTokenClaims } from './auth-user';
import { verifyAgainstDummy, verifyPassword } from './password';
import { SignInSlowdown } from './sign-in-slowdown';
import { tokenLifetimeSeconds } from './token-lifetime';

/** One answer for every bad credential, so a caller cannot tell which part was wrong. */
export const INVALID_CREDENTIALS = 'Email or password is incorrect';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private readonly slowdown: SignInSlowdown;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.slowdown = new SignInSlowdown(config.loginRateLimitPerEmail);
  }

  /** Computes the dummy hash at start, so the first unknown-email login is not slower than the rest. */
  async onModuleInit(): Promise<void> {
    await verifyAgainstDummy('warm-up');
  }

  /**
   * Checks the credentials and issues a bearer token. Unknown email, wrong password and inactive
   * account all answer the same 401, after the same argon2 work (a dummy hash for unknown emails).
   * An email is unique per client, so it may open accounts in several clients: the password picks
   * the account, and `clientId` chooses when one password opens more than one.
   */
  async login(email: string, password: string, clientId?: string): Promise<LoginResponse> {
    const key = normaliseEmail(email);
    const wait = this.slowdown.delayFor(key);
    if (wait > 0) await sleep(wait);
    const candidates = (await this.users.findAllByEmail(email)).filter(
      (user) => clientId === undefined || user.clientId === clientId.toLowerCase(),
    );
    if (candidates.length === 0) {
      await verifyAgainstDummy(password);
      return this.refuse(key, 'unknown_account');
    }
    const matching: User[] = [];
    for (const user of candidates) {
      if (await verifyPassword(user.hashedPassword, password)) matching.push(user);
    }
    const active = matching.filter((user) => user.isActive);
    if (active.length === 0) {
      return this.refuse(key, matching.length > 0 ? 'inactive_account' : 'wrong_password');
    }
    if (active.length > 1) {
      throw new BadRequestException(
        'This email and password open accounts in more than one client: send client_id as well to choose one',
      );
    }
    const user = active[0];
    this.slowdown.recordSuccess(key);
    const expiresIn = tokenLifetimeSeconds(this.config.jwtExpiresIn);
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      client_id: user.clientId,
      ver: user.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    this.logger.log({ msg: 'login succeeded', user_id: user.id, role: user.role, client_id: user.clientId });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      user: toUserResponse(user),
    };
  }

  private refuse(key: string, reason: string): never {
    this.slowdown.recordFailure(key);
    this.logger.warn({ msg: 'login refused', reason });
    throw new UnauthorizedException(INVALID_CREDENTIALS);
  }
}
