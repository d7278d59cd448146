import { ALL_ENTITIES, TENANT_TABLES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import {
  buildDataSourceOptions,
  type EmbeddedPostgres,
  revertLastMigration,
  runMigrations,
  startEmbeddedPostgres,
} from '@lbi/server';
import { DataSource } from 'typeorm';
import { createFreshDatabase, dropDatabase } from '../support/test-database';
import { usingEmbeddedDatabase } from '../support/test-env';

const EXPECTED_TABLES = [
  'channels',
  'clients',
  'demand_signals',
  'geographies',
  'ingestion_runs',
  'intelligence_reports',
  'property_aggregates',
  'typeorm_migrations',
  'uploads',
  'users',
  'zip_scores',
];

async function withDataSource<T>(url: string, fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(
    buildDataSourceOptions({ url, entities: ALL_ENTITIES, migrations: MIGRATIONS, poolSize: 2 }),
  ).initialize();
  try {
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const tablesOf = (dataSource: DataSource): Promise<string[]> =>
  dataSource
    .query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
    .then((rows: { table_name: string }[]) => rows.map((row) => row.table_name));

describe('migrations', () => {
  // A database of our own (on the real server, or a second embedded one): the revert test below
  // must not touch the data the other suites left in the shared one.
  let url: string;
  let embedded: EmbeddedPostgres | undefined;
  beforeAll(async () => {
    if (usingEmbeddedDatabase()) {
      embedded = await startEmbeddedPostgres({ maxConnections: 8 });
      url = embedded.url;
    } else {
      url = await createFreshDatabase(process.env.DATABASE_URL as string, 'lbi_mig');
    }
    await runMigrations({ url, entities: ALL_ENTITIES, migrations: MIGRATIONS });
  });
  afterAll(async () => {
    if (embedded) await embedded.stop();
    else await dropDatabase(url);
  });

  it('create every table of the data model', async () => {
    await withDataSource(url, async (dataSource) => {
      expect(await tablesOf(dataSource)).toEqual(EXPECTED_TABLES);
    });
  });

  it('leave no difference between the entities and the schema', async () => {
    await withDataSource(url, async (dataSource) => {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });
  });

  it('give every tenant table an indexed client_id with a foreign key to clients', async () => {
    await withDataSource(url, async (dataSource) => {
      for (const table of TENANT_TABLES) {
        const column = await dataSource.query(
          `SELECT is_nullable FROM information_schema.columns WHERE table_name = $1 AND column_name = 'client_id'`,
          [table],
        );
        expect({ table, nullable: column[0]?.is_nullable }).toEqual({ table, nullable: 'NO' });
        const foreignKeys = await dataSource.query(
          `SELECT ccu.table_name AS target FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
           WHERE tc.table_name = $1 AND tc.constraint_type = 'FOREIGN KEY' AND kcu.column_name = 'client_id'`,
          [table],
        );
        expect({ table, target: foreignKeys[0]?.target }).toEqual({ table, target: 'clients' });
        const indexes: { indexdef: string }[] = await dataSource.query(
          `SELECT indexdef FROM pg_indexes WHERE tablename = $1`,
          [table],
        );
        expect({
          table,
          indexed: indexes.some((index) => /\(client_id[,)]/.test(index.indexdef.replace(/"/g, ''))),
        }).toEqual({
          table,
          indexed: true,
        });
      }
    });
  });

  it('enforce the upsert keys of events and channels', async () => {
    await withDataSource(url, async (dataSource) => {
      const [{ id: clientId }] = await dataSource.query(
        `INSERT INTO clients (name) VALUES ('Key test ' || gen_random_uuid()) RETURNING id`,
      );
      const [{ id: geographyId }] = await dataSource.query(
        `INSERT INTO geographies (client_id, name, zip_codes) VALUES ($1, 'Keys', '{19002}') RETURNING id`,
        [clientId],
      );
      const insertEvent = () =>
        dataSource.query(
          `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, metric, event_name, start_date)
           VALUES ($1, $2, 'EVENT', 'csv_events', 'event', 'Spring Home Show', '2027-03-14')`,
          [clientId, geographyId],
        );
      await insertEvent();
      await expect(insertEvent()).rejects.toThrow(/uq_demand_signals_event/);
      const insertChannel = () =>
        dataSource.query(
          `INSERT INTO channels (client_id, geography_id, channel_type, name, city, state) VALUES ($1, $2, 'hoa', 'Oak Hill HOA', 'Ambler', 'PA')`,
          [clientId, geographyId],
        );
      await insertChannel();
      await expect(insertChannel()).rejects.toThrow(/uq_channels_natural_key/);
      await dataSource.query(`DELETE FROM clients WHERE id = $1`, [clientId]);
      const left = await dataSource.query(`SELECT count(*)::int AS n FROM channels WHERE client_id = $1`, [
        clientId,
      ]);
      expect(left[0].n).toBe(0);
    });
  });

  it('revert cleanly to an empty schema and apply again', async () => {
    let reverted = 0;
    while (await revertLastMigration({ url, entities: ALL_ENTITIES, migrations: MIGRATIONS })) reverted += 1;
    expect(reverted).toBe(MIGRATIONS.length);
    await withDataSource(url, async (dataSource) => {
      expect(await tablesOf(dataSource)).toEqual(['typeorm_migrations']);
      const leftovers = await dataSource.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
      );
      expect(leftovers).toEqual([]);
    });
    const applied = await runMigrations({ url, entities: ALL_ENTITIES, migrations: MIGRATIONS });
    expect(applied).toHaveLength(MIGRATIONS.length);
    await withDataSource(url, async (dataSource) => {
      expect(await tablesOf(dataSource)).toEqual(EXPECTED_TABLES);
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    });
  });
});
