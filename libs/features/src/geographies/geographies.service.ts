import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { loadCrosswalk, type ZipCrosswalk } from '@lbi/census';
import { TenantDb, TenantTransaction } from '@lbi/server';
import { In, Not } from 'typeorm';
import type { ZipCheckResponse } from '@lbi/contracts';
import { ZipScore } from '../intelligence/zip-score.entity';
import { PropertyAggregate } from '../ingestion/property-aggregate.entity';
import { isUniqueViolation } from '../tenants/unique-violation';
import { DemandSignal } from './demand-signal.entity';
import { CreateGeographyDto } from './dto/create-geography.dto';
import { UpdateGeographyDto } from './dto/update-geography.dto';
import { noGeography, requireGeography } from './geography-lookup';
import { Geography, ZctaResolution } from './geography.entity';
import { checkGeographyZips, checkZipList } from './zip-codes';
import { toZctaResolutionResponse } from './geography.mapper';

const nameTaken = (name: string): string =>
  `A geography named "${name}" already exists in your client: choose another name`;

/** Named sets of ZIP codes, each ZIP checked against the crosswalk and resolved to its ZCTA. */
@Injectable()
export class GeographiesService {
  private readonly logger = new Logger(GeographiesService.name);

  constructor(private readonly tenantDb: TenantDb) {}

  /** The ZIP→ZCTA crosswalk (parsed once per process). */
  crosswalk(): Promise<ZipCrosswalk> {
    return loadCrosswalk();
  }

  /** Checks a ZIP list entry by entry, as create and update would; touches no tenant data. */
  async checkZipCodes(entries: unknown[]): Promise<ZipCheckResponse> {
    const checked = checkZipList(entries, await this.crosswalk());
    return {
      entries: checked.map((entry) => ({
        ...entry,
        resolution: entry.resolution ? toZctaResolutionResponse(entry.resolution) : null,
      })),
    };
  }

  async create(dto: CreateGeographyDto): Promise<Geography> {
    const { zips, resolution } = await this.checkZips(dto.zip_codes);
    const geography = await this.conflictsAs409(dto.name, () =>
      this.tenantDb.forCurrentTenant(async (db) => {
        const geographies = db.repository(Geography);
        if ((await geographies.count({ name: dto.name })) > 0)
          throw new ConflictException(nameTaken(dto.name));
        return geographies.save(
          geographies.create({ name: dto.name, zipCodes: zips, zctaResolution: resolution }),
        );
      }),
    );
    this.logger.log({ msg: 'geography created', geography_id: geography.id, zip_count: zips.length });
    return geography;
  }

  list(): Promise<Geography[]> {
    return this.tenantDb.forCurrentTenant((db) =>
      db.repository(Geography).find({ order: { name: 'ASC', id: 'ASC' } }),
    );
  }

  get(id: string): Promise<Geography> {
    return this.tenantDb.forCurrentTenant((db) => requireGeography(db, id));
  }

  /**
   * Renames and/or replaces the ZIP list. ZIPs that stay keep their signals; the demand signals,
   * property aggregates and ZIP scores of removed ZIPs are deleted in the same transaction.
   */
  async update(id: string, dto: UpdateGeographyDto): Promise<Geography> {
    if (dto.name === undefined && dto.zip_codes === undefined) {
      throw new BadRequestException('Send name and/or zip_codes to change');
    }
    const checked = dto.zip_codes === undefined ? undefined : await this.checkZips(dto.zip_codes);
    const { geography, removed } = await this.conflictsAs409(dto.name ?? '', () =>
      this.tenantDb.forCurrentTenant(async (db) => {
        const geographies = db.repository(Geography);
        const geography = await requireGeography(db, id);
        if (dto.name !== undefined && dto.name !== geography.name) {
          if ((await geographies.count({ name: dto.name, id: Not(geography.id) })) > 0) {
            throw new ConflictException(nameTaken(dto.name));
          }
          geography.name = dto.name;
        }
        let removed: string[] = [];
        if (checked) {
          const kept = new Set(checked.zips);
          removed = geography.zipCodes.filter((zip) => !kept.has(zip));
          await this.deleteZipData(db, geography.id, removed);
          geography.zipCodes = checked.zips;
          geography.zctaResolution = checked.resolution;
        }
        return { geography: await geographies.save(geography), removed };
      }),
    );
    this.logger.log({
      msg: 'geography updated',
      geography_id: geography.id,
      zip_count: geography.zipCodes.length,
      removed_zip_count: removed.length,
    });
    return geography;
  }

  /** Deletes the geography; its signals, channels, runs, scores and reports go with it (FK cascades). */
  async remove(id: string): Promise<void> {
    const deleted = await this.tenantDb.forCurrentTenant((db) => db.repository(Geography).delete({ id }));
    if (deleted === 0) throw new NotFoundException(noGeography(id));
    this.logger.log({ msg: 'geography deleted', geography_id: id });
  }

  private async deleteZipData(db: TenantTransaction, geographyId: string, zips: string[]): Promise<void> {
    if (zips.length === 0) return;
    const zipCode = In(zips);
    await db.repository(DemandSignal).delete({ geographyId, zipCode });
    await db.repository(PropertyAggregate).delete({ geographyId, zipCode });
    await db.repository(ZipScore).delete({ geographyId, zipCode });
  }

  private async checkZips(entries: unknown[]): Promise<{ zips: string[]; resolution: ZctaResolution[] }> {
    const check = checkGeographyZips(entries, await this.crosswalk());
    if (!check.ok) throw new BadRequestException(check.errors);
    return check;
  }

  /** A concurrent insert can still hit the unique index after the check: answer 409 all the same. */
  private async conflictsAs409<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(nameTaken(name));
      throw error;
    }
  }
}
