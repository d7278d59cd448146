import { SignalType } from '@lbi/contracts';
import { Check, Column, Entity, Index } from 'typeorm';
import { GeographyOwnedEntity } from '../common/geography-owned.entity';

/**
 * One aggregate signal about a ZIP: a Census estimate (with its margin of error), an establishment
 * count (ZIP Code Business Patterns), a property aggregate or an event. Never about a person or a
 * household.
 */
@Entity({ name: 'demand_signals' })
@Check('ck_demand_signals_type', `"signal_type" IN ('CENSUS', 'EVENT', 'PROPERTY', 'BUSINESS')`)
// Natural keys that make re-imports and refreshes idempotent upserts, one per signal type.
@Index('uq_demand_signals_census', ['clientId', 'geographyId', 'zipCode', 'metric', 'vintage'], {
  unique: true,
  where: `"signal_type" = 'CENSUS'`,
})
@Index('uq_demand_signals_business', ['clientId', 'geographyId', 'zipCode', 'metric', 'vintage'], {
  unique: true,
  where: `"signal_type" = 'BUSINESS'`,
})
@Index('uq_demand_signals_event', ['clientId', 'geographyId', 'eventName', 'startDate'], {
  unique: true,
  where: `"signal_type" = 'EVENT'`,
})
@Index('uq_demand_signals_property', ['clientId', 'geographyId', 'zipCode', 'metric'], {
  unique: true,
  where: `"signal_type" = 'PROPERTY'`,
})
@Index('ix_demand_signals_lookup', ['clientId', 'geographyId', 'signalType'])
export class DemandSignal extends GeographyOwnedEntity {
  @Column({ name: 'signal_type', type: 'varchar', length: 16 })
  signalType!: SignalType;

  @Column({ name: 'source_type', type: 'varchar', length: 32 })
  sourceType!: string;

  @Column({ name: 'zip_code', type: 'varchar', length: 5, nullable: true })
  zipCode!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  zcta!: string | null;

  @Column({ type: 'varchar', length: 100 })
  metric!: string;

  /** Null when the source published no estimate (the reason is in metadata). */
  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  /** Margin of error at 90% confidence, as ACS publishes it. */
  @Column({ name: 'margin_of_error', type: 'double precision', nullable: true })
  marginOfError!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  vintage!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  dataset!: string | null;

  @Column({ name: 'event_name', type: 'varchar', length: 300, nullable: true })
  eventName!: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata!: Record<string, unknown>;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;
}
