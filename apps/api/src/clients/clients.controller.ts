import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type ClientResponse } from '@lbi/contracts';
import { ClientResponseDto, ClientsService, CreateClientDto, toClientResponse } from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a client (tenant); platform admin only' })
  @ApiCreatedResponse({ type: ClientResponseDto })
  @ApiConflictResponse({ description: 'A client with this name exists' })
  async create(@Body() body: CreateClientDto): Promise<ClientResponse> {
    return toClientResponse(await this.clients.create(body.name));
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Clients: all of them for the platform admin, your own otherwise' })
  @ApiOkResponse({ type: [ClientResponseDto] })
  async list(): Promise<ClientResponse[]> {
    return (await this.clients.list()).map(toClientResponse);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One client; another tenant’s answers 404' })
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ description: 'No such client (or not yours)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientResponse> {
    return toClientResponse(await this.clients.get(id));
  }
}
