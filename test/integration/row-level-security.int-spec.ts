import { TENANT_TABLES, Geography, ALL_ENTITIES, PUBLIC_CACHE_TABLES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { TenantDb, buildDataSourceOptions } from '@lbi/server';
import { DataSource } from 'typeorm';
import { seedTenantRows } from '../support/seed-tenant-rows';
import { testDatabaseUrl } from '../support/test-env';

describe('row-level security', () => {
  let dataSource: DataSource;
  let tenantDb: TenantDb;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    dataSource = await new DataSource(
      buildDataSourceOptions({
        url: testDatabaseUrl(),
        entities: ALL_ENTITIES,
        migrations: MIGRATIONS,
        poolSize: 2,
      }),
    ).initialize();
    tenantDb = new TenantDb(dataSource);
    tenantA = await seedTenantRows(dataSource, 'Tenant A');
    tenantB = await seedTenantRows(dataSource, 'Tenant B');
  });
  afterAll(async () => {
    await dataSource.query(`DELETE FROM clients WHERE id = ANY($1)`, [[tenantA, tenantB]]);
    await dataSource.destroy();
  });

  it('is enabled and forced on every table whose rows always belong to a tenant', async () => {
    const withClient: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'client_id' AND is_nullable = 'NO' ORDER BY table_name`,
    );
    expect(withClient.map((row) => row.table_name)).toEqual([...TENANT_TABLES].sort());
    const flags: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] =
      await dataSource.query(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
        [[...TENANT_TABLES]],
      );
    expect(flags).toEqual(
      [...TENANT_TABLES]
        .sort()
        .map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })),
    );
  });

  it('runs tenant transactions as a role that is neither superuser nor exempt from RLS', async () => {
    const [role] = await tenantDb.run(tenantA, (db) =>
      db.manager.query(
        `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      ),
    );
    expect(role).toEqual({ name: 'lbi_app', rolsuper: false, rolbypassrls: false });
  });

  it.each([...TENANT_TABLES])(
    'shows only the current tenant’s rows of %s to a raw SELECT *',
    async (table) => {
      const seenByA: { client_id: string }[] = await tenantDb.run(tenantA, (db) =>
        db.manager.query(`SELECT * FROM ${table}`),
      );
      expect(seenByA.length).toBeGreaterThan(0);
      expect(new Set(seenByA.map((row) => row.client_id))).toEqual(new Set([tenantA]));
      const seenByB: { client_id: string }[] = await tenantDb.run(tenantB, (db) =>
        db.manager.query(`SELECT * FROM ${table}`),
      );
      expect(new Set(seenByB.map((row) => row.client_id))).toEqual(new Set([tenantB]));
    },
  );

  it('refuses an insert carrying another tenant’s client_id', async () => {
    await expect(
      tenantDb.run(tenantA, (db) =>
        db.manager.query(
          `INSERT INTO geographies (client_id, name, zip_codes) VALUES ($1, 'Smuggled', '{19002}')`,
          [tenantB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const smuggled = await dataSource.query(
      `SELECT count(*)::int AS n FROM geographies WHERE name = 'Smuggled'`,
    );
    expect(smuggled[0].n).toBe(0);
  });

  it('cannot update or delete another tenant’s rows, nor move its own rows to another tenant', async () => {
    const updated = await tenantDb.run(tenantA, (db) =>
      db.manager.query(`UPDATE geographies SET name = 'Renamed' WHERE client_id = $1`, [tenantB]),
    );
    expect(updated[1]).toBe(0);
    const deleted = await tenantDb.run(tenantA, (db) =>
      db.manager.query(`DELETE FROM channels WHERE client_id = $1`, [tenantB]),
    );
    expect(deleted[1]).toBe(0);
    await expect(
      tenantDb.run(tenantA, (db) =>
        db.manager.query(`UPDATE geographies SET client_id = $1 WHERE client_id = $2`, [tenantB, tenantA]),
      ),
    ).rejects.toThrow(/row-level security/);
    const bChannels = await dataSource.query(`SELECT count(*)::int AS n FROM channels WHERE client_id = $1`, [
      tenantB,
    ]);
    expect(bChannels[0].n).toBe(1);
  });

  it('lets the app role read the public Census cache but never write it', async () => {
    await dataSource.query(
      `INSERT INTO public_acs_zctas (vintage, zcta, cells) VALUES (2023, '19002', '{"B01003_001E": "31681"}')
       ON CONFLICT DO NOTHING`,
    );
    const [cached] = await tenantDb.run(tenantA, (db) =>
      db.manager.query(`SELECT cells FROM public_acs_zctas WHERE vintage = 2023 AND zcta = '19002'`),
    );
    expect(cached.cells).toMatchObject({ B01003_001E: expect.any(String) });
    for (const table of PUBLIC_CACHE_TABLES) {
      const columns: { column_name: string }[] = await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      expect(columns.map((c) => c.column_name)).not.toContain('client_id');
      for (const write of [
        `DELETE FROM ${table}`,
        `UPDATE ${table} SET vintage = vintage`,
        `INSERT INTO ${table} SELECT * FROM ${table} LIMIT 0`,
      ]) {
        await expect(tenantDb.run(tenantA, (db) => db.manager.query(write))).rejects.toThrow(
          /permission denied/,
        );
      }
    }
    const [writable] = await dataSource.query(
      `SELECT bool_or(has_table_privilege('lbi_app', t, 'INSERT') OR has_table_privilege('lbi_app', t, 'UPDATE')
              OR has_table_privilege('lbi_app', t, 'DELETE')) AS any_write,
              bool_and(has_table_privilege('lbi_app', t, 'SELECT')) AS all_read
         FROM unnest($1::text[]) AS t`,
      [[...PUBLIC_CACHE_TABLES]],
    );
    expect(writable).toEqual({ any_write: false, all_read: true });
  });

  it('shows nothing when the app role has no tenant set', async () => {
    const rows = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL ROLE lbi_app');
      return manager.query('SELECT * FROM geographies');
    });
    expect(rows).toEqual([]);
  });

  it('scoped repositories filter reads and stamp writes with the tenant', async () => {
    const names = await tenantDb.run(tenantA, async (db) => {
      const geographies = db.repository(Geography);
      // The tenant comes from the transaction, never from the input.
      await geographies.save({ name: 'Main Line', zipCodes: ['19003'], clientId: tenantB });
      return (await geographies.find({ order: { name: 'ASC' } })).map((g) => [g.name, g.clientId]);
    });
    expect(names).toEqual([
      ['Main Line', tenantA],
      ['Tenant A suburbs', tenantA],
    ]);
    expect(await tenantDb.run(tenantB, (db) => db.repository(Geography).count({ name: 'Main Line' }))).toBe(
      0,
    );
  });

  it('refuses to switch tenants inside an open tenant transaction', async () => {
    await expect(tenantDb.run(tenantA, () => tenantDb.run(tenantB, async () => 1))).rejects.toThrow(
      /cannot switch to another tenant/,
    );
  });
});
