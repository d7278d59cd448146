import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The public ACS cache: one ZCTA's figures of one vintage exactly as the Census API answered them
 * (estimate and MOE cells as strings, nulls and annotation codes kept), shared by every tenant. It has
 * no client_id and holds no tenant content; the app role may only read it. Filled on the owner
 * connection by the platform fill job and by tenant refreshes (write-through).
 */
@Entity({ name: 'public_acs_zctas' })
export class PublicAcsZcta {
  @PrimaryColumn({ type: 'smallint' })
  vintage!: number;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  zcta!: string;

  /** Variable id -> cell as the API sent it (`"31681"`, `"-666666666"`, null). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  cells!: Record<string, string | null>;

  /** Key-free URLs of the requests the cells came from (one per variable group). */
  @Column({ name: 'request_urls', type: 'text', array: true, default: () => "'{}'" })
  requestUrls!: string[];

  /** The API was asked and published nothing for this ZCTA in this vintage. */
  @Column({ type: 'boolean', default: false })
  absent!: boolean;

  @UpdateDateColumn({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;
}
