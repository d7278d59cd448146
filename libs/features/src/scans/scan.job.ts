import { Injectable, Logger } from '@nestjs/common';
import { loadCrosswalk } from '@lbi/census';
import { JobName, JobPayload, ReportStatus } from '@lbi/contracts';
import { competitorsOf } from '@lbi/scoring';
import {
  errorMessageWithoutPii,
  isPermanentJobError,
  JobAttempt,
  JobHandler,
  PermanentJobError,
  rawWrite,
  TenantDb,
} from '@lbi/server';
import { CensusCacheFills } from '../census-cache/census-cache-fills';
import { PublicCensusCache } from '../census-cache/public-census-cache';
import { resolveScanScope } from '../census-cache/scan-scope';
import { loadScanInputs } from './scan-inputs';
import { buildScanPayload } from './scan-payload';
import { Scan } from './scan.entity';

/**
 * generate_scan: ranks every ZCTA of a state or the nation for a category. The public Census cache is
 * filled first where it lacks the scope (at the request floor, on the owner connection, before any
 * tenant transaction opens); then the figures are read as the app role inside the tenant's
 * transaction and the engine's report is stored as the scan's payload.
 */
@Injectable()
export class ScanJob {
  private readonly logger = new Logger(ScanJob.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly fills: CensusCacheFills,
    private readonly cache: PublicCensusCache,
  ) {}

  @JobHandler(JobName.GenerateScan)
  async handle(payload: JobPayload<JobName.GenerateScan>, attempt: JobAttempt): Promise<void> {
    const claimed = await this.tenantDb.run(payload.client_id, async (db) => {
      const scans = db.repository(Scan);
      const scan = await scans.findOneBy({ id: payload.scan_id });
      if (!scan) throw new PermanentJobError(`Scan ${payload.scan_id} no longer exists`);
      if (scan.status === ReportStatus.Success) return undefined;
      scan.status = ReportStatus.Running;
      scan.startedAt = scan.startedAt ?? new Date();
      return scans.save(scan);
    });
    if (!claimed) return;
    try {
      await this.generate(payload.client_id, claimed);
      this.logger.log({ msg: 'scan generated', scan_id: claimed.id });
    } catch (error) {
      if (attempt.isFinalAttempt || isPermanentJobError(error)) {
        const text = error instanceof Error ? error.message : String(error);
        const message = errorMessageWithoutPii(`The scan could not be generated: ${text}`);
        await this.tenantDb.run(payload.client_id, (db) =>
          rawWrite(
            db.manager,
            'scans',
            `UPDATE scans SET status = $1, error_message = $2, finished_at = now(), updated_at = now() WHERE id = $3`,
            [ReportStatus.Failed, message, claimed.id],
            { error_message: message },
          ),
        );
      }
      throw error;
    }
  }

  private async generate(clientId: string, scan: Scan): Promise<void> {
    const scope = resolveScanScope(scan.scope);
    if (!scope) throw new PermanentJobError(`Scan ${scan.id} names an unknown state '${scan.scope}'`);
    const crosswalk = await loadCrosswalk();
    const notes: string[] = [];
    let censusRequests = 0;

    const acs = await this.fills.acsVintage();
    if (acs.source === 'snapshot-default') {
      notes.push(
        `The Census API named no ACS vintage (it did not answer): the scan uses the public Census cache as it stands for ${acs.year}.`,
      );
    } else {
      censusRequests += (await this.fills.ensureAcs(scope, acs, 'scan')).requests;
    }

    const naics = (competitorsOf(scan.category)?.naics ?? []).map((n) => n.code);
    const cbp = await this.fills.businessVintage();
    const covered =
      cbp.source === 'snapshot-default'
        ? await this.cache.businessCoverage(cbp.year, naics, [scope.code])
        : (await this.fills.ensureBusiness(naics, cbp, 'scan', [scope.code])).covered;
    // Competitors count only when every industry of the category is cached for the year.
    const coveredNaics = naics.length > 0 && naics.every((code) => covered.has(code)) ? naics : [];

    await this.tenantDb.run(clientId, async (db) => {
      const inputs = await loadScanInputs(db, {
        scope,
        category: scan.category,
        vintage: acs.year,
        crosswalk,
        businessYear: cbp.year,
        naics: coveredNaics,
      });
      const payload = buildScanPayload({
        scanId: scan.id,
        category: scan.category,
        asOf: scan.createdAt.toISOString().slice(0, 10),
        limit: scan.zipLimit,
        scope,
        inputs,
        acsVintage: acs.year,
        businessYear: coveredNaics.length > 0 ? cbp.year : null,
        businessSnapshot: coveredNaics.some((code) => covered.get(code)?.snapshot),
        censusRequests,
        notes,
      });
      scan.payload = payload as unknown as Record<string, unknown>;
      scan.status = ReportStatus.Success;
      scan.errorMessage = null;
      scan.finishedAt = new Date();
      await db.repository(Scan).save(scan);
    });
  }
}
