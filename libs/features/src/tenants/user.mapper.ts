import type { UserResponse } from '@lbi/contracts';
import { User } from './user.entity';

/** The only way a User leaves the API: named fields, never the password hash. */
export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    client_id: user.clientId,
    is_active: user.isActive,
    created_at: user.createdAt.toISOString(),
  };
}
