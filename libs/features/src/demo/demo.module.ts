import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { GeographiesModule } from '../geographies/geographies.module';
import { ImportsModule } from '../ingestion/imports.module';
import { ReportsModule } from '../reports/reports.module';
import { DemoInfoService } from './demo-info.service';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [GeographiesModule, ImportsModule, CensusModule, ReportsModule],
  providers: [DemoSeeder, DemoInfoService],
  exports: [DemoSeeder, DemoInfoService],
})
export class DemoModule {}
