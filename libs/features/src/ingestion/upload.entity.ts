import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** A file a tenant uploaded for import. Stored under UPLOAD_DIR by its random file_ref, never by its name. */
@Entity({ name: 'uploads' })
@Check('ck_uploads_content_kind', `"content_kind" IN ('csv', 'ics')`)
@Index('ix_uploads_created_at', ['createdAt'])
export class Upload extends TenantOwnedEntity {
  @Column({ name: 'file_ref', type: 'varchar', length: 64, unique: true })
  fileRef!: string;

  /** The client's filename, for display only. */
  @Column({ name: 'original_filename', type: 'varchar', length: 255 })
  originalFilename!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ name: 'content_kind', type: 'varchar', length: 8 })
  contentKind!: 'csv' | 'ics';

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** When the file was last imported successfully. */
  @Column({ name: 'last_imported_at', type: 'timestamptz', nullable: true })
  lastImportedAt!: Date | null;

  /** Set when the file was removed from storage (the row stays, so a late import can say why). */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** `pii` (refused for personal data, deleted at once) or `retention` (the window passed). */
  @Column({ name: 'deleted_reason', type: 'varchar', length: 32, nullable: true })
  deletedReason!: UploadDeletedReason | null;
}

export type UploadDeletedReason = 'pii' | 'retention';
