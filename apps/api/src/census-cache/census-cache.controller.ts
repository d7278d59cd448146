import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@lbi/contracts';
import {
  CACHE_DATASETS,
  type CacheDataset,
  type CacheFillResponse,
  CensusCacheFillJob,
  toCacheFillResponse,
} from '@lbi/features';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { Roles } from '../auth/roles.decorator';

class FillCensusCacheDto {
  @ApiProperty({ example: 'PA', description: 'A state’s two-letter abbreviation, or US for the nation' })
  @IsString({ message: 'scope must be a state abbreviation such as "PA", or "US"' })
  scope!: string;

  @ApiPropertyOptional({ enum: CACHE_DATASETS, isArray: true, description: 'Default: both' })
  @IsOptional()
  @IsArray({ message: 'datasets must be an array: ["acs"], ["cbp"] or ["acs", "cbp"]' })
  @ArrayNotEmpty({ message: 'datasets must name acs, cbp or both' })
  @IsIn(CACHE_DATASETS, { each: true, message: 'datasets may hold only "acs" and "cbp"' })
  datasets?: CacheDataset[];
}

/** The public Census cache: platform data the same for every tenant, filled by the platform admin. */
@ApiTags('census-cache')
@Controller('census-cache')
export class CensusCacheController {
  constructor(private readonly fills: CensusCacheFillJob) {}

  @Post('fills')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Platform admin: fill the public Census cache for a state or the nation (ACS at the request floor; ZIP Code Business Patterns nationally per NAICS code)',
  })
  @ApiAcceptedResponse({ description: 'The queued fills' })
  @ApiBadRequestResponse({ description: 'An unknown scope or dataset' })
  async fill(@Body() body: FillCensusCacheDto): Promise<CacheFillResponse[]> {
    return (await this.fills.request(body.scope, body.datasets ?? [...CACHE_DATASETS])).map(
      toCacheFillResponse,
    );
  }

  @Get('fills')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Platform admin: the latest cache fills with their request and row counts' })
  @ApiOkResponse({ description: 'Newest first' })
  async list(): Promise<CacheFillResponse[]> {
    return (await this.fills.list()).map(toCacheFillResponse);
  }

  @Get('fills/:id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Platform admin: one cache fill' })
  @ApiNotFoundResponse({ description: 'No such fill' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CacheFillResponse> {
    return toCacheFillResponse(await this.fills.get(id));
  }
}
