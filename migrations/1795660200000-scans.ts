import { MigrationInterface, QueryRunner } from 'typeorm';

/** Must match APP_DB_ROLE in libs/server (the role every tenant transaction runs as). */
const APP_ROLE = 'lbi_app';
/** The service role of the API and workers' login (SERVICE_DB_ROLE in libs/server). */
const SERVICE_ROLE = 'lbi_service';

/**
 * Scans: a tenant's stored state or national rankings. A tenant table like every other: client_id
 * with a foreign key and an index, row-level security enabled and forced with the same policy, and
 * the service role's cross-tenant maintenance policy (the stale-run reaper fails abandoned scans).
 * The service role's table privileges come from the default privileges of the privacy migration.
 */
export class Scans1795660200000 implements MigrationInterface {
  name = 'Scans1795660200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "category" character varying(64) NOT NULL, "scope" character varying(8) NOT NULL, "zip_limit" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "payload" jsonb, "error_message" text, "requested_by" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_scans_status" CHECK ("status" IN ('queued', 'running', 'success', 'failed')), CONSTRAINT "PK_41156c08314b9e541c1cb18c588" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ddf19fc42ffa088ed08919b271" ON "scans" ("client_id")`);
    await queryRunner.query(
      `ALTER TABLE "scans" ADD CONSTRAINT "FK_ddf19fc42ffa088ed08919b2716" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON scans TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER TABLE scans ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE scans FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON scans
         USING (client_id = NULLIF(current_setting('app.client_id', true), '')::uuid)
         WITH CHECK (client_id = NULLIF(current_setting('app.client_id', true), '')::uuid)`,
    );
    await queryRunner.query(
      `CREATE POLICY platform_maintenance ON scans TO ${SERVICE_ROLE} USING (true) WITH CHECK (true)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS platform_maintenance ON scans`);
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON scans`);
    await queryRunner.query(`REVOKE ALL ON scans FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER TABLE "scans" DROP CONSTRAINT "FK_ddf19fc42ffa088ed08919b2716"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ddf19fc42ffa088ed08919b271"`);
    await queryRunner.query(`DROP TABLE "scans"`);
  }
}
