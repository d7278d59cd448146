import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GeographyResponse, TradeArea, ZctaResolutionResponse } from '@lbi/contracts';

export class ZctaResolutionDto implements ZctaResolutionResponse {
  @ApiProperty({ example: '19016' })
  zip!: string;

  @ApiProperty({
    example: '19013',
    nullable: true,
    type: String,
    description: 'null: no ZCTA (no ACS figures)',
  })
  zcta!: string | null;

  @ApiProperty({ enum: ['zip_matches_zcta', 'spatial_join', 'no_zcta'], example: 'spatial_join' })
  join_type!: string;

  @ApiProperty({ example: 'Chester', nullable: true, type: String })
  po_name!: string | null;

  @ApiProperty({ example: 'PA', nullable: true, type: String })
  state!: string | null;

  @ApiProperty({ example: 'Post Office or large volume customer', nullable: true, type: String })
  zip_type!: string | null;

  @ApiProperty({ description: 'What this ZIP maps to and why, in one sentence' })
  note!: string;

  @ApiProperty({
    example: 39.868,
    nullable: true,
    type: Number,
    description: "Latitude of the ZCTA's internal point (Census Gazetteer); null without a ZCTA",
  })
  lat!: number | null;

  @ApiProperty({
    example: -75.371,
    nullable: true,
    type: Number,
    description: "Longitude of the ZCTA's internal point (Census Gazetteer); null without a ZCTA",
  })
  lon!: number | null;

  @ApiProperty({
    example: 3.92,
    nullable: true,
    type: Number,
    description: "The ZCTA's land area in square miles (Census Gazetteer); null without a ZCTA",
  })
  land_sq_mi!: number | null;

  @ApiPropertyOptional({
    example: 4.87,
    nullable: true,
    type: Number,
    description: "Ring geographies only: miles from the ring's centre to the ZCTA's internal point",
  })
  distance_miles?: number | null;
}

export class GeographyResponseDto implements GeographyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  client_id!: string;

  @ApiProperty({ example: 'Main Line suburbs' })
  name!: string;

  @ApiProperty({ type: [String], example: ['19002', '19034'] })
  zip_codes!: string[];

  @ApiProperty({ type: [ZctaResolutionDto] })
  zcta_resolution!: ZctaResolutionDto[];

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    example: { kind: 'ring', zip_code: '19087', zcta: '19087', radius_miles: 10, lat: 40.04, lon: -75.39 },
    description:
      'How the ZIPs were chosen: `{kind: "ring", zip_code, zcta, radius_miles, lat, lon}`, `{kind: "counties", counties}` or `{kind: "scan", scan_id, top}`; null for a ZIP list',
  })
  trade_area!: TradeArea | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
