import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type GeographyResponse } from '@lbi/contracts';
import {
  CreateGeographyDto,
  GeographiesService,
  GeographyResponseDto,
  toGeographyResponse,
  UpdateGeographyDto,
} from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('geographies')
@Controller('geographies')
export class GeographiesController {
  constructor(private readonly geographies: GeographiesService) {}

  @Post()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Create a geography from ZIP codes; each is checked against the crosswalk and resolved to its ZCTA',
  })
  @ApiCreatedResponse({ type: GeographyResponseDto })
  @ApiBadRequestResponse({ description: 'A ZIP is malformed or unknown (each one named), or too many ZIPs' })
  @ApiConflictResponse({ description: 'Your client has a geography with this name' })
  async create(@Body() body: CreateGeographyDto): Promise<GeographyResponse> {
    return toGeographyResponse(await this.geographies.create(body));
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Your client’s geographies, by name' })
  @ApiOkResponse({ type: [GeographyResponseDto] })
  async list(): Promise<GeographyResponse[]> {
    return (await this.geographies.list()).map(toGeographyResponse);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One geography with its ZIP codes and per-ZIP ZCTA resolution' })
  @ApiOkResponse({ type: GeographyResponseDto })
  @ApiNotFoundResponse({ description: 'No such geography (or not yours)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<GeographyResponse> {
    return toGeographyResponse(await this.geographies.get(id));
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Rename and/or replace the ZIP codes; ZIPs that stay keep their signals, removed ZIPs lose their signals, property aggregates and scores',
  })
  @ApiOkResponse({ type: GeographyResponseDto })
  @ApiBadRequestResponse({ description: 'Nothing to change, or a ZIP is malformed or unknown' })
  @ApiNotFoundResponse({ description: 'No such geography (or not yours)' })
  @ApiConflictResponse({ description: 'Your client has another geography with this name' })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateGeographyDto,
  ): Promise<GeographyResponse> {
    return toGeographyResponse(await this.geographies.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Delete a geography with its signals, channels, runs, scores and reports' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such geography (or not yours)' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.geographies.remove(id);
  }
}
