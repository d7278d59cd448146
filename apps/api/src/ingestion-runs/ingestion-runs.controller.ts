import type { IngestionRunWithDetails } from '@lbi/contracts';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IngestionRunResponseDto,
  IngestionRunsService,
  ListIngestionRunsQueryDto,
  toIngestionRunResponse,
} from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('ingestion-runs')
@Controller('ingestion-runs')
export class IngestionRunsController {
  constructor(private readonly runs: IngestionRunsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'Ingestion runs of your client, newest first; filter by geography_id, status, source_type',
  })
  @ApiOkResponse({ type: [IngestionRunResponseDto] })
  async list(@Query() query: ListIngestionRunsQueryDto): Promise<IngestionRunWithDetails[]> {
    const runs = await this.runs.list({
      geographyId: query.geography_id,
      status: query.status,
      sourceType: query.source_type,
      limit: query.limit,
      offset: query.offset,
    });
    return runs.map(toIngestionRunResponse);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One ingestion run: status, counts, error message and details' })
  @ApiOkResponse({ type: IngestionRunResponseDto })
  @ApiNotFoundResponse({ description: 'No such run (or not in your client)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IngestionRunWithDetails> {
    return toIngestionRunResponse(await this.runs.get(id));
  }
}
