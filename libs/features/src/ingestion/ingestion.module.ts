import { Module } from '@nestjs/common';
import { StaleRunReaperJob } from './stale-run-reaper.job';

@Module({
  providers: [StaleRunReaperJob],
})
export class IngestionModule {}
