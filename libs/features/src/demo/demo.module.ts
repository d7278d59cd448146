import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { GeographiesModule } from '../geographies/geographies.module';
import { ImportsModule } from '../ingestion/imports.module';
import { ReportsModule } from '../reports/reports.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [GeographiesModule, ImportsModule, CensusModule, ReportsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
