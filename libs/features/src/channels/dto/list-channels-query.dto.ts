import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@lbi/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CHANNEL_TYPE_MESSAGE, lower } from './channel-fields';

export class ListChannelsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this geography’s channels' })
  @IsOptional()
  @IsUUID('all', { message: 'geography_id must be the UUID of one of your geographies' })
  geography_id?: string;

  @ApiPropertyOptional({ enum: CHANNEL_TYPES, description: 'Only channels of this type' })
  @IsOptional()
  @Transform(lower)
  @IsIn(CHANNEL_TYPES, { message: CHANNEL_TYPE_MESSAGE })
  channel_type?: ChannelType;
}
