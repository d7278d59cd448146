import { ApiProperty } from '@nestjs/swagger';
import type { GeographyResponse, ZctaResolutionResponse } from '@lbi/contracts';

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

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
