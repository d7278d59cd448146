import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { loadCrosswalk } from '@lbi/census';
import { TenantDb, TenantTransaction } from '@lbi/server';
import { FindOptionsWhere, Not } from 'typeorm';
import { requireGeography } from '../geographies/geography-lookup';
import { Geography } from '../geographies/geography.entity';
import { isUniqueViolation } from '../tenants/unique-violation';
import { Channel } from './channel.entity';
import { channelPlace, zipNotInGeography } from './channel-place';
import { CreateChannelDto } from './dto/create-channel.dto';
import { ListChannelsQueryDto } from './dto/list-channels-query.dto';
import { UpdateChannelDto } from './dto/update-channel.dto';

const noChannel = (id: string): string => `No channel with id ${id}`;

function duplicate(channelType: string, name: string, geography?: Geography): ConflictException {
  const where = geography ? ` in geography "${geography.name}"` : ' in this geography';
  return new ConflictException(
    `A ${channelType} channel named "${name}" already exists${where}: change that one (PATCH /channels/:id) or choose another name`,
  );
}

/** Institutional channels (HOAs, school districts, chambers, home shows…) of a tenant's geographies. */
@Injectable()
export class ChannelsService {
  private readonly logger = new Logger(ChannelsService.name);

  constructor(private readonly tenantDb: TenantDb) {}

  async create(dto: CreateChannelDto): Promise<Channel> {
    const crosswalk = await loadCrosswalk();
    const channel = await this.duplicateAs409(dto.channel_type, dto.name, () =>
      this.tenantDb.forCurrentTenant(async (db) => {
        const geography = await requireGeography(db, dto.geography_id);
        const zip = dto.zip_code ?? null;
        if (zip !== null) this.assertZipIn(zip, geography);
        const place = channelPlace({ city: dto.city, state: dto.state }, zip, geography, crosswalk);
        if ('error' in place) throw new BadRequestException(place.error);
        await this.assertUnique(db, geography, dto.channel_type, dto.name);
        const channels = db.repository(Channel);
        return channels.save(
          channels.create({
            geographyId: geography.id,
            channelType: dto.channel_type,
            name: dto.name,
            city: place.city,
            state: place.state,
            zipCode: zip,
            estimatedReach: dto.estimated_reach ?? null,
            website: dto.website ?? null,
            notes: dto.notes ?? null,
            sourceUrl: dto.source_url ?? null,
          }),
        );
      }),
    );
    this.logger.log({ msg: 'channel created', channel_id: channel.id, geography_id: channel.geographyId });
    return channel;
  }

  list(query: ListChannelsQueryDto): Promise<Channel[]> {
    return this.tenantDb.forCurrentTenant(async (db) => {
      const where: FindOptionsWhere<Channel> = {};
      if (query.geography_id) where.geographyId = (await requireGeography(db, query.geography_id)).id;
      if (query.channel_type) where.channelType = query.channel_type;
      return db.repository(Channel).find({ where, order: { channelType: 'ASC', name: 'ASC', id: 'ASC' } });
    });
  }

  get(id: string): Promise<Channel> {
    return this.tenantDb.forCurrentTenant((db) => this.requireChannel(db, id));
  }

  async update(id: string, dto: UpdateChannelDto): Promise<Channel> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadRequestException('Send at least one field to change');
    }
    const crosswalk = await loadCrosswalk();
    const channel = await this.duplicateAs409(dto.channel_type ?? '', dto.name ?? '', () =>
      this.tenantDb.forCurrentTenant(async (db) => {
        const channel = await this.requireChannel(db, id);
        const geography = await requireGeography(db, dto.geography_id ?? channel.geographyId);
        const zipChanged = dto.zip_code !== undefined && dto.zip_code !== channel.zipCode;
        const zip = dto.zip_code === undefined ? channel.zipCode : dto.zip_code;
        if (zip !== null && (zipChanged || geography.id !== channel.geographyId))
          this.assertZipIn(zip, geography);
        if (zipChanged && zip !== null) {
          // A new ZIP brings its own city and state unless the caller sends them.
          const place = channelPlace({ city: dto.city, state: dto.state }, zip, geography, crosswalk);
          if ('error' in place) throw new BadRequestException(place.error);
          channel.city = place.city;
          channel.state = place.state;
        } else {
          if (dto.city !== undefined) channel.city = dto.city;
          if (dto.state !== undefined) channel.state = dto.state;
        }
        const channelType = dto.channel_type ?? channel.channelType;
        const name = dto.name ?? channel.name;
        if (
          geography.id !== channel.geographyId ||
          channelType !== channel.channelType ||
          name !== channel.name
        ) {
          await this.assertUnique(db, geography, channelType, name, channel.id);
        }
        channel.geographyId = geography.id;
        channel.geography = undefined;
        channel.channelType = channelType;
        channel.name = name;
        channel.zipCode = zip;
        if (dto.estimated_reach !== undefined) channel.estimatedReach = dto.estimated_reach;
        if (dto.website !== undefined) channel.website = dto.website;
        if (dto.notes !== undefined) channel.notes = dto.notes;
        if (dto.source_url !== undefined) channel.sourceUrl = dto.source_url;
        return db.repository(Channel).save(channel);
      }),
    );
    this.logger.log({ msg: 'channel updated', channel_id: channel.id });
    return channel;
  }

  async remove(id: string): Promise<void> {
    const deleted = await this.tenantDb.forCurrentTenant((db) => db.repository(Channel).delete({ id }));
    if (deleted === 0) throw new NotFoundException(noChannel(id));
    this.logger.log({ msg: 'channel deleted', channel_id: id });
  }

  private async requireChannel(db: TenantTransaction, id: string): Promise<Channel> {
    const channel = await db.repository(Channel).findOneBy({ id });
    if (!channel) throw new NotFoundException(noChannel(id));
    return channel;
  }

  private assertZipIn(zip: string, geography: Geography): void {
    const problem = zipNotInGeography(zip, geography);
    if (problem) throw new BadRequestException(problem);
  }

  private async assertUnique(
    db: TenantTransaction,
    geography: Geography,
    channelType: string,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    const where: FindOptionsWhere<Channel> = { geographyId: geography.id, channelType, name };
    if (exceptId) where.id = Not(exceptId);
    if ((await db.repository(Channel).count(where)) > 0) throw duplicate(channelType, name, geography);
  }

  /** A concurrent insert can still hit the unique key after the check: answer 409 all the same. */
  private async duplicateAs409<T>(channelType: string, name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(channelType, name);
      throw error;
    }
  }
}
