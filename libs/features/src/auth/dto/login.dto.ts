import { ApiProperty } from '@nestjs/swagger';
import { MAX_PASSWORD_LENGTH } from '@lbi/contracts';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Any string is accepted as an email here: a malformed one simply does not match (401, not 400). */
export class LoginDto {
  @ApiProperty({ example: 'admin@agency.example' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'a-long-passphrase', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description:
      'Only when one email and password open accounts in several clients: the client to sign in to',
  })
  @IsOptional()
  @IsUUID('all', { message: 'client_id must be the UUID of a client' })
  client_id?: string;
}
