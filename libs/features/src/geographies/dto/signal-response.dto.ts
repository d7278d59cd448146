import { ApiProperty } from '@nestjs/swagger';
import { SIGNAL_TYPES, type SignalPage, type SignalResponse } from '@lbi/contracts';

export class SignalResponseDto implements SignalResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  geography_id!: string;

  @ApiProperty({ example: '19002', nullable: true, type: String })
  zip_code!: string | null;

  @ApiProperty({ example: '19002', nullable: true, type: String })
  zcta!: string | null;

  @ApiProperty({ enum: SIGNAL_TYPES })
  signal_type!: string;

  @ApiProperty({ example: 'census' })
  source_type!: string;

  @ApiProperty({ example: 'median_household_income' })
  metric!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'null: the source published no estimate' })
  value!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '90% margin of error (ACS)' })
  margin_of_error!: number | null;

  @ApiProperty({ example: '2023', nullable: true, type: String })
  vintage!: string | null;

  @ApiProperty({ example: 'acs/acs5', nullable: true, type: String })
  dataset!: string | null;

  @ApiProperty({ nullable: true, type: String })
  event_name!: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  start_date!: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  end_date!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  metadata!: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String })
  source_url!: string | null;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class SignalPageDto implements SignalPage {
  @ApiProperty({ type: [SignalResponseDto] })
  items!: SignalResponseDto[];

  @ApiProperty({ description: 'How many signals match, over all pages' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
