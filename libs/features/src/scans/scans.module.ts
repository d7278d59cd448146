import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { ScanJob } from './scan.job';
import { ScansService } from './scans.service';

/** State and national scans: the API service and the generate_scan job. */
@Module({
  imports: [CensusModule],
  providers: [ScansService, ScanJob],
  exports: [ScansService],
})
export class ScansModule {}
