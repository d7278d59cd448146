import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@lbi/contracts';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CHANNEL_TYPE_MESSAGE,
  HTTP_URL,
  lower,
  MAX_REACH,
  STATE_MESSAGE,
  trim,
  upper,
  ZIP_MESSAGE,
} from './channel-fields';

/**
 * Any subset of the channel's fields. `null` clears an optional one (zip_code, estimated_reach,
 * website, notes, source_url). A new zip_code without city/state takes the ZIP's city and state.
 */
export class UpdateChannelDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the channel to another of your geographies' })
  @ValidateIf((dto: UpdateChannelDto) => dto.geography_id !== undefined)
  @IsUUID('all', { message: 'geography_id must be the UUID of one of your geographies' })
  geography_id?: string;

  @ApiPropertyOptional({ enum: CHANNEL_TYPES })
  @ValidateIf((dto: UpdateChannelDto) => dto.channel_type !== undefined)
  @Transform(lower)
  @IsIn(CHANNEL_TYPES, { message: CHANNEL_TYPE_MESSAGE })
  channel_type?: ChannelType;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((dto: UpdateChannelDto) => dto.name !== undefined)
  @Transform(trim)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf((dto: UpdateChannelDto) => dto.city !== undefined)
  @Transform(trim)
  @IsString({ message: 'city must be a string' })
  @IsNotEmpty({ message: 'city must not be empty' })
  @MaxLength(100, { message: 'city must be at most 100 characters' })
  city?: string;

  @ApiPropertyOptional({ example: 'PA' })
  @ValidateIf((dto: UpdateChannelDto) => dto.state !== undefined)
  @Transform(upper)
  @IsString({ message: STATE_MESSAGE })
  @Matches(/^[A-Z]{2}$/, { message: STATE_MESSAGE })
  state?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '19002' })
  @IsOptional()
  @IsString({ message: ZIP_MESSAGE })
  @Matches(/^\d{5}$/, { message: ZIP_MESSAGE })
  zip_code?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'estimated_reach must be a whole number' })
  @Min(0, { message: 'estimated_reach must not be negative' })
  @Max(MAX_REACH, { message: `estimated_reach must be at most ${MAX_REACH}` })
  estimated_reach?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'website must be an http(s) URL such as https://example.org' })
  @MaxLength(2000, { message: 'website must be at most 2000 characters' })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'notes must be a string' })
  @MaxLength(2000, { message: 'notes must be at most 2000 characters' })
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'source_url must be an http(s) URL such as https://example.org/list' })
  @MaxLength(2000, { message: 'source_url must be at most 2000 characters' })
  source_url?: string | null;
}
