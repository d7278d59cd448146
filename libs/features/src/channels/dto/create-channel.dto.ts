import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
 * An institutional channel. There is deliberately no contact person, email or phone field: the
 * whitelist refuses unknown fields and the PII guard refuses personal ones.
 */
export class CreateChannelDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'geography_id must be the UUID of one of your geographies' })
  geography_id!: string;

  @ApiProperty({ enum: CHANNEL_TYPES, example: 'hoa' })
  @Transform(lower)
  @IsIn(CHANNEL_TYPES, { message: CHANNEL_TYPE_MESSAGE })
  channel_type!: ChannelType;

  @ApiProperty({ example: 'Oak Hill Homeowners Association', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({
    example: 'Ambler',
    maxLength: 100,
    description: 'Omitted: the ZIP’s post-office name (required when there is no zip_code)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'city must be a string' })
  @IsNotEmpty({ message: 'city must not be empty' })
  @MaxLength(100, { message: 'city must be at most 100 characters' })
  city?: string;

  @ApiPropertyOptional({
    example: 'PA',
    description: 'Omitted: the ZIP’s state (required when there is no zip_code)',
  })
  @IsOptional()
  @Transform(upper)
  @IsString({ message: STATE_MESSAGE })
  @Matches(/^[A-Z]{2}$/, { message: STATE_MESSAGE })
  state?: string;

  @ApiPropertyOptional({ example: '19002', description: 'One of the geography’s ZIP codes' })
  @IsOptional()
  @IsString({ message: ZIP_MESSAGE })
  @Matches(/^\d{5}$/, { message: ZIP_MESSAGE })
  zip_code?: string | null;

  @ApiPropertyOptional({ example: 1200, minimum: 0, description: 'Households or people it reaches' })
  @IsOptional()
  @IsInt({ message: 'estimated_reach must be a whole number' })
  @Min(0, { message: 'estimated_reach must not be negative' })
  @Max(MAX_REACH, { message: `estimated_reach must be at most ${MAX_REACH}` })
  estimated_reach?: number | null;

  @ApiPropertyOptional({ example: 'https://oakhillhoa.example.org' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'website must be an http(s) URL such as https://example.org' })
  @MaxLength(2000, { message: 'website must be at most 2000 characters' })
  website?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'About the institution; never about a person' })
  @IsOptional()
  @IsString({ message: 'notes must be a string' })
  @MaxLength(2000, { message: 'notes must be at most 2000 characters' })
  notes?: string | null;

  @ApiPropertyOptional({ example: 'https://township.example.gov/hoas', description: 'Where this came from' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'source_url must be an http(s) URL such as https://example.org/list' })
  @MaxLength(2000, { message: 'source_url must be at most 2000 characters' })
  source_url?: string | null;
}
