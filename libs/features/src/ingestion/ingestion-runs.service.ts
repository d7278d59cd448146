import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { RunStatus, SourceType } from '@lbi/contracts';
import {
  detailsWithoutPii,
  errorMessageWithoutPii,
  rawWrite,
  TenantDb,
  TenantTransaction,
} from '@lbi/server';
import { FindOptionsWhere } from 'typeorm';
import { isUniqueViolation } from '../tenants/unique-violation';
import { IngestionRun } from './ingestion-run.entity';

const SOURCE_WORDS: Record<string, string> = {
  census: 'A Census refresh',
  csv_property: 'A property import',
  csv_events: 'An events import',
  csv_channels: 'A channels import',
};

/**
 * A run of the same source is already queued or running for the geography: one at a time, so one
 * tenant cannot fill the shared queue with copies. The answer names the run to watch.
 */
export class RunAlreadyActiveError extends ConflictException {
  constructor(run: IngestionRun) {
    super({
      message: `${SOURCE_WORDS[run.sourceType] ?? 'A run'} of this geography is already ${run.status} (ingestion run ${run.id}); wait for it to finish, then try again.`,
      ingestion_run_id: run.id,
    });
  }
}

export interface ListIngestionRunsFilter {
  geographyId?: string;
  status?: RunStatus;
  sourceType?: SourceType;
  limit?: number;
  offset?: number;
}

export const INGESTION_RUNS_DEFAULT_LIMIT = 50;
export const INGESTION_RUNS_MAX_LIMIT = 200;

/** Longest error_message kept on a run: enough to read, short enough to show in a list. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Ingestion runs of the current tenant: created queued by the API, moved through running to success or
 * failed by their job. Each state change is its own short tenant transaction unless a transaction is
 * handed in (a job's final write commits its records and its success together).
 */
@Injectable()
export class IngestionRunsService {
  constructor(private readonly tenantDb: TenantDb) {}

  /**
   * Records a queued run for `clientId`; throws RunAlreadyActiveError (409) when one of the same source
   * is queued or running for the geography (a partial unique index makes this hold under races).
   */
  async create(
    clientId: string,
    input: {
      geographyId: string;
      sourceType: SourceType;
      fileRef?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<IngestionRun> {
    try {
      return await this.tenantDb.run(clientId, (db) => {
        const runs = db.repository(IngestionRun);
        return runs.save(
          runs.create({
            geographyId: input.geographyId,
            sourceType: input.sourceType,
            status: RunStatus.Queued,
            fileRef: input.fileRef ?? null,
            details: input.details ?? {},
          }),
        );
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const active = await this.tenantDb.run(clientId, (db) =>
        db.repository(IngestionRun).find({
          where: { geographyId: input.geographyId, sourceType: input.sourceType },
          order: { createdAt: 'DESC' },
          take: 1,
        }),
      );
      if (active[0]) throw new RunAlreadyActiveError(active[0]);
      throw error;
    }
  }

  /**
   * Enqueues the job of a run just created; when the queue cannot take it, the run is failed (so it
   * neither shows as waiting nor blocks the next request with a 409) and the error goes on.
   */
  async enqueueOrFail(clientId: string, runId: string, enqueue: () => Promise<unknown>): Promise<void> {
    try {
      await enqueue();
    } catch (error) {
      const message = 'The job could not be queued (the job queue did not answer); nothing ran. Try again.';
      await this.tenantDb.run(clientId, (db) =>
        rawWrite(
          db.manager,
          'ingestion_runs',
          `UPDATE ingestion_runs SET status = $1, error_message = $2, finished_at = now(), updated_at = now() WHERE id = $3`,
          [RunStatus.Failed, message, runId],
          { error_message: message },
        ),
      );
      throw error;
    }
  }

  list(filter: ListIngestionRunsFilter = {}): Promise<IngestionRun[]> {
    const where: FindOptionsWhere<IngestionRun> = {};
    if (filter.geographyId) where.geographyId = filter.geographyId;
    if (filter.status) where.status = filter.status;
    if (filter.sourceType) where.sourceType = filter.sourceType;
    const limit = Math.min(
      Math.max(filter.limit ?? INGESTION_RUNS_DEFAULT_LIMIT, 1),
      INGESTION_RUNS_MAX_LIMIT,
    );
    return this.tenantDb.forCurrentTenant((db) =>
      db.repository(IngestionRun).find({
        where,
        order: { createdAt: 'DESC', id: 'DESC' },
        take: limit,
        skip: Math.max(filter.offset ?? 0, 0),
      }),
    );
  }

  /** Another tenant's run answers 404, exactly as a missing one. */
  async get(id: string): Promise<IngestionRun> {
    const run = await this.find(id);
    if (!run) throw new NotFoundException(`No ingestion run with id ${id}`);
    return run;
  }

  find(id: string): Promise<IngestionRun | null> {
    return this.tenantDb.forCurrentTenant((db) => db.repository(IngestionRun).findOneBy({ id }));
  }

  /** queued (or a retried running) → running; clears the error of an earlier attempt. */
  markRunning(id: string, details: Record<string, unknown> = {}): Promise<void> {
    return this.update(
      id,
      `status = '${RunStatus.Running}', started_at = COALESCE(started_at, now()), error_message = NULL,
       details = details || $3::jsonb`,
      [details],
      { details },
    );
  }

  /** Progress while working; also the heartbeat the stale-run reaper reads (updated_at). */
  progress(id: string, rowsProcessed: number, details: Record<string, unknown> = {}): Promise<void> {
    return this.update(id, `rows_processed = $3, details = details || $4::jsonb`, [rowsProcessed, details], {
      details,
    });
  }

  succeed(
    id: string,
    result: { recordsUpserted: number; rowsProcessed?: number; details?: Record<string, unknown> },
    db?: TenantTransaction,
  ): Promise<void> {
    return this.update(
      id,
      `status = '${RunStatus.Success}', records_upserted = $3, rows_processed = COALESCE($4, rows_processed),
       details = details || $5::jsonb, error_message = NULL, finished_at = now()`,
      [result.recordsUpserted, result.rowsProcessed ?? null, result.details ?? {}],
      { details: result.details ?? {} },
      db,
    );
  }

  fail(id: string, message: string, details: Record<string, unknown> = {}): Promise<void> {
    // A failure is recorded whatever it says: text that holds PII is withheld, never refused.
    const stored = errorMessageWithoutPii(message.slice(0, MAX_ERROR_LENGTH));
    const storedDetails = detailsWithoutPii(details);
    return this.update(
      id,
      `status = '${RunStatus.Failed}', error_message = $3, details = details || $4::jsonb, finished_at = now()`,
      [stored, storedDetails],
      { error_message: stored, details: storedDetails },
    );
  }

  private async update(
    id: string,
    set: string,
    params: unknown[],
    text: Record<string, unknown>,
    db?: TenantTransaction,
  ): Promise<void> {
    const run = async (tx: TenantTransaction) => {
      const values = params.map((p) => (p !== null && typeof p === 'object' ? JSON.stringify(p) : p));
      await rawWrite(
        tx.manager,
        'ingestion_runs',
        `UPDATE ingestion_runs SET ${set}, updated_at = now() WHERE id = $1 AND client_id = $2`,
        [id, tx.clientId, ...values],
        text,
      );
    };
    if (db) return run(db);
    return this.tenantDb.forCurrentTenant(run);
  }
}
