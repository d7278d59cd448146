import { Module } from '@nestjs/common';
import { ImportCsvJobs } from './import-csv.job';
import { ImportsService } from './imports.service';
import { IngestionRunsService } from './ingestion-runs.service';
import { UploadsService } from './uploads.service';

/** Uploads, the import endpoints' service and the three import jobs (API and worker). */
@Module({
  providers: [UploadsService, ImportsService, ImportCsvJobs, IngestionRunsService],
  exports: [UploadsService, ImportsService],
})
export class ImportsModule {}
