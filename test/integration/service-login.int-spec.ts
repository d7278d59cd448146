// The login the API and workers use in production (docker-compose, ARCHITECTURE.md): it owns nothing,
// cannot change the schema, reaches a tenant's rows only inside that tenant's transaction (and never
// a password hash there), and can still do the platform's cross-tenant maintenance.
import { randomUUID } from 'node:crypto';
import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { buildDataSourceOptions, ensureServiceLogin, TenantDb } from '@lbi/server';
import { DataSource } from 'typeorm';
import { testDatabaseUrl, usingEmbeddedDatabase } from '../support/test-env';

const describeOnPostgres = usingEmbeddedDatabase() ? describe.skip : describe;
if (usingEmbeddedDatabase()) {
  // Reported, not hidden: the embedded database has one built-in user (DATABASE_URL runs it).
  process.stdout.write('service login: the embedded database has no login roles, skipping\n');
}

describeOnPostgres('the API and worker login (lbi_service member)', () => {
  const user = `lbi_svc_${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  let owner: DataSource;
  let service: DataSource;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    const ownerUrl = testDatabaseUrl();
    owner = await new DataSource(
      buildDataSourceOptions({ url: ownerUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS, poolSize: 2 }),
    ).initialize();
    await ensureServiceLogin(ownerUrl, user, password);
    // Idempotent: running it again only resets the password.
    await ensureServiceLogin(ownerUrl, user, password);
    const url = new URL(ownerUrl);
    url.username = user;
    url.password = password;
    service = await new DataSource(
      buildDataSourceOptions({
        url: url.toString(),
        entities: ALL_ENTITIES,
        migrations: MIGRATIONS,
        poolSize: 2,
      }),
    ).initialize();
    const client = async (name: string) =>
      (await owner.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [name]))[0].id as string;
    tenantA = await client(`Login A ${randomUUID()}`);
    tenantB = await client(`Login B ${randomUUID()}`);
    for (const tenant of [tenantA, tenantB]) {
      await owner.query(
        `INSERT INTO geographies (client_id, name, zip_codes, zcta_resolution) VALUES ($1, 'Login geo', '{19002}', '[]')`,
        [tenant],
      );
      await owner.query(
        `INSERT INTO users (client_id, email, hashed_password, role) VALUES ($1, $2, 'not-a-real-hash', 'analyst')`,
        [tenant, `login-${randomUUID().slice(0, 6)}@agency.example`],
      );
    }
  });
  afterAll(async () => {
    await service?.destroy();
    await owner?.query(`DELETE FROM clients WHERE id = ANY($1::uuid[])`, [[tenantA, tenantB]]);
    await owner?.query(`REVOKE lbi_service FROM "${user}"`).catch(() => undefined);
    await owner?.query(`DROP OWNED BY "${user}"`).catch(() => undefined);
    await owner?.query(`DROP ROLE IF EXISTS "${user}"`).catch(() => undefined);
    await owner?.destroy();
  });

  it('is not a superuser, bypasses no row security and owns no table', async () => {
    const [role] = await service.query(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const [{ owned }] = await service.query(
      `SELECT count(*)::int AS owned FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    expect(owned).toBe(0);
  });

  it.each([
    ['drop a table', 'DROP TABLE geographies'],
    ['alter a table', 'ALTER TABLE geographies ADD COLUMN sneaky text'],
    ['create a table', 'CREATE TABLE public.sneaky (id int)'],
    ['disable row security', 'ALTER TABLE uploads DISABLE ROW LEVEL SECURITY'],
    ['record a migration', `INSERT INTO typeorm_migrations (timestamp, name) VALUES (1, 'x')`],
  ])('cannot %s', async (_label, sql) => {
    await expect(service.query(sql)).rejects.toThrow(/must be owner|permission denied/);
  });

  it('sees one tenant inside its transaction, and no password hash there', async () => {
    const tenantDb = new TenantDb(service);
    const seen = await tenantDb.run(tenantA, (db) =>
      db.manager.query(`SELECT DISTINCT client_id FROM geographies`),
    );
    expect(seen).toEqual([{ client_id: tenantA }]);
    await expect(
      tenantDb.run(tenantA, (db) => db.manager.query(`SELECT hashed_password FROM users`)),
    ).rejects.toThrow(/permission denied for table users/);
  });

  it('can sign users in and do the cross-tenant maintenance outside tenant transactions', async () => {
    const users = await service.query(`SELECT client_id FROM users WHERE client_id = ANY($1::uuid[])`, [
      [tenantA, tenantB],
    ]);
    expect(users).toHaveLength(2);
    const runs = await service.query(
      `INSERT INTO ingestion_runs (client_id, source_type, status) VALUES ($1, 'census', 'running'), ($2, 'census', 'running') RETURNING id`,
      [tenantA, tenantB],
    );
    const [, updated] = await service.query(
      `UPDATE ingestion_runs SET status = 'failed' WHERE id = ANY($1::uuid[])`,
      [runs.map((run: { id: string }) => run.id)],
    );
    expect(updated).toBe(2);
  });
});
