import { Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Geography } from '../geographies/geography.entity';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A tenant row that belongs to one geography and goes when the geography goes. */
export abstract class GeographyOwnedEntity extends TenantOwnedEntity {
  @Index()
  @Column({ name: 'geography_id', type: 'uuid' })
  geographyId!: string;

  @ManyToOne(() => Geography, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'geography_id' })
  geography?: Geography;
}
