import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_SCAN_LIMIT, JobName, MAX_SCAN_LIMIT, ReportStatus } from '@lbi/contracts';
import { CATEGORIES, categoryById } from '@lbi/scoring';
import { JobQueue, TenantContext, TenantDb } from '@lbi/server';
import { resolveScanScope, SCOPE_HINT } from '../census-cache/scan-scope';
import { CreateScanDto } from './dto';
import { Scan } from './scan.entity';

export const noScan = (id: string): string => `No scan with id ${id}`;

/** Scans of the current tenant: queueing, listing, reading. The ranking happens in generate_scan. */
@Injectable()
export class ScansService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly queue: JobQueue,
  ) {}

  async request(dto: CreateScanDto): Promise<Scan> {
    const errors: string[] = [];
    if (typeof dto.category !== 'string' || !categoryById(dto.category)) {
      errors.push(
        `category must be one of ${CATEGORIES.map((c) => c.id).join(', ')} (GET /api/v1/categories)`,
      );
    }
    const scope = typeof dto.state === 'string' ? resolveScanScope(dto.state) : undefined;
    if (!scope) errors.push(`state must be ${SCOPE_HINT}`);
    const limit = dto.limit ?? DEFAULT_SCAN_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SCAN_LIMIT) {
      errors.push(
        `limit must be a whole number of top ZIPs from 1 to ${MAX_SCAN_LIMIT.toLocaleString('en-US')}`,
      );
    }
    if (errors.length > 0 || !scope) throw new BadRequestException(errors);
    const userId = TenantContext.current()?.userId ?? null;
    const scan = await this.tenantDb.forCurrentTenant((db) => {
      const scans = db.repository(Scan);
      return scans.save(
        scans.create({
          category: dto.category,
          scope: scope.code,
          zipLimit: limit,
          status: ReportStatus.Queued,
          requestedBy: userId,
        }),
      );
    });
    // Enqueued after the row is committed, so the job always finds it.
    await this.queue.enqueue(JobName.GenerateScan, { client_id: scan.clientId, scan_id: scan.id });
    return scan;
  }

  list(filter: { category?: string }): Promise<Scan[]> {
    return this.tenantDb.forCurrentTenant((db) =>
      db.repository(Scan).find({
        where: filter.category ? { category: filter.category } : {},
        order: { createdAt: 'DESC' },
        take: 200,
      }),
    );
  }

  async get(id: string): Promise<Scan> {
    const scan = await this.tenantDb.forCurrentTenant((db) =>
      db.repository(Scan).findOneBy({ id: id.toLowerCase() }),
    );
    if (!scan) throw new NotFoundException(noScan(id));
    return scan;
  }

  /** A finished scan; 409 while it is still being made or when it failed. */
  async getFinished(id: string): Promise<Scan> {
    const scan = await this.get(id);
    if (scan.status !== ReportStatus.Success || !scan.payload) {
      throw new ConflictException(
        scan.status === ReportStatus.Failed
          ? `Scan ${id} failed: ${scan.errorMessage ?? 'no reason recorded'}. Start a new one.`
          : `Scan ${id} is not ready yet (status ${scan.status}); try again in a moment.`,
      );
    }
    return scan;
  }
}
