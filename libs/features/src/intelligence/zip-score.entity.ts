import { Column, Entity, Index } from 'typeorm';
import { GeographyOwnedEntity } from '../common/geography-owned.entity';

/** The score of one ZIP for one category, with the components that make it up. */
@Entity({ name: 'zip_scores' })
@Index('uq_zip_scores_key', ['clientId', 'geographyId', 'category', 'zipCode'], { unique: true })
export class ZipScore extends GeographyOwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ name: 'zip_code', type: 'varchar', length: 5 })
  zipCode!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  components!: unknown[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  flags!: string[];

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
