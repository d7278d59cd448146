import { Injectable, Logger } from '@nestjs/common';
import type { UploadResponse } from '@lbi/contracts';
import { findPii } from '@lbi/pii';
import { AppConfig, TenantDb } from '@lbi/server';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Upload } from './upload.entity';
import { displayFilename, storeUpload } from './upload-storage';

/** Uploaded files: stored by random file_ref under UPLOAD_DIR, recorded per tenant. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly config: AppConfig,
  ) {}

  /**
   * Streams one file to storage (size limit, content check) and records it for the current tenant.
   * Throws UploadTooLargeError / UnsupportedContentError with nothing left on disk.
   */
  async store(input: Readable, clientFilename: string | undefined): Promise<Upload> {
    const stored = await storeUpload(input, this.config.resolvedUploadDir, this.config.uploadMaxBytes);
    let filename = displayFilename(clientFilename);
    // The display name is stored: a name that holds PII (an email, a phone number) is not kept.
    if (findPii(filename).length > 0) filename = stored.contentKind === 'ics' ? 'upload.ics' : 'upload.csv';
    try {
      const upload = await this.tenantDb.forCurrentTenant((db) => {
        const repo = db.repository(Upload);
        return repo.save(
          repo.create({
            fileRef: stored.fileRef,
            originalFilename: filename,
            sizeBytes: String(stored.sizeBytes),
            contentKind: stored.contentKind,
            sha256: stored.sha256,
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
}

export function toUploadResponse(upload: Upload): UploadResponse {
  return {
    file_ref: upload.fileRef,
    filename: upload.originalFilename,
    size_bytes: Number(upload.sizeBytes),
    content_kind: upload.contentKind,
  };
}
