import { Column, Entity, Unique } from 'typeorm';
import { GeographyOwnedEntity } from '../common/geography-owned.entity';

/**
 * An institutional channel that reaches buyers (an HOA, a school district, a chamber, a home show).
 * It has no personal contact fields by design.
 */
@Entity({ name: 'channels' })
@Unique('uq_channels_natural_key', ['clientId', 'geographyId', 'channelType', 'name'])
export class Channel extends GeographyOwnedEntity {
  @Column({ name: 'channel_type', type: 'varchar', length: 64 })
  channelType!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ type: 'varchar', length: 2 })
  state!: string;

  @Column({ name: 'zip_code', type: 'varchar', length: 5, nullable: true })
  zipCode!: string | null;

  @Column({ name: 'estimated_reach', type: 'integer', nullable: true })
  estimatedReach!: number | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;
}
