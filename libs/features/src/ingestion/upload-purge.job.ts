import { Injectable, Logger, OnApplicationBootstrap, Inject } from '@nestjs/common';
import { JobName, JobPayload, RunStatus } from '@lbi/contracts';
import { AppConfig, JobHandler, JobQueue, rawWrite, RUNS_SCHEDULES } from '@lbi/server';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { FILE_REF_PATTERN, uploadPath } from './upload-storage';

/** How often expired uploads are looked for. */
export const UPLOAD_PURGE_INTERVAL_MS = 15 * 60 * 1000;

/** A file on disk without a live upload row (a crash between write and insert) is removed after this. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes uploaded files UPLOAD_RETENTION_HOURS after they were uploaded, imported or not, except while
 * an import of the file is queued or running; the row stays with `deleted_at` and the reason. Files in
 * UPLOAD_DIR that no live upload row knows are removed too, so nothing lingers on disk.
 */
@Injectable()
export class UploadPurgeJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadPurgeJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    @Inject(RUNS_SCHEDULES) private readonly runsSchedules: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsSchedules) return;
    await this.queue.schedule(
      JobName.PurgeUploads,
      { older_than_ms: this.config.uploadRetentionHours * 3_600_000 },
      { everyMs: UPLOAD_PURGE_INTERVAL_MS },
    );
  }

  @JobHandler(JobName.PurgeUploads)
  async purge(payload: JobPayload<JobName.PurgeUploads>): Promise<{ deleted: number; orphans: number }> {
    const cutoff = new Date(Date.now() - payload.older_than_ms);
    const dir = this.config.resolvedUploadDir;
    // Platform maintenance across tenants: it reads file refs and sets the deletion columns only.
    const expired = (await this.dataSource.query(
      `SELECT u.id, u.file_ref FROM uploads u
       WHERE u.deleted_at IS NULL AND u.created_at < $1
         AND NOT EXISTS (SELECT 1 FROM ingestion_runs r
                         WHERE r.client_id = u.client_id AND r.file_ref = u.file_ref AND r.status IN ($2, $3))`,
      [cutoff, RunStatus.Queued, RunStatus.Running],
    )) as { id: string; file_ref: string }[];
    for (const upload of expired) {
      await unlink(uploadPath(dir, upload.file_ref)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rawWrite(
        this.dataSource.manager,
        'uploads',
        `UPDATE uploads SET deleted_at = now(), deleted_reason = 'retention', updated_at = now() WHERE id = $1`,
        [upload.id],
        {},
      );
    }
    const orphans = await this.removeOrphans(dir);
    const result = { deleted: expired.length, orphans };
    if (result.deleted + result.orphans > 0) this.logger.log({ msg: 'uploads purged', ...result });
    return result;
  }

  private async removeOrphans(dir: string): Promise<number> {
    const names = await readdir(resolve(dir)).catch(() => [] as string[]);
    const candidates = names.filter((name) => FILE_REF_PATTERN.test(name));
    if (candidates.length === 0) return 0;
    const live = new Set(
      (
        (await this.dataSource.query(
          `SELECT file_ref FROM uploads WHERE deleted_at IS NULL AND file_ref = ANY($1::varchar[])`,
          [candidates],
        )) as { file_ref: string }[]
      ).map((row) => row.file_ref),
    );
    let removed = 0;
    for (const name of candidates) {
      if (live.has(name)) continue;
      const path = join(resolve(dir), name);
      const info = await stat(path).catch(() => undefined);
      if (!info || Date.now() - info.mtimeMs < ORPHAN_GRACE_MS) continue;
      await unlink(path).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }
}
