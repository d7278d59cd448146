import { Module } from '@nestjs/common';
import { GeographiesService } from './geographies.service';
import { SignalsService } from './signals.service';

/** Geographies (ZIP sets with their ZCTA resolution) and their signals. TenantDb comes from DatabaseModule. */
@Module({
  providers: [GeographiesService, SignalsService],
  exports: [GeographiesService, SignalsService],
})
export class GeographiesModule {}
