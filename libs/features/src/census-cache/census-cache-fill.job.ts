import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { JobName, JobPayload, ReportStatus } from '@lbi/contracts';
import { JobHandler, JobQueue, PermanentJobError } from '@lbi/server';
import { DataSource } from 'typeorm';
import { COMPETITOR_NAICS } from '@lbi/scoring';
import { currentActor } from '../tenants/actor';
import { CensusCacheFills } from './census-cache-fills';
import { PublicCacheFill } from './public-cache-fill.entity';
import { resolveScanScope, SCOPE_HINT } from './scan-scope';

function platformAdminOnly(): void {
  if (!currentActor().platformAdmin) {
    throw new ForbiddenException('Only the platform admin fills the public Census cache and reads its fills');
  }
}

export const CACHE_DATASETS = ['acs', 'cbp'] as const;
export type CacheDataset = (typeof CACHE_DATASETS)[number];

/** How a fill leaves the API: platform data, no tenant. */
export interface CacheFillResponse {
  id: string;
  dataset: string;
  vintage: number | null;
  scope: string;
  naics: string | null;
  status: string;
  trigger: string;
  requests: number;
  rows_written: number;
  details: Record<string, unknown>;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export function toCacheFillResponse(fill: PublicCacheFill): CacheFillResponse {
  return {
    id: fill.id,
    dataset: fill.dataset,
    vintage: fill.vintage,
    scope: fill.scope,
    naics: fill.naics,
    status: fill.status,
    trigger: fill.trigger,
    requests: fill.requests,
    rows_written: fill.rowsWritten,
    details: fill.details,
    error_message: fill.errorMessage,
    created_at: fill.createdAt.toISOString(),
    started_at: fill.startedAt?.toISOString() ?? null,
    finished_at: fill.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The platform's own cache fills (POST /census-cache/fills, platform admin only): a queued fill per
 * dataset, run by fill_census_cache. ACS fills cover a state or the nation; Business Patterns fills are
 * national, one per NAICS code the categories count.
 */
@Injectable()
export class CensusCacheFillJob {
  private readonly logger = new Logger(CensusCacheFillJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly fills: CensusCacheFills,
    private readonly queue: JobQueue,
  ) {}

  async request(scopeInput: string, datasets: readonly CacheDataset[]): Promise<PublicCacheFill[]> {
    platformAdminOnly();
    const scope = resolveScanScope(scopeInput);
    if (!scope) throw new BadRequestException(`scope must be ${SCOPE_HINT}`);
    const queued: PublicCacheFill[] = [];
    if (datasets.includes('acs')) {
      queued.push(await this.fills.record({ dataset: 'acs/acs5', scope: scope.code, trigger: 'platform' }));
    }
    if (datasets.includes('cbp')) {
      for (const naics of COMPETITOR_NAICS) {
        queued.push(await this.fills.record({ dataset: 'cbp', scope: 'US', trigger: 'platform', naics }));
      }
    }
    for (const fill of queued) await this.queue.enqueue(JobName.FillCensusCache, { fill_id: fill.id });
    this.logger.log({ msg: 'census cache fills queued', scope: scope.code, fills: queued.length });
    return queued;
  }

  list(): Promise<PublicCacheFill[]> {
    platformAdminOnly();
    return this.dataSource.getRepository(PublicCacheFill).find({ order: { createdAt: 'DESC' }, take: 200 });
  }

  async get(id: string): Promise<PublicCacheFill> {
    platformAdminOnly();
    const fill = await this.dataSource.getRepository(PublicCacheFill).findOneBy({ id: id.toLowerCase() });
    if (!fill) throw new NotFoundException(`No cache fill with id ${id}`);
    return fill;
  }

  @JobHandler(JobName.FillCensusCache)
  async handle(
    payload: JobPayload<JobName.FillCensusCache>,
  ): Promise<{ requests: number; rows_written: number }> {
    const fill = await this.dataSource.getRepository(PublicCacheFill).findOneBy({ id: payload.fill_id });
    if (!fill) throw new PermanentJobError(`Cache fill ${payload.fill_id} does not exist`);
    if (fill.status === ReportStatus.Success)
      return { requests: fill.requests, rows_written: fill.rowsWritten };
    if (fill.dataset === 'cbp') return this.fills.runBusiness(fill);
    const scope = resolveScanScope(fill.scope);
    if (!scope) throw new PermanentJobError(`Cache fill ${fill.id} has an unknown scope`);
    return this.fills.runAcs(fill, scope.zctas);
  }
}
