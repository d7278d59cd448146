import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_RING_RADIUS_MILES, MAX_SCAN_LIMIT, MIN_RING_RADIUS_MILES } from '@lbi/contracts';
import { Allow } from 'class-validator';

// The shapes only: the geographies service checks the values (trade-area.ts), so a body and the
// preview query get the same messages naming the field.

export class RingDto {
  @ApiProperty({
    example: '19087',
    description: 'The ZIP at the centre; its ZCTA’s internal point is the centre',
  })
  @Allow()
  zip_code!: string;

  @ApiProperty({ example: 10, minimum: MIN_RING_RADIUS_MILES, maximum: MAX_RING_RADIUS_MILES })
  @Allow()
  radius_miles!: number;
}

/** PATCH: widen or narrow a ring (the centre stays unless a new one is sent). */
export class RingUpdateDto {
  @ApiPropertyOptional({ example: '19087' })
  @Allow()
  zip_code?: string;

  @ApiProperty({ example: 25, minimum: MIN_RING_RADIUS_MILES, maximum: MAX_RING_RADIUS_MILES })
  @Allow()
  radius_miles!: number;
}

export class FromScanDto {
  @ApiProperty({ format: 'uuid', description: 'A finished scan of your client' })
  @Allow()
  scan_id!: string;

  @ApiPropertyOptional({
    example: 25,
    minimum: 1,
    maximum: MAX_SCAN_LIMIT,
    description: 'How many top ZIPs; default 25',
  })
  @Allow()
  top?: number;
}

/** GET /trade-areas/preview: a ring (zip_code and radius_miles) or counties (comma-separated FIPS). */
export class TradeAreaPreviewQueryDto {
  @ApiPropertyOptional({ example: '19087', description: 'Ring: the centre ZIP' })
  @Allow()
  zip_code?: string;

  @ApiPropertyOptional({
    example: 10,
    description: `Ring: the radius in miles (${MIN_RING_RADIUS_MILES}-${MAX_RING_RADIUS_MILES})`,
  })
  @Allow()
  radius_miles?: string;

  @ApiPropertyOptional({
    example: '42091,42017',
    description: 'County set: comma-separated 5-digit FIPS codes',
  })
  @Allow()
  counties?: string;
}
