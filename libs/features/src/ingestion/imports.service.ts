import { BadRequestException, GoneException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { JobName, SourceType } from '@lbi/contracts';
import { AppConfig, JobQueue, TenantContext, TenantDb } from '@lbi/server';
import { Geography } from '../geographies/geography.entity';
import { IngestionRun } from './ingestion-run.entity';
import { IngestionRunsService } from './ingestion-runs.service';
import { ImportKind } from '@lbi/contracts';
import { Upload } from './upload.entity';
import { deletedUploadMessage } from './uploads.service';

const JOBS: Record<ImportKind, { job: JobName; source: SourceType }> = {
  property: { job: JobName.ImportCsvProperty, source: SourceType.CsvProperty },
  events: { job: JobName.ImportCsvEvents, source: SourceType.CsvEvents },
  channels: { job: JobName.ImportCsvChannels, source: SourceType.CsvChannels },
};

/** Starts imports: checks the geography and the upload belong to the tenant, records a queued run, enqueues. */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly runs: IngestionRunsService,
  ) {}

  async start(kind: ImportKind, geographyId: string, fileRef: string): Promise<IngestionRun> {
    const { job, source } = JOBS[kind];
    const clientId = TenantContext.requireClientId();
    const geography = await this.tenantDb.run(clientId, async (db) => {
      // Another tenant's geography or file answers exactly like a missing one.
      const found = await db.repository(Geography).findOneBy({ id: geographyId.toLowerCase() });
      if (!found) throw new NotFoundException(`No geography with id ${geographyId}`);
      const upload = await db.repository(Upload).findOneBy({ fileRef });
      if (!upload) throw new NotFoundException(`No upload with file_ref ${fileRef}`);
      if (upload.deletedAt)
        throw new GoneException(deletedUploadMessage(upload, this.config.uploadRetentionHours));
      if (upload.contentKind === 'ics' && kind !== 'events') {
        throw new BadRequestException(
          `An iCalendar (.ics) file can only be imported as events; upload a CSV file for ${kind}.`,
        );
      }
      return found;
    });
    const run = await this.runs.create(clientId, { geographyId: geography.id, sourceType: source, fileRef });
    // Enqueued after the run is committed, so the job always finds it.
    await this.runs.enqueueOrFail(run.clientId, run.id, () =>
      this.queue.enqueue(job, {
        client_id: run.clientId,
        ingestion_run_id: run.id,
        geography_id: run.geographyId as string,
        file_ref: fileRef,
      }),
    );
    this.logger.log({ msg: 'import queued', job, ingestion_run_id: run.id });
    return run;
  }
}
