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
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ReportPayload, Role, type ReportResponse, type ReportSummaryResponse } from '@lbi/contracts';
import {
  CreateReportDto,
  ExportReportQueryDto,
  ListReportsQueryDto,
  ReportsService,
  renderReportCsv,
  renderReportPdf,
  reportFileName,
  toReportResponse,
  toReportSummary,
} from '@lbi/features';
import type { Response } from 'express';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Queue an intelligence report for a geography and a category' })
  @ApiAcceptedResponse({ description: '`{id, status}`; poll GET /reports/:id' })
  async create(@Body() body: CreateReportDto): Promise<{ id: string; status: string }> {
    const report = await this.reports.request(body.geography_id, body.category, {
      closer_first: body.closer_first,
    });
    return { id: report.id, status: report.status };
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Reports of your client, newest first (without payloads)' })
  async list(@Query() query: ListReportsQueryDto): Promise<ReportSummaryResponse[]> {
    return (await this.reports.list(query)).map(toReportSummary);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One report; a finished one has its payload' })
  @ApiNotFoundResponse({ description: 'No such report in your client' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReportResponse> {
    return toReportResponse(await this.reports.get(id));
  }

  @Get(':id/export')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Download a finished report as JSON, CSV (top ZIPs) or a PDF brief' })
  @ApiOkResponse({ description: 'The file, with a Content-Disposition filename' })
  @ApiConflictResponse({ description: 'The report is not finished (or failed)' })
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ExportReportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.reports.getFinished(id);
    const payload = report.payload as unknown as ReportPayload;
    const filename = reportFileName(payload, query.format);
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8').send(renderReportCsv(payload));
    } else if (query.format === 'pdf') {
      response.type('application/pdf').send(await renderReportPdf(payload));
    } else {
      response.type('application/json; charset=utf-8').send(JSON.stringify(payload, null, 2));
    }
  }
}
