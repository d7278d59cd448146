import { Module } from '@nestjs/common';
import { StaleRunReaperJob } from './stale-run-reaper.job';
import { UploadPurgeJob } from './upload-purge.job';

@Module({
  providers: [StaleRunReaperJob, UploadPurgeJob],
})
export class IngestionModule {}
