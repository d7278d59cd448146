import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES, type UserResponse } from '@lbi/contracts';

/** OpenAPI description of a user as the API shows it. */
export class UserResponseDto implements UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'analyst@agency.example' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the platform admin' })
  client_id!: string | null;

  @ApiProperty()
  is_active!: boolean;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}
