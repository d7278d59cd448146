import { ReportStatus } from '@lbi/contracts';
import { Check, Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** A stored scan: every ZCTA of a state or of the nation ranked for a category, as a report payload. */
@Entity({ name: 'scans' })
@Check('ck_scans_status', `"status" IN ('queued', 'running', 'success', 'failed')`)
export class Scan extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  category!: string;

  /** A state's USPS abbreviation (`PA`) or `US` for the nation. */
  @Column({ type: 'varchar', length: 8 })
  scope!: string;

  /** How many top ZIPs the payload explains (`limit` in the API). */
  @Column({ name: 'zip_limit', type: 'integer' })
  zipLimit!: number;

  @Column({ type: 'varchar', length: 16, default: ReportStatus.Queued })
  status!: ReportStatus;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

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
