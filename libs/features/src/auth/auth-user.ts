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
}
