import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
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
import { Role, type ChannelResponse } from '@lbi/contracts';
import {
  ChannelResponseDto,
  ChannelsService,
  CreateChannelDto,
  ListChannelsQueryDto,
  toChannelResponse,
  UpdateChannelDto,
} from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('channels')
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Add an institutional channel (HOA, school district, chamber…) to a geography; city and state default to the ZIP’s',
  })
  @ApiCreatedResponse({ type: ChannelResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid field, a ZIP outside the geography, or personal data' })
  @ApiNotFoundResponse({ description: 'No such geography (or not yours)' })
  @ApiConflictResponse({ description: 'The geography has a channel of this type and name' })
  async create(@Body() body: CreateChannelDto): Promise<ChannelResponse> {
    return toChannelResponse(await this.channels.create(body));
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Your client’s channels, optionally of one geography and/or type' })
  @ApiOkResponse({ type: [ChannelResponseDto] })
  @ApiNotFoundResponse({ description: 'geography_id names no geography of yours' })
  async list(@Query() query: ListChannelsQueryDto): Promise<ChannelResponse[]> {
    return (await this.channels.list(query)).map(toChannelResponse);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One channel' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiNotFoundResponse({ description: 'No such channel (or not yours)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ChannelResponse> {
    return toChannelResponse(await this.channels.get(id));
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Change a channel; null clears an optional field' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiNotFoundResponse({ description: 'No such channel or geography (or not yours)' })
  @ApiConflictResponse({ description: 'The geography has another channel of this type and name' })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateChannelDto,
  ): Promise<ChannelResponse> {
    return toChannelResponse(await this.channels.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Delete a channel' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such channel (or not yours)' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.channels.remove(id);
  }
}
