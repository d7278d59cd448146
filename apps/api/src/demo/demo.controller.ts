import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoInfoResponse } from '@lbi/contracts';
import { DemoInfoService } from '@lbi/features';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(private readonly demo: DemoInfoService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Demo mode only (LBI_DEMO=true, `npm run demo`): the demo tenant and its invented logins, for the sign-in page',
  })
  @ApiOkResponse({ description: '`{client_name, geography_name, accounts: [{role, email, password}]}`' })
  @ApiNoContentResponse({ description: 'Demo mode is off: no demo accounts' })
  info(@Res({ passthrough: true }) response: Response): DemoInfoResponse | undefined {
    const info = this.demo.info();
    if (!info) response.status(HttpStatus.NO_CONTENT);
    return info ?? undefined;
  }
}
