import { Module } from '@nestjs/common';
import { CensusModule } from '../census/census.module';
import { ReportJobs } from './report.jobs';
import { ReportsService } from './reports.service';

@Module({
  imports: [CensusModule],
  providers: [ReportsService, ReportJobs],
  exports: [ReportsService, ReportJobs],
})
export class ReportsModule {}
