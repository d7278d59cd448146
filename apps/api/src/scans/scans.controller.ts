import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@lbi/contracts';
import {
  CreateScanDto,
  ExportReportQueryDto,
  ListScansQueryDto,
  ScanResponse,
  ScanSummaryResponse,
  ScansService,
  renderReportCsv,
  renderReportPdf,
  reportFileName,
  toScanResponse,
  toScanSummary,
} from '@lbi/features';
import type { ScanPayload } from '@lbi/contracts';
import type { Response } from 'express';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('scans')
@Controller('scans')
export class ScansController {
  constructor(private readonly scans: ScansService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Queue a scan: every ZCTA of a state (or of the nation, state "US") ranked for a category with the report engine',
  })
  @ApiAcceptedResponse({ description: '`{id, status}`; poll GET /scans/:id' })
  @ApiBadRequestResponse({
    description: 'An unknown category or state, or a limit out of range (the field is named)',
  })
  async create(@Body() body: CreateScanDto): Promise<{ id: string; status: string }> {
    const scan = await this.scans.request(body);
    return { id: scan.id, status: scan.status };
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Scans of your client, newest first (without payloads)' })
  async list(@Query() query: ListScansQueryDto): Promise<ScanSummaryResponse[]> {
    return (await this.scans.list(query)).map(toScanSummary);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One scan; a finished one has a report-shaped payload with `scan` and `map`' })
  @ApiNotFoundResponse({ description: 'No such scan in your client' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ScanResponse> {
    return toScanResponse(await this.scans.get(id));
  }

  @Get(':id/export')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Download a finished scan as JSON, CSV (top ZIPs) or a PDF brief' })
  @ApiOkResponse({ description: 'The file, with a Content-Disposition filename' })
  @ApiConflictResponse({ description: 'The scan is not finished (or failed)' })
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ExportReportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const scan = await this.scans.getFinished(id);
    const payload = scan.payload as unknown as ScanPayload;
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${reportFileName(payload, query.format)}"`,
    );
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8').send(renderReportCsv(payload));
    } else if (query.format === 'pdf') {
      response.type('application/pdf').send(await renderReportPdf(payload));
    } else {
      response.type('application/json; charset=utf-8').send(JSON.stringify(payload, null, 2));
    }
  }
}
