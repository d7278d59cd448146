import { ApiProperty } from '@nestjs/swagger';
import type { ClientResponse } from '@lbi/contracts';

/** OpenAPI description of a client (tenant). */
export class ClientResponseDto implements ClientResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme Roofing' })
  name!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}
