import { MigrationInterface, QueryRunner } from 'typeorm';

/** Must match APP_DB_ROLE in libs/server (the role every tenant transaction runs as). */
const APP_ROLE = 'lbi_app';

const TENANT_TABLES = [
  'geographies',
  'demand_signals',
  'ingestion_runs',
  'channels',
  'uploads',
  'property_aggregates',
  'zip_scores',
  'intelligence_reports',
];

/**
 * Row-level security, the backstop behind the application's tenant filter: a NOLOGIN role that
 * tenant transactions switch to (SET LOCAL ROLE), and on every tenant table a forced policy that
 * shows and accepts only rows of `app.client_id` (set per transaction with set_config(..., true)).
 * Without the setting no row is visible and no row can be written.
 */
export class RowLevelSecurity1795651300000 implements MigrationInterface {
  name = 'RowLevelSecurity1795651300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles are cluster-wide: create it once, whichever database migrates first.
    await queryRunner.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
           CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
         END IF;
       END $$`,
    );
    // The connecting user must be able to switch to the role (superusers always can).
    await queryRunner.query(
      `DO $$ BEGIN
         IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
           EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
         END IF;
       END $$`,
    );
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON clients, users TO ${APP_ROLE}`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON ${table}
           USING (client_id = NULLIF(current_setting('app.client_id', true), '')::uuid)
           WITH CHECK (client_id = NULLIF(current_setting('app.client_id', true), '')::uuid)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`REVOKE ALL ON clients, users FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself stays: it is cluster-wide and other databases of the cluster may use it.
  }
}
