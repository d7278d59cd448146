import { RunStatus, SourceType } from '@lbi/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { Geography } from '../geographies/geography.entity';

/** One execution of an ingestion job: what it was asked to do, how far it got and how it ended. */
@Entity({ name: 'ingestion_runs' })
@Check(
  'ck_ingestion_runs_source_type',
  `"source_type" IN ('census', 'csv_property', 'csv_events', 'csv_channels')`,
)
@Check('ck_ingestion_runs_status', `"status" IN ('queued', 'running', 'success', 'failed')`)
@Index('ix_ingestion_runs_freshness', ['clientId', 'geographyId', 'sourceType', 'createdAt'])
@Index('ix_ingestion_runs_status', ['status', 'updatedAt'])
// One queued or running run per geography and source: a second request answers 409 with this one.
@Index('uq_ingestion_runs_active', ['clientId', 'geographyId', 'sourceType'], {
  unique: true,
  where: `"status" IN ('queued', 'running')`,
})
export class IngestionRun extends TenantOwnedEntity {
  @Index()
  @Column({ name: 'geography_id', type: 'uuid', nullable: true })
  geographyId!: string | null;

  @ManyToOne(() => Geography, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'geography_id' })
  geography?: Geography;

  @Column({ name: 'source_type', type: 'varchar', length: 32 })
  sourceType!: SourceType;

  @Column({ type: 'varchar', length: 16, default: RunStatus.Queued })
  status!: RunStatus;

  @Column({ name: 'file_ref', type: 'varchar', length: 64, nullable: true })
  fileRef!: string | null;

  @Column({ name: 'records_upserted', type: 'integer', default: 0 })
  recordsUpserted!: number;

  /** Progress while the run works; updated in batches. */
  @Column({ name: 'rows_processed', type: 'integer', default: 0 })
  rowsProcessed!: number;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  /** Structured outcome: row errors, ZIPs without a ZCTA, request counts. Never raw values. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
