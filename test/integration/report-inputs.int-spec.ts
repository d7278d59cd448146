import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CensusRow } from '@lbi/census';
import { Geography, loadReportInputs, toCensusSignalRows, upsertCensusSignals } from '@lbi/features';
import { buildReport } from '@lbi/scoring';
import { RuntimeInfo, TenantDb } from '@lbi/server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { testConfig, testDatabaseUrl, usingEmbeddedDatabase } from '../support/test-env';

// Real ACS 2019-2023 figures (data/census/acs5_2023_zcta_philadelphia_suburbs.csv) for three ZCTAs.
const REAL_2023: Record<string, Record<string, [number, number | null]>> = {
  '19401': { occupied_units: [16793, 771], owner_occupied: [7419, 646], renter_occupied: [9374, 680] },
  '19403': { occupied_units: [18973, 695], owner_occupied: [13925, 717], renter_occupied: [5048, 590] },
  '19085': { occupied_units: [1701, 202], owner_occupied: [1690, 200], renter_occupied: [11, 17] },
};

function rows(
  zctas: readonly string[],
  annotate?: { zcta: string; metric: string; code: string },
): CensusRow[] {
  return zctas.flatMap((zcta) =>
    Object.entries(REAL_2023[zcta]).map(([metric, [estimate, moe]]) => {
      const annotated = annotate && annotate.zcta === zcta && annotate.metric === metric;
      return {
        zcta,
        metric,
        variable: `B25003_00${metric === 'occupied_units' ? 1 : metric === 'owner_occupied' ? 2 : 3}E`,
        estimate,
        moe: annotated ? null : moe,
        ...(annotated
          ? {
              annotation: {
                code: annotate.code,
                reason: 'margin of error not computable',
                field: 'moe' as const,
              },
            }
          : {}),
      };
    }),
  );
}

describe('report inputs: one ACS vintage per report, annotation codes kept', () => {
  let app: INestApplication;
  let db: DataSource;
  let clientId: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          config: testConfig({ CONSOLE_DIR: '/nonexistent' }),
          databaseUrl: testDatabaseUrl(),
          runtime: new RuntimeInfo(usingEmbeddedDatabase(), 'test'),
          retryBackoffMs: 5,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    db = app.get(DataSource);
    const [row] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
      `Report inputs ${randomUUID()}`,
    ]);
    clientId = row.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the newest vintage only and names the ZIP that is missing from it', async () => {
    const zips = ['19401', '19403', '19085'];
    const result = await app.get(TenantDb).run(clientId, async (tx) => {
      const geographies = tx.repository(Geography);
      const geography = await geographies.save(
        geographies.create({ name: `Suburbs ${randomUUID()}`, zipCodes: zips, zctaResolution: [] }),
      );
      const byZcta = new Map(zips.map((z) => [z, [z]]));
      await upsertCensusSignals(tx, geography.id, toCensusSignalRows(rows(zips), byZcta, 2023));
      // SYNTHETIC newer release: the same real figures stored as vintage 2024, without 19401, and
      // with 19085's renter MOE printed as the annotation code -222222222.
      const newer = rows(['19403', '19085'], {
        zcta: '19085',
        metric: 'renter_occupied',
        code: '-222222222',
      });
      await upsertCensusSignals(tx, geography.id, toCensusSignalRows(newer, byZcta, 2024));
      const inputs = await loadReportInputs(tx, geography, '2026-11-26', []);
      return { geography, inputs };
    });
    const { inputs } = result;
    expect(inputs.vintage).toBe('2024');
    expect(new Set(inputs.census.map((r) => r.vintage))).toEqual(new Set(['2024']));
    expect(new Set(inputs.census.map((r) => r.zip_code))).toEqual(new Set(['19403', '19085']));
    expect(inputs.other_vintage_zips).toEqual([{ zip_code: '19401', vintages: ['2023'] }]);
    const annotated = inputs.census.find((r) => r.zip_code === '19085' && r.metric === 'renter_occupied')!;
    expect(annotated.margin_of_error).toBe(-222222222);

    const report = buildReport({
      geography: { id: result.geography.id, name: result.geography.name, zip_codes: zips },
      category: 'moving',
      as_of: '2026-11-26',
      census_signals: inputs.census,
      vintage: inputs.vintage,
      other_vintage_zips: inputs.other_vintage_zips,
    });
    expect(report.vintage).toBe('2024');
    expect(report.missing_zips).toEqual([
      { zip_code: '19401', reason: 'no ACS 2024 figures (figures of 2023 exist and are not mixed in)' },
    ]);
    const villanova = report.top_zips.find((z) => z.zip_code === '19085')!;
    expect(villanova.components.find((c) => c.feature === 'renter_share')).toMatchObject({
      reliability: 'unknown',
      reliable: false,
    });
  });
});
