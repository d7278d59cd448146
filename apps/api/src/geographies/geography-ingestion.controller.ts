import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Role, RUN_STATUSES, SOURCE_TYPES, SourceType, type SourceFreshness } from '@lbi/contracts';
import { CensusRefreshService, FreshnessService, IngestionRunStartedDto } from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

class SourceFreshnessDto implements SourceFreshness {
  @ApiProperty({ enum: SOURCE_TYPES })
  source_type!: SourceFreshness['source_type'];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  last_success_at!: string | null;

  @ApiProperty({ enum: RUN_STATUSES, nullable: true })
  last_run_status!: SourceFreshness['last_run_status'];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  last_run_at!: string | null;

  @ApiProperty()
  is_stale!: boolean;

  @ApiProperty({ description: 'census and census_business: 30; CSV sources: CSV_STALE_DAYS' })
  stale_after_days!: number;

  @ApiProperty({ description: 'Why the source is (or is not) stale, in plain language' })
  reason!: string;
}

/** Census refreshes and data freshness of one geography (the geography CRUD is GeographiesController). */
@ApiTags('geographies')
@Controller('geographies')
export class GeographyIngestionController {
  constructor(
    private readonly freshness: FreshnessService,
    private readonly census: CensusRefreshService,
  ) {}

  @Get(':id/freshness')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Freshness per source (census, census_business, csv_property, csv_events, csv_channels): last success, last run, stale flag and why',
  })
  @ApiOkResponse({ type: [SourceFreshnessDto] })
  @ApiNotFoundResponse({ description: 'No such geography (or not in your client)' })
  getFreshness(@Param('id', new ParseUUIDPipe()) id: string): Promise<SourceFreshness[]> {
    return this.freshness.forGeography(id);
  }

  @Post(':id/refresh-census')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Queue a refresh of the geography’s ACS 5-year figures (estimates with margins of error); follow it at GET /ingestion-runs/:id',
  })
  @ApiAcceptedResponse({ type: IngestionRunStartedDto })
  @ApiNotFoundResponse({ description: 'No such geography (or not in your client)' })
  refreshCensus(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ ingestion_run_id: string }> {
    return this.census.start(id, SourceType.Census);
  }

  @Post(':id/refresh-business')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Queue a refresh of the competing establishments in the geography’s ZIPs (ZIP Code Business Patterns, every NAICS code a category counts); follow it at GET /ingestion-runs/:id',
  })
  @ApiAcceptedResponse({ type: IngestionRunStartedDto })
  @ApiNotFoundResponse({ description: 'No such geography (or not in your client)' })
  refreshBusiness(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ ingestion_run_id: string }> {
    return this.census.start(id, SourceType.CensusBusiness);
  }
}
