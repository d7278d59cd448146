import type { TradeArea } from '@lbi/contracts';
import { Column, Entity, Unique } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** How one ZIP of a geography maps onto a Census ZCTA (the unit ACS publishes). */
export interface ZctaResolution {
  zip: string;
  zcta: string | null;
  join_type: string;
  po_name?: string | null;
  state?: string | null;
  zip_type?: string | null;
  note?: string;
}

/** A named set of ZIP codes a tenant markets to. */
@Entity({ name: 'geographies' })
@Unique('uq_geographies_client_name', ['clientId', 'name'])
export class Geography extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'zip_codes', type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  zipCodes!: string[];

  @Column({ name: 'zcta_resolution', type: 'jsonb', default: () => "'[]'" })
  zctaResolution!: ZctaResolution[];

  /** How the ZIPs were chosen (ring, counties, scan), so a ring can be widened later; null for a ZIP list. */
  @Column({ name: 'trade_area', type: 'jsonb', nullable: true })
  tradeArea!: TradeArea | null;
}
