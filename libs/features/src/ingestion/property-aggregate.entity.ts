import { Column, Entity, Index } from 'typeorm';
import { GeographyOwnedEntity } from '../common/geography-owned.entity';

/**
 * Property CSV rows are kept only as aggregates per ZIP and block group ('' = the whole ZIP):
 * counts, medians and mixes. No row-level property is stored.
 */
@Entity({ name: 'property_aggregates' })
@Index('uq_property_aggregates_key', ['clientId', 'geographyId', 'zipCode', 'blockGroup'], { unique: true })
export class PropertyAggregate extends GeographyOwnedEntity {
  @Column({ name: 'zip_code', type: 'varchar', length: 5 })
  zipCode!: string;

  @Column({ name: 'block_group', type: 'varchar', length: 12, default: '' })
  blockGroup!: string;

  @Column({ name: 'property_count', type: 'integer' })
  propertyCount!: number;

  @Column({ name: 'median_year_built', type: 'double precision', nullable: true })
  medianYearBuilt!: number | null;

  @Column({ name: 'median_lot_size_sqft', type: 'double precision', nullable: true })
  medianLotSizeSqft!: number | null;

  @Column({ name: 'property_type_mix', type: 'jsonb', default: () => "'{}'" })
  propertyTypeMix!: Record<string, number>;

  @Column({ name: 'ownership_mix', type: 'jsonb', default: () => "'{}'" })
  ownershipMix!: Record<string, number>;

  @Column({ name: 'income_band_mix', type: 'jsonb', default: () => "'{}'" })
  incomeBandMix!: Record<string, number>;

  /** Mean of the coarsened coordinates (0.01° grid), if the file had any. */
  @Column({ name: 'centroid_lat', type: 'double precision', nullable: true })
  centroidLat!: number | null;

  @Column({ name: 'centroid_lon', type: 'double precision', nullable: true })
  centroidLon!: number | null;
}
