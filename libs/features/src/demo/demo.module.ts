import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { GeographiesModule } from '../geographies/geographies.module';
import { ImportsModule } from '../ingestion/imports.module';
import { ReportsModule } from '../reports/reports.module';
import { ScansModule } from '../scans/scans.module';
import { DemoInfoService } from './demo-info.service';
import { DemoSeeder } from './demo-seeder';
import { SnapshotLoader } from './snapshot-loader';

@Module({
  imports: [GeographiesModule, ImportsModule, CensusModule, ReportsModule, ScansModule],
  providers: [DemoSeeder, SnapshotLoader, DemoInfoService],
  exports: [DemoSeeder, DemoInfoService],
})
export class DemoModule {}
