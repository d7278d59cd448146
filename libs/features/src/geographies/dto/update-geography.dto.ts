import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsNotEmpty, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { RingUpdateDto } from './trade-area.dto';
import { IsZipCodeList } from './zip-code-list.validator';
import { trimmed } from './trimmed';

/**
 * A new name and/or new ZIPs: a ZIP list, a ring (`around`: widen or move one) or counties. ZIPs that
 * stay keep their signals; removed ZIPs lose theirs.
 */
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

  @ApiPropertyOptional({
    type: RingUpdateDto,
    description:
      'A ring’s new radius (and optionally a new centre); a ring geography keeps its centre when zip_code is left out',
  })
  @ValidateIf((dto: UpdateGeographyDto) => dto.around !== undefined)
  @ValidateNested({ message: 'around must be an object: {"radius_miles": 25}' })
  @Type(() => RingUpdateDto)
  around?: RingUpdateDto;

  @ApiPropertyOptional({ type: [String], example: ['42091', '42017'], description: 'A new county set' })
  @ValidateIf((dto: UpdateGeographyDto) => dto.counties !== undefined)
  @IsArray({ message: 'counties must be an array of 5-digit county FIPS codes, e.g. ["42091"]' })
  counties?: unknown[];
}
