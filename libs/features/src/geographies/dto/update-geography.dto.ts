import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsZipCodeList } from './zip-code-list.validator';
import { trimmed } from './trimmed';

/** Either field or both. ZIPs that stay keep their signals; removed ZIPs lose theirs. */
export class UpdateGeographyDto {
  @ApiPropertyOptional({ example: 'Main Line suburbs', maxLength: 200 })
  @ValidateIf((dto: UpdateGeographyDto) => dto.name !== undefined)
  @Transform(trimmed)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['19002', '19034'],
    maxItems: MAX_GEOGRAPHY_ZIPS,
    description:
      'The complete new list. Signals, property aggregates and scores of ZIPs no longer listed are deleted.',
  })
  @ValidateIf((dto: UpdateGeographyDto) => dto.zip_codes !== undefined)
  @IsZipCodeList()
  zip_codes?: unknown[];
}
