import { Injectable, Logger } from '@nestjs/common';
import type { UploadResponse } from '@lbi/contracts';
import { findPii } from '@lbi/pii';
import { AppConfig, TenantDb, TenantTransaction } from '@lbi/server';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Upload, UploadDeletedReason } from './upload.entity';
import { displayFilename, formatBytes, storeUpload, uploadPath, UploadTooLargeError } from './upload-storage';

/**
 * Uploaded files: stored by random file_ref under UPLOAD_DIR, recorded per tenant, within the tenant's
 * quota, and deleted again: at once when an import refuses the file for personal data, otherwise
 * UPLOAD_RETENTION_HOURS after the upload (UploadPurgeJob), imported or not.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly config: AppConfig,
  ) {}

  /**
   * Streams one file to storage (size limit, quota, content check) and records it for `clientId`. The
   * tenant is passed in, never read from async context: this runs from a multipart parser's stream
   * callbacks. Throws UploadTooLargeError / UnsupportedContentError / UploadPiiError with nothing left
   * on disk.
   */
  async store(input: Readable, clientFilename: string | undefined, clientId: string): Promise<Upload> {
    const used = await this.tenantDb.run(clientId, (db) => this.bytesUsed(db));
    const quota = this.config.uploadQuotaBytes;
    if (used >= quota) {
      input.resume();
      throw new UploadTooLargeError(quota, this.quotaMessage(used));
    }
    const stored = await storeUpload(input, this.config.resolvedUploadDir, {
      maxBytes: this.config.uploadMaxBytes,
      remainingQuotaBytes: quota - used,
      quotaMessage: (needed) => this.quotaMessage(used, needed),
      icsMaxBytes: this.config.icsMaxBytes,
      icsMaxEvents: this.config.icsMaxEvents,
    });
    let filename = displayFilename(clientFilename);
    // The display name is stored: a name that holds PII (an email, a phone number) is not kept.
    if (findPii(filename).length > 0) filename = stored.contentKind === 'ics' ? 'upload.ics' : 'upload.csv';
    try {
      const upload = await this.tenantDb.run(clientId, async (db) => {
        // Concurrent uploads of one tenant: the quota is checked again under a per-tenant lock.
        await db.manager.query(`SELECT pg_advisory_xact_lock(hashtext('uploads:' || $1))`, [clientId]);
        const nowUsed = await this.bytesUsed(db);
        if (nowUsed + stored.sizeBytes > quota) {
          throw new UploadTooLargeError(quota, this.quotaMessage(nowUsed, stored.sizeBytes));
        }
        const repo = db.repository(Upload);
        return repo.save(
          repo.create({
            fileRef: stored.fileRef,
            originalFilename: filename,
            sizeBytes: String(stored.sizeBytes),
            contentKind: stored.contentKind,
            sha256: stored.sha256,
            lastImportedAt: null,
            deletedAt: null,
            deletedReason: null,
          }),
        );
      });
      this.logger.log({
        msg: 'upload stored',
        file_ref: upload.fileRef,
        size_bytes: stored.sizeBytes,
        content_kind: stored.contentKind,
      });
      return upload;
    } catch (error) {
      await unlink(stored.path).catch(() => undefined);
      throw error;
    }
  }

  /** Bytes the tenant's kept (not yet deleted) uploads take. */
  async bytesUsed(db: TenantTransaction): Promise<number> {
    const [row] = (await db.manager.query(
      `SELECT COALESCE(SUM(size_bytes), 0)::bigint AS used FROM uploads WHERE client_id = $1 AND deleted_at IS NULL`,
      [db.clientId],
    )) as { used: string }[];
    return Number(row?.used ?? 0);
  }

  /** Forgets an upload whose request was refused after it was stored: no file, no row, as if never sent. */
  async discard(upload: Upload, clientId: string): Promise<void> {
    await unlink(uploadPath(this.config.resolvedUploadDir, upload.fileRef)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    await this.tenantDb.run(clientId, (db) => db.repository(Upload).delete({ id: upload.id }));
    this.logger.log({ msg: 'upload discarded', file_ref: upload.fileRef, reason: 'request refused' });
  }

  /** Removes the file at once and records why; the row stays so a later import can say so. */
  async delete(db: TenantTransaction, upload: Upload, reason: UploadDeletedReason): Promise<void> {
    await unlink(uploadPath(this.config.resolvedUploadDir, upload.fileRef)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    upload.deletedAt = new Date();
    upload.deletedReason = reason;
    await db.repository(Upload).save(upload);
    this.logger.log({ msg: 'upload deleted', file_ref: upload.fileRef, reason });
  }

  private quotaMessage(used: number, needed?: number): string {
    const quota = this.config.uploadQuotaBytes;
    const hours = this.config.uploadRetentionHours;
    return (
      `Your client's uploads use ${formatBytes(used)} of its ${formatBytes(quota)} quota (UPLOAD_QUOTA_BYTES)` +
      (needed === undefined ? '' : `; this file needs at least ${formatBytes(needed)} more than is left`) +
      `. Uploads are deleted ${hours} h after they arrive; try again then, or ask the platform admin for more space.`
    );
  }
}

/** Why an upload's file_ref can no longer be imported, in words for the run's error message. */
export function deletedUploadMessage(upload: Upload, retentionHours: number): string {
  return upload.deletedReason === 'pii'
    ? 'The uploaded file was refused for personal data and deleted; upload a corrected file.'
    : `The uploaded file was deleted ${retentionHours} h after it was uploaded (UPLOAD_RETENTION_HOURS); upload it again.`;
}

export function toUploadResponse(upload: Upload): UploadResponse {
  return {
    file_ref: upload.fileRef,
    filename: upload.originalFilename,
    size_bytes: Number(upload.sizeBytes),
    content_kind: upload.contentKind,
  };
}
