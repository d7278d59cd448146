import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { loadCrosswalk, loadGazetteer, loadZctaCountyIndex, type ZipCrosswalk } from '@lbi/census';
import {
  MAX_GEOGRAPHY_ZIPS,
  ReportStatus,
  type ScanPayload,
  type TradeArea,
  type TradeAreaPreviewResponse,
} from '@lbi/contracts';
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
import { Scan } from '../scans/scan.entity';
import { Geography, ZctaResolution } from './geography.entity';
import { countiesTradeArea, ringTradeArea, type TradeAreaResult, type TradeAreaSources } from './trade-area';
import { zipCodeListProblem } from './dto/zip-code-list.validator';
import { checkGeographyZips, checkZipList } from './zip-codes';
import { toZctaResolutionResponse } from './geography.mapper';
import type { FromScanDto, TradeAreaPreviewQueryDto } from './dto/trade-area.dto';

/** Top ZIPs taken from a scan when `from_scan.top` is left out. */
export const DEFAULT_TOP_FROM_SCAN = 25;

/** Where a geography's ZIPs come from: a list, or a trade area that produced one. */
interface ZipSource {
  entries: unknown[];
  tradeArea: TradeArea | null;
}

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

  /** The Gazetteer, the ZCTA-county index and the crosswalk, each loaded once per process. */
  async tradeAreaSources(): Promise<TradeAreaSources> {
    return { crosswalk: await this.crosswalk(), gazetteer: loadGazetteer(), counties: loadZctaCountyIndex() };
  }

  /** GET /trade-areas/preview: the ZIPs a ring or a county set would hold, with distances; nothing is saved. */
  async preview(query: TradeAreaPreviewQueryDto): Promise<TradeAreaPreviewResponse> {
    const ring = query.zip_code !== undefined || query.radius_miles !== undefined;
    if (ring === (query.counties !== undefined)) {
      throw new BadRequestException(
        'Ask for a ring (zip_code and radius_miles) or for counties (comma-separated FIPS codes), not both or neither',
      );
    }
    const sources = await this.tradeAreaSources();
    const result = ring
      ? ringTradeArea(query.zip_code, query.radius_miles ?? '', sources, {
          zip: 'zip_code',
          radius: 'radius_miles',
        })
      : countiesTradeArea(
          (query.counties ?? '')
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== ''),
          sources,
        );
    if (!result.ok) throw new BadRequestException(result.errors);
    return result.area;
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
    const given = (['zip_codes', 'around', 'counties', 'from_scan'] as const).filter(
      (f) => dto[f] !== undefined,
    );
    if (given.length !== 1) {
      throw new BadRequestException(
        given.length === 0
          ? `${zipCodeListProblem(undefined)}, or a ring as around {zip_code, radius_miles}, counties, or from_scan {scan_id, top}`
          : `Send only one of ${given.join(', ')}: each says which ZIPs the geography holds`,
      );
    }
    const source = await this.zipSource(dto);
    const { zips, resolution } = await this.checkZips(source.entries);
    const geography = await this.conflictsAs409(dto.name, () =>
      this.tenantDb.forCurrentTenant(async (db) => {
        const geographies = db.repository(Geography);
        if ((await geographies.count({ name: dto.name })) > 0)
          throw new ConflictException(nameTaken(dto.name));
        return geographies.save(
          geographies.create({
            name: dto.name,
            zipCodes: zips,
            zctaResolution: resolution,
            tradeArea: source.tradeArea,
          }),
        );
      }),
    );
    this.logger.log({
      msg: 'geography created',
      geography_id: geography.id,
      zip_count: zips.length,
      trade_area: source.tradeArea?.kind ?? 'zip_codes',
    });
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
    const zipFields = (['zip_codes', 'around', 'counties'] as const).filter((f) => dto[f] !== undefined);
    if (dto.name === undefined && zipFields.length === 0) {
      throw new BadRequestException('Send name and/or new ZIPs (zip_codes, around or counties) to change');
    }
    if (zipFields.length > 1) {
      throw new BadRequestException(`Send only one of ${zipFields.join(', ')}: each replaces the ZIPs`);
    }
    // A ring keeps its centre when only the radius changes: read it first (404 for another tenant's).
    const current = dto.around !== undefined ? await this.get(id) : undefined;
    const source =
      zipFields.length === 0 ? undefined : await this.zipSource(dto, current?.tradeArea ?? null, true);
    const checked = source === undefined ? undefined : await this.checkZips(source.entries);
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
          geography.tradeArea = source?.tradeArea ?? null;
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

  /** The ZIP list a create or update asks for, with the trade area that produced it. */
  private async zipSource(
    dto: {
      zip_codes?: unknown[];
      around?: { zip_code?: unknown; radius_miles?: unknown };
      counties?: unknown[];
      from_scan?: FromScanDto;
    },
    currentArea: TradeArea | null = null,
    updating = false,
  ): Promise<ZipSource> {
    if (dto.zip_codes !== undefined) return { entries: dto.zip_codes, tradeArea: null };
    if (dto.from_scan !== undefined) return this.fromScan(dto.from_scan);
    const sources = await this.tradeAreaSources();
    let result: TradeAreaResult;
    if (dto.around !== undefined) {
      const centre = dto.around.zip_code ?? (currentArea?.kind === 'ring' ? currentArea.zip_code : undefined);
      if (centre === undefined && updating) {
        throw new BadRequestException([
          'around.zip_code is required: this geography is not a ring yet, so it has no centre to keep',
        ]);
      }
      result = ringTradeArea(centre, dto.around.radius_miles, sources);
    } else {
      result = countiesTradeArea(dto.counties, sources);
    }
    if (!result.ok) throw new BadRequestException(result.errors);
    return { entries: result.area.zip_codes, tradeArea: result.area.trade_area };
  }

  /** The top ZIPs of a finished scan of this tenant (404 for another tenant's, 409 while unfinished). */
  private async fromScan(from: FromScanDto): Promise<ZipSource> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const top = from.top ?? DEFAULT_TOP_FROM_SCAN;
    const errors: string[] = [];
    if (typeof from.scan_id !== 'string' || !uuid.test(from.scan_id)) {
      errors.push('from_scan.scan_id must be the UUID of one of your scans (GET /api/v1/scans)');
    }
    if (typeof top !== 'number' || !Number.isInteger(top) || top < 1 || top > MAX_GEOGRAPHY_ZIPS) {
      errors.push(`from_scan.top must be a whole number of ZIPs from 1 to ${MAX_GEOGRAPHY_ZIPS}`);
    }
    if (errors.length > 0) throw new BadRequestException(errors);
    const scan = await this.tenantDb.forCurrentTenant((db) =>
      db.repository(Scan).findOneBy({ id: from.scan_id.toLowerCase() }),
    );
    if (!scan) throw new NotFoundException(`No scan with id ${from.scan_id}`);
    if (scan.status !== ReportStatus.Success || !scan.payload) {
      throw new ConflictException(
        `Scan ${from.scan_id} is not finished (status ${scan.status}): wait for it, then try again`,
      );
    }
    const points = (scan.payload as unknown as ScanPayload).map?.points ?? [];
    const zips = points.slice(0, top).map((point) => point[0]);
    if (zips.length === 0)
      throw new BadRequestException('from_scan: the scan ranked no ZIP, so there is nothing to take');
    return { entries: zips, tradeArea: { kind: 'scan', scan_id: scan.id, top: zips.length } };
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
