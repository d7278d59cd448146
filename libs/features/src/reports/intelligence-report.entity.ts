import { ReportStatus, type ReportOptions } from '@lbi/contracts';
import { Check, Column, Entity } from 'typeorm';
import { GeographyOwnedEntity } from '../common/geography-owned.entity';

/** An immutable report snapshot for a geography and a category. */
@Entity({ name: 'intelligence_reports' })
@Check('ck_intelligence_reports_status', `"status" IN ('queued', 'running', 'success', 'failed')`)
export class IntelligenceReport extends GeographyOwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ type: 'varchar', length: 16, default: ReportStatus.Queued })
  status!: ReportStatus;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

  /** What the report was asked for besides geography and category (`closer_first`). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  options!: ReportOptions;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  /** The user who asked for it (an id, never an email). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
