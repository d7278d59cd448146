import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type ZipCheckResponse } from '@lbi/contracts';
import { CheckZipCodesDto, GeographiesService, ZipCheckResponseDto } from '@lbi/features';
import { Roles } from '../auth/roles.decorator';

/** ZIP lists checked before a geography is saved (the console's ZIP editor); nothing is stored. */
@ApiTags('geographies')
@Controller('zip-codes')
export class ZipCodesController {
  constructor(private readonly geographies: GeographiesService) {}

  @Post('check')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Check ZIP codes as a geography save would, one answer per entry: the ZIP it reads as, why it would be refused, earlier duplicates, and its ZCTA resolution. Nothing is saved.',
  })
  @ApiOkResponse({ type: ZipCheckResponseDto })
  @ApiBadRequestResponse({ description: 'zip_codes is missing, empty or too long' })
  check(@Body() body: CheckZipCodesDto): Promise<ZipCheckResponse> {
    return this.geographies.checkZipCodes(body.zip_codes);
  }
}
