import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelResponse } from '@lbi/contracts';

export class ChannelResponseDto implements ChannelResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  client_id!: string;

  @ApiProperty({ format: 'uuid' })
  geography_id!: string;

  @ApiProperty({ enum: CHANNEL_TYPES })
  channel_type!: string;

  @ApiProperty({ example: 'Oak Hill Homeowners Association' })
  name!: string;

  @ApiProperty({ example: 'Ambler' })
  city!: string;

  @ApiProperty({ example: 'PA' })
  state!: string;

  @ApiProperty({ nullable: true, type: String, example: '19002' })
  zip_code!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  estimated_reach!: number | null;

  @ApiProperty({ nullable: true, type: String })
  website!: string | null;

  @ApiProperty({ nullable: true, type: String })
  notes!: string | null;

  @ApiProperty({ nullable: true, type: String })
  source_url!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
