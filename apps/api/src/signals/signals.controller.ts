import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SignalPage } from '@lbi/contracts';
import { ListSignalsQueryDto, SignalPageDto, SignalsService, toSignalResponse } from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('signals')
@Controller('signals')
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'A geography’s aggregate signals (Census estimates with MOE, property aggregates, events), by ZIP and metric, paged',
  })
  @ApiOkResponse({ type: SignalPageDto })
  @ApiBadRequestResponse({ description: 'geography_id missing, or a filter or paging value is invalid' })
  @ApiNotFoundResponse({ description: 'No such geography (or not yours)' })
  async list(@Query() query: ListSignalsQueryDto): Promise<SignalPage> {
    const page = await this.signals.list(query);
    return {
      items: page.signals.map(toSignalResponse),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    };
  }
}
