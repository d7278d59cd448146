import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import { normaliseEmail } from '@lbi/features';

const MINUTE_MS = 60_000;

/**
 * Sign-in throttling, per minute: per client IP, and per (email address, IP) pair. The pair, not the
 * email alone, so that wrong passwords sent for someone's address from elsewhere cannot lock that
 * person out; AuthService slows attempts for a much-failed address down instead (SignInSlowdown).
 * Refusals answer 429 in the contract shape with a plain `Retry-After` (seconds).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override setResponseHeader(
    response: Record<string, unknown>,
    name: string,
    value: string | number,
  ) {
    // Named throttlers would answer `Retry-After-ip`; clients understand only `Retry-After`.
    super.setResponseHeader(response, name.startsWith('Retry-After') ? 'Retry-After' : name, value);
  }
}

export function loginThrottlerOptions(limits: { perIp: number; perEmail: number }): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'ip', ttl: MINUTE_MS, limit: limits.perIp },
      {
        name: 'email',
        ttl: MINUTE_MS,
        limit: limits.perEmail,
        // Guards run before validation: read the raw body defensively (a body without an email is
        // refused by validation, and counted per IP only). The key is hashed, never logged.
        skipIf: (context) => typeof bodyEmail(context.switchToHttp().getRequest()) !== 'string',
        getTracker: (request: Record<string, unknown>) =>
          `email:${normaliseEmail(String(bodyEmail(request)))}|ip:${String(request.ip)}`,
      },
    ],
    errorMessage: (_context, detail) =>
      `Too many sign-in attempts; wait ${detail.timeToBlockExpire} seconds and try again`,
  };
}

function bodyEmail(request: Record<string, unknown>): unknown {
  return (request.body as { email?: unknown } | undefined)?.email;
}
