import { Injectable, Logger } from '@nestjs/common';
import { ImportJobPayload, JobName, RunStatus } from '@lbi/contracts';
import { loadCrosswalk, loadZctaCounties } from '@lbi/census';
import {
  AppConfig,
  detailsWithoutPii,
  errorMessageWithoutPii,
  JobAttempt,
  JobHandler,
  outsideTenantTransaction,
  PermanentJobError,
  rawWrite,
  TenantDb,
} from '@lbi/server';
import { readFile, stat } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Geography } from '../geographies/geography.entity';
import { IngestionRun } from './ingestion-run.entity';
import { streamCsvRecords, SourceRecord } from './csv-record-stream';
import { streamIcsEvents } from './ics-events';
import {
  describeRowError,
  ImportFileError,
  ImportKind,
  MAX_REPORTED_ERRORS,
  ROW_VALIDATORS,
  RowContext,
  RowError,
} from '@lbi/contracts';
import { ChannelSink, EventSink, ImportSink, ImportTarget, PropertySink } from './import-writers';
import { Upload } from './upload.entity';
import { uploadPath } from './upload-storage';
import { deletedUploadMessage, UploadsService } from './uploads.service';

/** rows_processed is written every this many rows (and so updated_at, the reaper's heartbeat). */
export const PROGRESS_EVERY_ROWS = 5000;

/** Row errors found: the file is refused as a whole. */
export class ImportRowsError extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
    readonly rowsRead: number,
    readonly unit: 'row' | 'event',
    readonly stoppedEarly: boolean,
    /** A cell held personal data: the file is deleted at once. */
    readonly piiFound: boolean,
  ) {
    const listed = errors.map((e) => describeRowError(e, unit)).join('; ');
    super(
      `Nothing was imported: ${errorCount}${stoppedEarly ? '+' : ''} problem${errorCount === 1 ? '' : 's'} found${
        stoppedEarly ? ` (reading stopped after the first ${MAX_REPORTED_ERRORS})` : ''
      }. Fix ${errorCount === 1 ? 'it' : 'them'} and import the file again: ${listed}.`,
    );
    this.name = 'ImportRowsError';
  }
}

const JOB_KIND: Record<string, ImportKind> = {
  [JobName.ImportCsvProperty]: 'property',
  [JobName.ImportCsvEvents]: 'events',
  [JobName.ImportCsvChannels]: 'channels',
};

interface PassResult {
  rows: number;
  upserted: number;
  /** What the writer reports beyond counts (e.g. property buckets withheld as too small). */
  summary: Record<string, unknown>;
}

/**
 * The three import jobs. Each import is ONE transaction: a bad row anywhere rolls everything back.
 *
 * Progress: on PostgreSQL the import streams, validates and writes in a single pass inside its
 * transaction, and reports rows_processed every 5,000 rows on a separate connection (outside the
 * transaction, so others see it and the stale-run reaper sees a heartbeat). The embedded PGlite has
 * ONE session, so nothing may run beside an open transaction: there the job first validates the whole
 * file with no transaction open, reporting progress as it goes, then writes it in a second pass inside
 * the one transaction (no progress during that pass). Either way a failed file writes nothing.
 */
@Injectable()
export class ImportCsvJobs {
  private readonly logger = new Logger(ImportCsvJobs.name);
  private singleSession?: Promise<boolean>;

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly uploads: UploadsService,
  ) {}

  @JobHandler(JobName.ImportCsvProperty)
  importProperty(payload: ImportJobPayload, attempt: JobAttempt): Promise<unknown> {
    return this.run(JobName.ImportCsvProperty, payload, attempt);
  }

  @JobHandler(JobName.ImportCsvEvents)
  importEvents(payload: ImportJobPayload, attempt: JobAttempt): Promise<unknown> {
    return this.run(JobName.ImportCsvEvents, payload, attempt);
  }

  @JobHandler(JobName.ImportCsvChannels)
  importChannels(payload: ImportJobPayload, attempt: JobAttempt): Promise<unknown> {
    return this.run(JobName.ImportCsvChannels, payload, attempt);
  }

  /** True on the embedded PGlite (one database session). */
  private isSingleSession(): Promise<boolean> {
    this.singleSession ??= this.dataSource
      .query(`SELECT version() AS version`)
      .then((rows: { version: string }[]) => /pglite|emscripten/i.test(rows[0]?.version ?? ''));
    return this.singleSession;
  }

  private async run(job: JobName, payload: ImportJobPayload, attempt: JobAttempt): Promise<unknown> {
    const kind = JOB_KIND[job];
    const clientId = payload.client_id;
    const singleSession = await this.isSingleSession();
    const loaded = await this.tenantDb.run(clientId, async (db) => {
      const run = await db.repository(IngestionRun).findOneBy({ id: payload.ingestion_run_id });
      if (!run || run.status === RunStatus.Success || run.status === RunStatus.Failed) return { run };
      await rawWrite(
        db.manager,
        'ingestion_runs',
        `UPDATE ingestion_runs SET status = $1, started_at = COALESCE(started_at, now()), rows_processed = 0,
           error_message = NULL, updated_at = now() WHERE id = $2`,
        [RunStatus.Running, run.id],
        {},
      );
      const geography = await db.repository(Geography).findOneBy({ id: payload.geography_id });
      const upload = await db.repository(Upload).findOneBy({ fileRef: payload.file_ref });
      return { run, geography, upload };
    });
    if (!loaded.run) throw new PermanentJobError(`Ingestion run ${payload.ingestion_run_id} does not exist`);
    if (loaded.run.status === RunStatus.Success || loaded.run.status === RunStatus.Failed) {
      return { skipped: true, status: loaded.run.status };
    }
    const runId = loaded.run.id;
    try {
      const { geography, upload } = loaded;
      if (!geography) throw new ImportFileError('The geography was deleted before the import ran.');
      if (!upload) throw new ImportFileError('The uploaded file is no longer known.');
      if (upload.deletedAt) {
        throw new ImportFileError(deletedUploadMessage(upload, this.config.uploadRetentionHours));
      }
      if (upload.contentKind === 'ics' && kind !== 'events')
        throw new ImportFileError('An iCalendar (.ics) file can only be imported as events.');
      const path = uploadPath(this.config.resolvedUploadDir, upload.fileRef);
      await stat(path).catch(() => {
        throw new ImportFileError('The uploaded file is missing from storage; upload it again.');
      });
      const ctx = await this.contextFor(kind, geography);
      const progress = (rows: number) => this.reportProgress(clientId, runId, rows, singleSession);
      const source = () => this.source(kind, upload.contentKind, path);
      let result: PassResult;
      if (singleSession) {
        // First pass: validate with no transaction open, reporting progress; then write in one transaction.
        await this.pass(kind, source(), ctx, null, progress, upload.contentKind);
        result = await this.tenantDb.run(clientId, (db) =>
          this.pass(
            kind,
            source(),
            ctx,
            this.sinkFor(kind, this.target(db.manager, clientId, geography)),
            null,
            upload.contentKind,
          ),
        );
      } else {
        result = await this.tenantDb.run(clientId, (db) =>
          this.pass(
            kind,
            source(),
            ctx,
            this.sinkFor(kind, this.target(db.manager, clientId, geography)),
            progress,
            upload.contentKind,
          ),
        );
      }
      await this.finish(clientId, runId, {
        status: RunStatus.Success,
        rows: result.rows,
        upserted: result.upserted,
        message: null,
        details: {
          rows_read: result.rows,
          records_upserted: result.upserted,
          content_kind: upload.contentKind,
          ...result.summary,
        },
      });
      await this.tenantDb.run(clientId, async (db) => {
        upload.lastImportedAt = new Date();
        await db.repository(Upload).save(upload);
      });
      this.logger.log({
        msg: 'import finished',
        job,
        run_id: runId,
        rows: result.rows,
        upserted: result.upserted,
      });
      return { ingestion_run_id: runId, rows_processed: result.rows, records_upserted: result.upserted };
    } catch (error) {
      if (error instanceof ImportRowsError) {
        if (error.piiFound) await this.deleteForPii(clientId, loaded.upload);
        await this.finish(clientId, runId, {
          status: RunStatus.Failed,
          rows: error.rowsRead,
          upserted: 0,
          message: error.message,
          details: {
            errors: error.errors,
            error_count: error.errorCount,
            stopped_early: error.stoppedEarly,
            rows_read: error.rowsRead,
            ...(error.piiFound ? { file_deleted: 'pii' } : {}),
          },
        });
        throw new PermanentJobError(`import refused: ${error.errorCount} row error(s)`);
      }
      if (error instanceof ImportFileError) {
        const pii = error.details.pii_found === true;
        if (pii) await this.deleteForPii(clientId, loaded.upload);
        await this.finish(clientId, runId, {
          status: RunStatus.Failed,
          rows: 0,
          upserted: 0,
          message: error.message,
          details: { errors: [], ...error.details, ...(pii ? { file_deleted: 'pii' } : {}) },
        });
        throw new PermanentJobError('import refused: the file is unusable');
      }
      if (attempt.isFinalAttempt) {
        await this.finish(clientId, runId, {
          status: RunStatus.Failed,
          rows: 0,
          upserted: 0,
          message: `The import failed after ${attempt.attempt} attempt(s) (${describeFailure(error)}); nothing was written. Try again later.`,
          details: { errors: [] },
        });
      }
      throw error;
    }
  }

  private source(kind: ImportKind, contentKind: 'csv' | 'ics', path: string): AsyncIterable<SourceRecord[]> {
    if (contentKind === 'csv') return streamCsvRecords(path, kind);
    const maxEvents = this.config.icsMaxEvents;
    return (async function* () {
      for await (const events of streamIcsEvents(await readFile(path, 'utf8'), { maxEvents })) {
        yield events.map((event) => ({ row: event.index, record: event.record, errors: event.errors }));
      }
    })();
  }

  /** A file refused for personal data is removed from storage at once. */
  private async deleteForPii(clientId: string, upload: Upload | null | undefined): Promise<void> {
    if (!upload) return;
    await this.tenantDb.run(clientId, (db) => this.uploads.delete(db, upload, 'pii'));
  }

  private async contextFor(kind: ImportKind, geography: Geography): Promise<RowContext> {
    const zips = new Set(geography.zipCodes);
    if (kind === 'property') return { zips, countiesByZip: countiesOfZips(geography) };
    if (kind !== 'channels') return { zips };
    const crosswalk = await loadCrosswalk();
    const places = new Map<string, { city: string; state: string }>();
    for (const zip of zips) {
      const entry = crosswalk.get(zip);
      if (entry?.po_name && entry.state) places.set(zip, { city: entry.po_name, state: entry.state });
    }
    return { zips, places };
  }

  private target(manager: EntityManager, clientId: string, geography: Geography): ImportTarget {
    const zctaByZip = new Map<string, string | null>(
      (geography.zctaResolution ?? []).map((r) => [r.zip, r.zcta ?? null] as const),
    );
    return { manager, clientId, geographyId: geography.id, zctaByZip };
  }

  /**
   * Batched unnest upserts on both drivers. A COPY into a staging table with one INSERT … SELECT per
   * batch was measured on PostgreSQL and was 5–15% slower on 1M events (docs/BENCHMARKS.md, issue 12):
   * the unnest path already costs PostgreSQL about what COPY does, and the time is Node's.
   */
  private sinkFor(kind: ImportKind, target: ImportTarget): ImportSink<never> {
    const sink =
      kind === 'events'
        ? new EventSink(target)
        : kind === 'channels'
          ? new ChannelSink(target)
          : new PropertySink(target);
    return sink as ImportSink<never>;
  }

  /**
   * Streams every record through the schema. With a sink, valid rows are written until the first
   * error; after it only validation goes on, up to MAX_REPORTED_ERRORS, and the pass throws (the
   * transaction around it rolls back).
   */
  private async pass(
    kind: ImportKind,
    source: AsyncIterable<SourceRecord[]>,
    ctx: RowContext,
    sink: ImportSink<never> | null,
    progress: ((rows: number) => Promise<void>) | null,
    contentKind: 'csv' | 'ics',
  ): Promise<PassResult> {
    const validate = ROW_VALIDATORS[kind];
    const errors: RowError[] = [];
    let errorCount = 0;
    let rows = 0;
    let stoppedEarly = false;
    let piiFound = false;
    let reported = 0;
    let reporting: Promise<void> | null = null;
    const report: { failed: boolean; error?: unknown } = { failed: false };
    for await (const batch of source) {
      const valid: unknown[] = [];
      for (const item of batch) {
        rows++;
        const result = validate(item.record, item.row, ctx);
        const found = result.ok ? (item.errors ?? []) : [...(item.errors ?? []), ...result.errors];
        if (found.length > 0) {
          errorCount += found.length;
          if (found.some((error) => error.pii)) piiFound = true;
          errors.push(...found.slice(0, MAX_REPORTED_ERRORS - errors.length));
          if (errors.length >= MAX_REPORTED_ERRORS) {
            stoppedEarly = true;
            break;
          }
        } else if (result.ok && errorCount === 0) {
          valid.push(result.value);
        }
      }
      if (stoppedEarly) break;
      // Once a row has failed nothing more is written: the transaction will be rolled back anyway.
      if (sink && errorCount === 0) await sink.add(valid as never[]);
      if (progress && rows - reported >= PROGRESS_EVERY_ROWS && !reporting) {
        reported = rows - (rows % PROGRESS_EVERY_ROWS);
        // Not awaited: the pass goes on while the update runs on its own connection (one at a time;
        // a step reached meanwhile is reported by the next one). Its failure still fails the pass.
        const update = progress(reported).then(
          () => {
            reporting = null;
          },
          (error: unknown) => {
            if (!report.failed) Object.assign(report, { failed: true, error });
            reporting = null;
          },
        );
        reporting = update;
      }
      if (report.failed) throw report.error;
    }
    await reporting;
    if (report.failed) throw report.error;
    const unit = contentKind === 'ics' ? 'event' : 'row';
    if (errorCount > 0) throw new ImportRowsError(errors, errorCount, rows, unit, stoppedEarly, piiFound);
    if (rows === 0) throw new ImportFileError('The file has a header but no data rows.');
    const upserted = sink ? await sink.finish() : 0;
    return { rows, upserted, summary: sink?.summary?.() ?? {} };
  }

  private reportProgress(
    clientId: string,
    runId: string,
    rows: number,
    singleSession: boolean,
  ): Promise<void> {
    const update = () =>
      this.tenantDb.run(clientId, (db) =>
        rawWrite(
          db.manager,
          'ingestion_runs',
          `UPDATE ingestion_runs SET rows_processed = $1, updated_at = now() WHERE id = $2`,
          [rows, runId],
          {},
        ),
      );
    // On PostgreSQL this runs on its own connection, beside the open import transaction; on PGlite it
    // is only called while no transaction is open (the validation pass).
    return (singleSession ? update() : outsideTenantTransaction(update)).then(() => undefined);
  }

  private async finish(
    clientId: string,
    runId: string,
    outcome: {
      status: RunStatus;
      rows: number;
      upserted: number;
      message: string | null;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    // Stored and shown to every role: a message or detail that holds PII is withheld.
    const message = errorMessageWithoutPii(outcome.message);
    const details =
      outcome.status === RunStatus.Failed ? detailsWithoutPii(outcome.details) : outcome.details;
    await this.tenantDb.run(clientId, (db) =>
      rawWrite(
        db.manager,
        'ingestion_runs',
        `UPDATE ingestion_runs SET status = $1, rows_processed = $2, records_upserted = $3, error_message = $4,
           details = $5::jsonb, finished_at = now(), updated_at = now() WHERE id = $6`,
        [outcome.status, outcome.rows, outcome.upserted, message, JSON.stringify(details), runId],
        { error_message: message, details },
      ),
    );
  }
}

/** ZIP -> counties (5-digit FIPS) of its ZCTA, from the bundled ZCTA-county file. */
function countiesOfZips(geography: Geography): Map<string, Set<string>> {
  const byZcta = new Map<string, Set<string>>();
  for (const part of loadZctaCounties()) {
    let counties = byZcta.get(part.zcta);
    if (!counties) byZcta.set(part.zcta, (counties = new Set()));
    counties.add(part.county);
  }
  return new Map(
    (geography.zctaResolution ?? []).map((r) => [
      r.zip,
      r.zcta ? (byZcta.get(r.zcta) ?? new Set()) : new Set(),
    ]),
  );
}

/** A failure described without values: a database error by its SQLSTATE, anything else by its message. */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `database error ${code}`;
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}
