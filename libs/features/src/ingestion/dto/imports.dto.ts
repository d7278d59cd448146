import { ApiProperty } from '@nestjs/swagger';
import type { ImportAcceptedResponse, UploadResponse } from '@lbi/contracts';
import { IsUUID, Matches } from 'class-validator';

export class UploadResponseDto implements UploadResponse {
  @ApiProperty({ example: '9f3c2a7be41d4c0f8a6b2d1e5c7f9a0b', description: 'Pass it to POST /import/*' })
  file_ref!: string;

  @ApiProperty({ example: 'events.csv', description: 'The uploaded name, for display only' })
  filename!: string;

  @ApiProperty({ example: 2048 })
  size_bytes!: number;

  @ApiProperty({ enum: ['csv', 'ics'], description: 'Recognised from the content, not the name' })
  content_kind!: 'csv' | 'ics';
}

export class ImportAcceptedDto implements ImportAcceptedResponse {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /ingestion-runs/:id for the outcome' })
  ingestion_run_id!: string;
}

/** Query of POST /import/{property|events|channels}. */
export class ImportQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'geography_id must be a UUID' })
  geography_id!: string;

  @ApiProperty({
    example: '9f3c2a7be41d4c0f8a6b2d1e5c7f9a0b',
    description: 'The file_ref POST /uploads returned',
  })
  @Matches(/^[0-9a-f]{32}$/, { message: 'file_ref must be the 32-character file_ref POST /uploads returned' })
  file_ref!: string;
}
