import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Role, RunStatus, SourceType } from '@lbi/contracts';
import { AppConfig, TenantContext, TenantDb, projectRoot } from '@lbi/server';
import axios from 'axios';
import { DataSource, IsNull } from 'typeorm';
import { hashPassword } from '../auth/password';
import { CensusRefreshService } from '../census/census-refresh.job';
import { toCensusSignalRows, upsertCensusSignals } from '../census/census-signals.writer';
import { resolveGeographyZctas } from '../census/geography-zctas';
import { GeographiesService } from '../geographies/geographies.service';
import { IngestionRun } from '../ingestion/ingestion-run.entity';
import { ImportsService } from '../ingestion/imports.service';
import { UploadsService } from '../ingestion/uploads.service';
import { ReportsService } from '../reports/reports.service';
import { Client } from '../tenants/client.entity';
import { normaliseEmail } from '../tenants/email';
import { User } from '../tenants/user.entity';
import { SNAPSHOT_SOURCE, SNAPSHOT_VINTAGE, loadCensusSnapshot } from './census-snapshot';

export interface DemoAccount {
  role: 'platform' | 'admin' | 'analyst' | 'client';
  email: string;
  password: string;
}

export interface DemoDefinition {
  client_name: string;
  geography: { name: string; zip_codes: string[] };
  accounts: DemoAccount[];
  imports: { kind: 'property' | 'events' | 'channels'; file: string }[];
  /** Categories to queue a report for once the data is in. */
  reports: string[];
}

export const demoDir = (): string => join(projectRoot(), 'data', 'demo');
export const loadDemoDefinition = (): DemoDefinition =>
  JSON.parse(readFileSync(join(demoDir(), 'demo.json'), 'utf8')) as DemoDefinition;

export interface DemoSeedResult {
  created: boolean;
  client_id: string;
  geography_id?: string;
  census: 'live' | 'snapshot' | 'existing';
}

/**
 * `npm run demo` seeds a demo tenant once: accounts of every role, a geography of Philadelphia-suburb
 * ZIPs, the sample channel, event and property CSVs imported through the real upload and import path,
 * and Census data — from the live API when it answers, else from the bundled 2023 snapshot, labelled
 * as such in every signal's source_url.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tenantDb: TenantDb,
    private readonly geographies: GeographiesService,
    private readonly uploads: UploadsService,
    private readonly imports: ImportsService,
    private readonly census: CensusRefreshService,
    private readonly reports: ReportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const result = await this.seed();
    this.logger.log({
      msg: result.created ? 'demo tenant seeded' : 'demo tenant already present',
      ...result,
    });
  }

  async seed(definition: DemoDefinition = loadDemoDefinition()): Promise<DemoSeedResult> {
    const clients = this.dataSource.getRepository(Client);
    const existing = await clients.findOneBy({ name: definition.client_name });
    if (existing) return { created: false, client_id: existing.id, census: 'existing' };

    const client = await clients.save(clients.create({ name: definition.client_name }));
    const users = this.dataSource.getRepository(User);
    let adminId = '';
    for (const account of definition.accounts) {
      const email = normaliseEmail(account.email);
      const clientId = account.role === 'platform' ? null : client.id;
      // Demo mode runs only on the embedded database (loadConfig refuses it with DATABASE_URL).
      const current = await users.findOneBy({ email, clientId: clientId ?? IsNull() });
      const user = current ?? users.create({ email });
      user.clientId = clientId;
      user.role = account.role === 'platform' ? Role.Admin : (account.role as Role);
      user.hashedPassword = await hashPassword(account.password);
      user.isActive = true;
      const saved = await users.save(user);
      if (account.role === 'admin') adminId = saved.id;
    }

    return TenantContext.run({ clientId: client.id, userId: adminId, role: Role.Admin }, async () => {
      const geography = await this.geographies.create({
        name: definition.geography.name,
        zip_codes: definition.geography.zip_codes,
      });
      for (const entry of definition.imports) {
        const upload = await this.uploads.store(
          createReadStream(join(demoDir(), entry.file)),
          entry.file,
          client.id,
        );
        await this.imports.start(entry.kind, geography.id, upload.fileRef);
      }
      const live = await this.liveCensusAnswers();
      if (live) {
        await this.census.startFor(client.id, geography.id, { demo: true });
      } else {
        await this.loadSnapshot(client.id, geography.id, geography.zipCodes, geography.zctaResolution);
      }
      // Jobs run in order on the embedded default: the reports are made after the imports and Census.
      for (const category of definition.reports) await this.reports.request(geography.id, category);
      return {
        created: true,
        client_id: client.id,
        geography_id: geography.id,
        census: live ? ('live' as const) : ('snapshot' as const),
      };
    });
  }

  /** A quick probe: the demo must not wait on a network that is not there. */
  private async liveCensusAnswers(): Promise<boolean> {
    try {
      const response = await axios.get(`${this.config.censusApiBaseUrl}/${SNAPSHOT_VINTAGE}/acs/acs5`, {
        params: { get: 'NAME', for: 'us:1' },
        timeout: 3000,
        validateStatus: () => true,
      });
      return response.status === 200 && Array.isArray(response.data);
    } catch {
      return false;
    }
  }

  private async loadSnapshot(
    clientId: string,
    geographyId: string,
    zipCodes: string[],
    zctaResolution: Parameters<typeof resolveGeographyZctas>[0]['zctaResolution'],
  ): Promise<void> {
    const zctas = await resolveGeographyZctas({ zipCodes, zctaResolution });
    const rows = toCensusSignalRows(loadCensusSnapshot(zctas.zctas), zctas.zipsByZcta, SNAPSHOT_VINTAGE).map(
      (row) => ({ ...row, source_url: SNAPSHOT_SOURCE, metadata: { ...row.metadata, snapshot: true } }),
    );
    const started = new Date();
    await this.tenantDb.run(clientId, async (db) => {
      const written = await upsertCensusSignals(db, geographyId, rows);
      const runs = db.repository(IngestionRun);
      await runs.save(
        runs.create({
          geographyId,
          sourceType: SourceType.Census,
          status: RunStatus.Success,
          recordsUpserted: written,
          rowsProcessed: rows.length,
          startedAt: started,
          finishedAt: new Date(),
          details: {
            snapshot: true,
            vintage: SNAPSHOT_VINTAGE,
            zctas_requested: zctas.zctas.length,
            zips_without_zcta: zctas.zipsWithoutZcta,
            notes: [SNAPSHOT_SOURCE],
          },
        }),
      );
    });
  }
}
