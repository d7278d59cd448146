import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The public ZIP Code Business Patterns cache: establishments per ZIP and NAICS code of one year, as
 * published (a ZIP x industry cell under 3 establishments has no row). Public, no client_id; the app
 * role may only read it. Which (year, NAICS) pairs are complete is recorded in public_cache_fills.
 */
@Entity({ name: 'public_business_counts' })
export class PublicBusinessCount {
  @PrimaryColumn({ type: 'smallint' })
  vintage!: number;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  naics!: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  zip!: string;

  @Column({ type: 'integer' })
  establishments!: number;
}
