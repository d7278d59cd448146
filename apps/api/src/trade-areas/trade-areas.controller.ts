import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TradeAreaPreviewResponse } from '@lbi/contracts';
import { GeographiesService, TradeAreaPreviewQueryDto } from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('geographies')
@Controller('trade-areas')
export class TradeAreasController {
  constructor(private readonly geographies: GeographiesService) {}

  @Get('preview')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The ZIPs a ring (zip_code + radius_miles) or a county set (counties) would hold, nearest first with distances; nothing is saved',
  })
  @ApiOkResponse({
    description:
      '`{trade_area, zip_codes, zctas: [{zcta, zip_code, lat, lon, land_sq_mi, distance_miles?}], skipped}`',
  })
  @ApiBadRequestResponse({
    description: 'A radius out of range, an unknown ZIP or county, or too many ZIPs (the field is named)',
  })
  preview(@Query() query: TradeAreaPreviewQueryDto): Promise<TradeAreaPreviewResponse> {
    return this.geographies.preview(query);
  }
}
