import { Role } from '@lbi/contracts';

/** Who a verified bearer token belongs to, re-read from the database on every request. */
export interface AuthUser {
  userId: string;
  role: Role;
  /** null for the platform admin. */
  clientId: string | null;
}

/** The JWT claims the API signs: the user id and nothing personal. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  client_id: string | null;
  /** The user's token version when the token was issued: a password reset or deactivation raises it. */
  ver: number;
  /** Set by the signer from JWT_EXPIRES_IN; a token without it is refused. */
  exp?: number;
}
