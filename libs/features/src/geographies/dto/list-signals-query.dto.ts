import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_SIGNALS_PAGE, MAX_SIGNALS_PAGE, SIGNAL_TYPES, SignalType } from '@lbi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListSignalsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The geography whose signals to list (required)' })
  @IsUUID('all', { message: 'geography_id is required: the UUID of the geography whose signals to list' })
  geography_id!: string;

  @ApiPropertyOptional({ enum: SIGNAL_TYPES, description: 'Omitted: every type' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsIn(SIGNAL_TYPES, { message: `signal_type must be one of: ${SIGNAL_TYPES.join(', ')}` })
  signal_type?: SignalType;

  @ApiPropertyOptional({ example: '19002' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'zip_code must be a 5-digit ZIP code such as 19002' })
  zip_code?: string;

  @ApiPropertyOptional({ example: 'median_household_income' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'metric must be at most 100 characters' })
  metric?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SIGNALS_PAGE, default: DEFAULT_SIGNALS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_SIGNALS_PAGE, { message: `limit must be at most ${MAX_SIGNALS_PAGE}` })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  offset?: number;
}
