import { ApiProperty } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsZipCodeList } from './zip-code-list.validator';
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
  @IsZipCodeList()
  zip_codes!: unknown[];
}
