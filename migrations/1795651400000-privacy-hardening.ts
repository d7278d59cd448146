import { MigrationInterface, QueryRunner } from 'typeorm';

/** The NOLOGIN role tenant transactions run as (APP_DB_ROLE in libs/server). */
const APP_ROLE = 'lbi_app';
/** The NOLOGIN role that holds what the API and workers need; their login is made a member of it. */
const SERVICE_ROLE = 'lbi_service';

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
 * Privacy and least privilege:
 * - uploads are deleted after a retention window (or at once when refused for PII): the row keeps
 *   when and why, so an import of an expired file_ref can say so;
 * - a token version per user ends every token issued before a password reset or deactivation;
 * - an email is unique within a client (and among platform admins), so creating a user never reveals
 *   that the address has an account in another client;
 * - one queued or running ingestion run per geography and source;
 * - `lbi_app` (tenant transactions) no longer reads `users` or `clients` (it never needed to: sign-in
 *   and administration run outside tenant transactions), so no tenant query can reach a password hash;
 * - `lbi_service`: table privileges without ownership, for the non-owner login of the API and workers
 *   (see `npm run migration:run` with APP_DATABASE_USER, and docs/ARCHITECTURE.md).
 */
export class PrivacyHardening1795651400000 implements MigrationInterface {
  name = 'PrivacyHardening1795651400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "uploads" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "uploads" ADD "deleted_reason" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "uploads" ADD "last_imported_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_uploads_created_at" ON "uploads" ("created_at")`);

    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_client_email" ON "users" ("client_id", "email") WHERE "client_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_platform_email" ON "users" ("email") WHERE "client_id" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_users_email" ON "users" ("email")`);

    // One queued or running run per geography and source (a refresh or import in flight answers 409).
    // Older duplicates, if any, are left to finish: only new ones are refused.
    await queryRunner.query(
      `UPDATE ingestion_runs r SET status = 'failed', error_message = 'Superseded: another run of this source was already in progress.', finished_at = now()
       WHERE status IN ('queued', 'running') AND EXISTS (
         SELECT 1 FROM ingestion_runs o WHERE o.client_id = r.client_id AND o.geography_id = r.geography_id
           AND o.source_type = r.source_type AND o.status IN ('queued', 'running') AND o.created_at > r.created_at)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ingestion_runs_active" ON "ingestion_runs" ("client_id", "geography_id", "source_type") WHERE "status" IN ('queued', 'running')`,
    );

    await queryRunner.query(`REVOKE ALL ON clients, users FROM ${APP_ROLE}`);

    await queryRunner.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
           CREATE ROLE ${SERVICE_ROLE} NOLOGIN NOSUPERUSER;
         END IF;
       END $$`,
    );
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${SERVICE_ROLE}`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${SERVICE_ROLE}`,
    );
    // The service only reads which migrations ran (the health check); only the owner applies them.
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON typeorm_migrations FROM ${SERVICE_ROLE}`);
    // Tables later migrations create (as this owner) get the same privileges.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${SERVICE_ROLE}`,
    );
    // Members of the service role may switch to the tenant role.
    await queryRunner.query(`GRANT ${APP_ROLE} TO ${SERVICE_ROLE}`);
    // Platform maintenance (the stale-run reaper, the upload purge, the nightly refresh) runs on the
    // service login outside tenant transactions and crosses tenants on purpose: a policy says so for
    // that role only. Inside a tenant transaction the role is lbi_app, which this policy does not name.
    for (const table of TENANT_TABLES) {
      await queryRunner.query(
        `CREATE POLICY platform_maintenance ON ${table} TO ${SERVICE_ROLE} USING (true) WITH CHECK (true)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS platform_maintenance ON ${table}`);
    }
    await queryRunner.query(`REVOKE ${APP_ROLE} FROM ${SERVICE_ROLE}`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${SERVICE_ROLE}`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${SERVICE_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${SERVICE_ROLE}`);
    // The role stays: it is cluster-wide and other databases of the cluster may use it.
    await queryRunner.query(`GRANT SELECT ON clients, users TO ${APP_ROLE}`);
    await queryRunner.query(`DROP INDEX "public"."uq_ingestion_runs_active"`);
    // The old schema had one account per email across all clients: reverting is refused while an email
    // has accounts in several (nothing is deleted to make it fit).
    const [{ shared }] = (await queryRunner.query(
      `SELECT count(*)::int AS shared FROM (SELECT email FROM users GROUP BY email HAVING count(*) > 1) t`,
    )) as { shared: number }[];
    if (shared > 0) {
      throw new Error(
        `Cannot revert: ${shared} email address(es) have accounts in more than one client; remove the extra accounts first.`,
      );
    }
    await queryRunner.query(`DROP INDEX "public"."ix_users_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_platform_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_client_email"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email")`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_uploads_created_at"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP COLUMN "last_imported_at"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP COLUMN "deleted_reason"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP COLUMN "deleted_at"`);
  }
}
