import { ApiProperty } from '@nestjs/swagger';
import { MAX_GEOGRAPHY_ZIPS, type ZipCheckEntry, type ZipCheckResponse } from '@lbi/contracts';
import { ArrayMaxSize, ArrayNotEmpty, IsArray } from 'class-validator';
import { tooManyZips } from '../zip-codes';
import { ZctaResolutionDto } from './geography-response.dto';

export class CheckZipCodesDto {
  @ApiProperty({
    type: [String],
    example: ['19002', '1900', '19016'],
    maxItems: MAX_GEOGRAPHY_ZIPS,
    description: 'ZIP codes to check, as a geography save would; nothing is saved',
  })
  @IsArray({ message: 'zip_codes must be an array of ZIP code strings, e.g. ["19002", "19034"]' })
  @ArrayNotEmpty({ message: 'zip_codes must list at least one ZIP code' })
  @ArrayMaxSize(MAX_GEOGRAPHY_ZIPS, {
    message: (args) => tooManyZips(Array.isArray(args.value) ? args.value.length : 0),
  })
  zip_codes!: unknown[];
}

export class ZipCheckEntryDto implements ZipCheckEntry {
  @ApiProperty({ nullable: true, type: String, example: '19016' })
  zip!: string | null;

  @ApiProperty()
  valid!: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Why a geography would refuse the entry' })
  reason!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Index of an earlier entry with the same ZIP' })
  duplicate_of!: number | null;

  @ApiProperty({ type: ZctaResolutionDto, nullable: true })
  resolution!: ZctaResolutionDto | null;
}

export class ZipCheckResponseDto implements ZipCheckResponse {
  @ApiProperty({ type: [ZipCheckEntryDto] })
  entries!: ZipCheckEntryDto[];
}
