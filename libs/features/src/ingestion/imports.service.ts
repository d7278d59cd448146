import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { JobName, RunStatus, SourceType } from '@lbi/contracts';
import { JobQueue, TenantDb } from '@lbi/server';
import { Geography } from '../geographies/geography.entity';
import { IngestionRun } from './ingestion-run.entity';
import { ImportKind } from '@lbi/contracts';
import { Upload } from './upload.entity';

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
  ) {}

  async start(kind: ImportKind, geographyId: string, fileRef: string): Promise<IngestionRun> {
    const { job, source } = JOBS[kind];
    const run = await this.tenantDb.forCurrentTenant(async (db) => {
      // Another tenant's geography or file answers exactly like a missing one.
      const geography = await db.repository(Geography).findOneBy({ id: geographyId.toLowerCase() });
      if (!geography) throw new NotFoundException(`No geography with id ${geographyId}`);
      const upload = await db.repository(Upload).findOneBy({ fileRef });
      if (!upload) throw new NotFoundException(`No upload with file_ref ${fileRef}`);
      if (upload.contentKind === 'ics' && kind !== 'events') {
        throw new BadRequestException(
          `An iCalendar (.ics) file can only be imported as events; upload a CSV file for ${kind}.`,
        );
      }
      const runs = db.repository(IngestionRun);
      return runs.save(
        runs.create({ geographyId: geography.id, sourceType: source, status: RunStatus.Queued, fileRef }),
      );
    });
    // Enqueued after the run is committed, so the job always finds it.
    try {
      await this.queue.enqueue(job, {
        client_id: run.clientId,
        ingestion_run_id: run.id,
        geography_id: run.geographyId as string,
        file_ref: fileRef,
      });
    } catch (error) {
      await this.tenantDb.run(run.clientId, (db) =>
        db.manager.query(
          `UPDATE ingestion_runs SET status = $1, error_message = $2, finished_at = now(), updated_at = now() WHERE id = $3`,
          [RunStatus.Failed, 'The import could not be queued; try again.', run.id],
        ),
      );
      throw error;
    }
    this.logger.log({ msg: 'import queued', job, ingestion_run_id: run.id });
    return run;
  }
}
