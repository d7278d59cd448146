import { ApiProperty } from '@nestjs/swagger';
import type { LoginResponse } from '@lbi/contracts';
import { UserResponseDto } from '../../tenants/dto/user-response.dto';

/** OpenAPI description of the login answer. */
export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <access_token>`' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expires_in!: number;

  @ApiProperty({ type: () => UserResponseDto })
  user!: UserResponseDto;
}
