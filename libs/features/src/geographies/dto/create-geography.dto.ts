import { ApiProperty } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { tooManyZips } from '../zip-codes';
import { trimmed } from './trimmed';

export class CreateGeographyDto {
  @ApiProperty({ example: 'Main Line suburbs', maxLength: 200, description: 'Unique within your client' })
  @Transform(trimmed)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['19002', '19034', '19422'],
    maxItems: MAX_GEOGRAPHY_ZIPS,
    description:
      'US ZIP codes as 5-digit strings (ZIP+4 is read as its ZIP). Each must be a ZIP of the UDS Mapper 2022 crosswalk; duplicates are dropped, order is kept.',
  })
  @IsArray({ message: 'zip_codes must be an array of ZIP code strings, e.g. ["19002", "19034"]' })
  @ArrayNotEmpty({ message: 'zip_codes must list at least one ZIP code' })
  @ArrayMaxSize(MAX_GEOGRAPHY_ZIPS, {
    message: (args) => tooManyZips(Array.isArray(args.value) ? args.value.length : 0),
  })
  zip_codes!: unknown[];
}
