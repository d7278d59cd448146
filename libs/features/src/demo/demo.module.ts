import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { GeographiesModule } from '../geographies/geographies.module';
import { ImportsModule } from '../ingestion/imports.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [GeographiesModule, ImportsModule, CensusModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
