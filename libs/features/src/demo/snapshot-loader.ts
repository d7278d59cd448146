import { Injectable } from '@nestjs/common';
import { loadCrosswalk } from '@lbi/census';
import { ReportStatus, RunStatus, SourceType } from '@lbi/contracts';
import { COMPETITOR_NAICS } from '@lbi/scoring';
import { TenantDb } from '@lbi/server';
import { DataSource } from 'typeorm';
import { BUSINESS_SNAPSHOT_SOURCE } from '../census/business-refresh.job';
import { toBusinessSignalRows, upsertBusinessSignals } from '../census/business-signals.writer';
import { toCensusSignalRows, upsertCensusSignals } from '../census/census-signals.writer';
import { resolveGeographyZctas } from '../census/geography-zctas';
import { PublicCacheFill } from '../census-cache/public-cache-fill.entity';
import { PublicCensusCache, SNAPSHOT_TRIGGER } from '../census-cache/public-census-cache';
import type { Geography } from '../geographies/geography.entity';
import { IngestionRun } from '../ingestion/ingestion-run.entity';
import {
  BUSINESS_SNAPSHOT_STATE,
  BUSINESS_SNAPSHOT_YEAR,
  SNAPSHOT_SOURCE,
  SNAPSHOT_VINTAGE,
  loadBusinessSnapshot,
  loadCensusSnapshot,
  loadSnapshotCells,
} from './census-snapshot';

/**
 * The offline demo's Census data, from the bundled files, labelled as the snapshot everywhere it
 * lands: the public cache (every ZCTA's population and tenure, Pennsylvania's business counts) so a
 * state scan works offline, and the demo geography's own signals and runs.
 */
@Injectable()
export class SnapshotLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantDb: TenantDb,
    private readonly cache: PublicCensusCache,
  ) {}

  /** Loads the snapshot into the public cache once (a recorded snapshot fill says it is there). */
  async loadPublicCache(): Promise<{ acs_rows: number; business_rows: number }> {
    const fills = this.dataSource.getRepository(PublicCacheFill);
    const done = await fills.countBy({ trigger: SNAPSHOT_TRIGGER, status: ReportStatus.Success });
    if (done > 0) return { acs_rows: 0, business_rows: 0 };
    const now = new Date();
    const acsRows = await this.cache.writeAcs(SNAPSHOT_VINTAGE, loadSnapshotCells(), [], 'snapshot');
    const record = (input: Partial<PublicCacheFill>) =>
      fills.save(
        fills.create({
          trigger: SNAPSHOT_TRIGGER,
          status: ReportStatus.Success,
          requests: 0,
          startedAt: now,
          finishedAt: new Date(),
          ...input,
        }),
      );
    await record({
      dataset: 'acs/acs5',
      vintage: SNAPSHOT_VINTAGE,
      scope: 'US',
      rowsWritten: acsRows,
      details: { snapshot: true, source: SNAPSHOT_SOURCE },
    });
    let businessRows = 0;
    for (const [naics, rows] of loadBusinessSnapshot(COMPETITOR_NAICS)) {
      const written = await this.cache.writeBusinessCounts(BUSINESS_SNAPSHOT_YEAR, naics, rows);
      businessRows += written;
      await record({
        dataset: 'cbp',
        vintage: BUSINESS_SNAPSHOT_YEAR,
        scope: BUSINESS_SNAPSHOT_STATE,
        naics,
        rowsWritten: written,
        details: { snapshot: true, source: BUSINESS_SNAPSHOT_SOURCE },
      });
    }
    return { acs_rows: acsRows, business_rows: businessRows };
  }

  /** The demo geography's CENSUS and BUSINESS signals from the snapshot, each with a successful run. */
  async loadGeography(clientId: string, geography: Geography): Promise<void> {
    const zctas = await resolveGeographyZctas(geography);
    const census = toCensusSignalRows(
      loadCensusSnapshot(zctas.zctas),
      zctas.zipsByZcta,
      SNAPSHOT_VINTAGE,
    ).map((row) => ({ ...row, source_url: SNAPSHOT_SOURCE, metadata: { ...row.metadata, snapshot: true } }));
    const crosswalk = await loadCrosswalk();
    const counts = [...loadBusinessSnapshot(COMPETITOR_NAICS)].flatMap(([naics, rows]) =>
      rows.map((row) => ({ ...row, naics })),
    );
    const business = toBusinessSignalRows({
      zipsByZcta: zctas.zipsByZcta,
      crosswalk,
      naics: COMPETITOR_NAICS,
      counts,
      year: BUSINESS_SNAPSHOT_YEAR,
      sourceUrlOf: () => BUSINESS_SNAPSHOT_SOURCE,
      snapshot: true,
    });
    const started = new Date();
    await this.tenantDb.run(clientId, async (db) => {
      const runs = db.repository(IngestionRun);
      const run = (sourceType: SourceType, written: number, details: Record<string, unknown>) =>
        runs.save(
          runs.create({
            geographyId: geography.id,
            sourceType,
            status: RunStatus.Success,
            recordsUpserted: written,
            rowsProcessed: written,
            startedAt: started,
            finishedAt: new Date(),
            details: { snapshot: true, zctas_requested: zctas.zctas.length, ...details },
          }),
        );
      await run(SourceType.Census, await upsertCensusSignals(db, geography.id, census), {
        vintage: SNAPSHOT_VINTAGE,
        zips_without_zcta: zctas.zipsWithoutZcta,
        notes: [SNAPSHOT_SOURCE],
      });
      await run(SourceType.CensusBusiness, await upsertBusinessSignals(db, geography.id, business), {
        year: String(BUSINESS_SNAPSHOT_YEAR),
        naics: COMPETITOR_NAICS,
        notes: [BUSINESS_SNAPSHOT_SOURCE],
      });
    });
  }
}
