import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoInfoResponse } from '@lbi/contracts';
import { DemoInfoService } from '@lbi/features';
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
  @ApiNotFoundResponse({ description: 'Demo mode is off' })
  info(): DemoInfoResponse {
    return this.demo.info();
  }
}
