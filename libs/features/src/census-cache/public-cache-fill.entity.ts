import { ReportStatus } from '@lbi/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * One fill of the public Census cache for a scope (a state's abbreviation or `US`): what it asked the
 * API for, how many requests it made and rows it wrote. A successful CBP fill of (year, NAICS, US) is
 * what makes that industry's cached counts complete. Platform data: no client_id, no tenant content.
 */
@Entity({ name: 'public_cache_fills' })
@Check('ck_public_cache_fills_status', `"status" IN ('queued', 'running', 'success', 'failed')`)
@Check('ck_public_cache_fills_dataset', `"dataset" IN ('acs/acs5', 'cbp')`)
@Index('ix_public_cache_fills_lookup', ['dataset', 'vintage', 'scope', 'status'])
export class PublicCacheFill {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  dataset!: 'acs/acs5' | 'cbp';

  /** Null while queued without a vintage: the job discovers the newest one. */
  @Column({ type: 'smallint', nullable: true })
  vintage!: number | null;

  @Column({ type: 'varchar', length: 8 })
  scope!: string;

  /** CBP fills: the NAICS code; null for ACS. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  naics!: string | null;

  @Column({ type: 'varchar', length: 16, default: ReportStatus.Queued })
  status!: ReportStatus;

  /** What started it: `platform` (an admin or the CLI), `scan` or `refresh`. */
  @Column({ type: 'varchar', length: 16 })
  trigger!: string;

  @Column({ type: 'integer', default: 0 })
  requests!: number;

  @Column({ name: 'rows_written', type: 'integer', default: 0 })
  rowsWritten!: number;

  /** Counts and timings; never tenant content. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
