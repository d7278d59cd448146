import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The public ACS cache: one ZCTA's figures of one vintage exactly as the Census API answered them
 * (estimate and MOE cells as strings, nulls and annotation codes kept), shared by every tenant. It has
 * no client_id and holds no tenant content; the app role may only read it. Filled on the owner
 * connection by the platform fill job and by tenant refreshes (write-through).
 */
@Entity({ name: 'public_acs_zctas' })
@Check('ck_public_acs_zctas_source', `"source" IN ('api', 'snapshot')`)
export class PublicAcsZcta {
  @PrimaryColumn({ type: 'smallint' })
  vintage!: number;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  zcta!: string;

  /** Variable id -> cell as the API sent it (`"31681"`, `"-666666666"`, null). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  cells!: Record<string, string | null>;

  /**
   * `api`: the Census API answered these cells (their source URL is the single-ZCTA query that
   * reproduces them); `snapshot`: the bundled files, loaded because the API was unreachable.
   */
  @Column({ type: 'varchar', length: 16, default: 'api' })
  source!: 'api' | 'snapshot';

  /** The API was asked and published nothing for this ZCTA in this vintage. */
  @Column({ type: 'boolean', default: false })
  absent!: boolean;

  @UpdateDateColumn({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;
}
