import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type ImportKind, type ImportAcceptedResponse } from '@lbi/contracts';
import { ImportAcceptedDto, ImportQueryDto, ImportsService } from '@lbi/features';
import { Roles } from '../auth/roles.decorator';

const columns = (kind: string) =>
  `Strict schema (see CONTRACT.md): unknown or PII columns refuse the ${kind} file.`;

@ApiTags('imports')
@Controller('import')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  private async start(kind: ImportKind, query: ImportQueryDto): Promise<ImportAcceptedResponse> {
    const run = await this.imports.start(kind, query.geography_id, query.file_ref);
    return { ingestion_run_id: run.id };
  }

  @Post('property')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary: `Import an uploaded property CSV as aggregates per ZIP and block group. ${columns('property')}`,
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiBadRequestResponse({ description: 'Bad geography_id or file_ref, or an .ics file' })
  @ApiNotFoundResponse({ description: 'No such geography or upload in your client' })
  property(@Query() query: ImportQueryDto): Promise<ImportAcceptedResponse> {
    return this.start('property', query);
  }

  @Post('events')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary: `Import an uploaded events CSV or iCalendar file as EVENT signals. ${columns('events')}`,
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiBadRequestResponse({ description: 'Bad geography_id or file_ref' })
  @ApiNotFoundResponse({ description: 'No such geography or upload in your client' })
  events(@Query() query: ImportQueryDto): Promise<ImportAcceptedResponse> {
    return this.start('events', query);
  }

  @Post('channels')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: `Import an uploaded channels CSV. ${columns('channels')}` })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiBadRequestResponse({ description: 'Bad geography_id or file_ref, or an .ics file' })
  @ApiNotFoundResponse({ description: 'No such geography or upload in your client' })
  channels(@Query() query: ImportQueryDto): Promise<ImportAcceptedResponse> {
    return this.start('channels', query);
  }
}
