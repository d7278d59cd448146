import { Module } from '@nestjs/common';
import { ImportCsvJobs } from './import-csv.job';
import { ImportsService } from './imports.service';
import { UploadsService } from './uploads.service';

/** Uploads, the import endpoints' service and the three import jobs (API and worker). */
@Module({
  providers: [UploadsService, ImportsService, ImportCsvJobs],
  exports: [UploadsService, ImportsService],
})
export class ImportsModule {}
