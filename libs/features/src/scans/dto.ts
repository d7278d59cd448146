import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_SCAN_LIMIT, MAX_SCAN_LIMIT } from '@lbi/contracts';
import { Allow, IsOptional, Matches } from 'class-validator';

/** The shapes only: ScansService checks the values so every refusal names its field the same way. */
export class CreateScanDto {
  @ApiProperty({ example: 'roofing', description: 'A category id from GET /categories' })
  @Allow()
  category!: string;

  @ApiProperty({
    example: 'PA',
    description: 'A state’s two-letter abbreviation (50 states, DC, PR), or US for the nation',
  })
  @Allow()
  state!: string;

  @ApiPropertyOptional({
    example: DEFAULT_SCAN_LIMIT,
    minimum: 1,
    maximum: MAX_SCAN_LIMIT,
    description: `How many top ZIPs the scan explains (default ${DEFAULT_SCAN_LIMIT}); every ZCTA is ranked on the map`,
  })
  @Allow()
  limit?: number;
}

export class ListScansQueryDto {
  @ApiPropertyOptional({ example: 'roofing' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category id from GET /categories' })
  category?: string;
}
