import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsNotEmpty, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { FromScanDto, RingDto } from './trade-area.dto';
import { IsZipCodeList } from './zip-code-list.validator';
import { trimmed } from './trimmed';

/** Exactly one of zip_codes, around (a ring), counties or from_scan says which ZIPs the geography holds. */
export class CreateGeographyDto {
  @ApiProperty({ example: 'Main Line suburbs', maxLength: 200, description: 'Unique within your client' })
  @Transform(trimmed)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['19002', '19034', '19422'],
    maxItems: MAX_GEOGRAPHY_ZIPS,
    description:
      'US ZIP codes as 5-digit strings (ZIP+4 is read as its ZIP). Each must be a ZIP of the UDS Mapper 2022 crosswalk; duplicates are dropped, order is kept.',
  })
  @ValidateIf((dto: CreateGeographyDto) => dto.zip_codes !== undefined)
  @IsZipCodeList()
  zip_codes?: unknown[];

  @ApiPropertyOptional({
    type: RingDto,
    description:
      'A ring: every ZCTA whose internal point lies within radius_miles (1-100, great-circle) of the centre ZIP’s ZCTA. The ring keeps its centre and radius, so it can be widened later.',
  })
  @ValidateIf((dto: CreateGeographyDto) => dto.around !== undefined)
  @ValidateNested({ message: 'around must be an object: {"zip_code": "19087", "radius_miles": 10}' })
  @Type(() => RingDto)
  around?: RingDto;

  @ApiPropertyOptional({
    type: [String],
    example: ['42091', '42017'],
    description:
      'County FIPS codes (state + county): every ZCTA with at least half its land in these counties, or whose main county is one of them',
  })
  @ValidateIf((dto: CreateGeographyDto) => dto.counties !== undefined)
  @IsArray({ message: 'counties must be an array of 5-digit county FIPS codes, e.g. ["42091"]' })
  counties?: unknown[];

  @ApiPropertyOptional({ type: FromScanDto, description: 'The top ZIPs of one of your finished scans' })
  @ValidateIf((dto: CreateGeographyDto) => dto.from_scan !== undefined)
  @ValidateNested({ message: 'from_scan must be an object: {"scan_id": "<uuid>", "top": 25}' })
  @Type(() => FromScanDto)
  from_scan?: FromScanDto;
}
