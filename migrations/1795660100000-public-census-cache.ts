import { MigrationInterface, QueryRunner } from 'typeorm';

/** Must match APP_DB_ROLE in libs/server (the role every tenant transaction runs as). */
const APP_ROLE = 'lbi_app';

/**
 * The public Census cache: ACS cells per (vintage, ZCTA), establishment counts per (year, NAICS, ZIP)
 * and the log of the fills that wrote them. Public figures, the same for every tenant: no client_id,
 * no tenant content. The app role may only read the two cache tables (tenant refreshes and scans read
 * them inside tenant transactions); writes happen on the owner connection.
 */
export class PublicCensusCache1795660100000 implements MigrationInterface {
  name = 'PublicCensusCache1795660100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "public_acs_zctas" ("vintage" smallint NOT NULL, "zcta" character varying(5) NOT NULL, "cells" jsonb NOT NULL DEFAULT '{}', "source" character varying(16) NOT NULL DEFAULT 'api', "absent" boolean NOT NULL DEFAULT false, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_public_acs_zctas_source" CHECK ("source" IN ('api', 'snapshot')), CONSTRAINT "PK_dcf141cd895727ee30791caa0e6" PRIMARY KEY ("vintage", "zcta"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "public_business_counts" ("vintage" smallint NOT NULL, "naics" character varying(6) NOT NULL, "zip" character varying(5) NOT NULL, "establishments" integer NOT NULL, CONSTRAINT "PK_7f35cca0a85a9306a7df95e06ec" PRIMARY KEY ("vintage", "naics", "zip"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "public_cache_fills" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset" character varying(16) NOT NULL, "vintage" smallint, "scope" character varying(8) NOT NULL, "naics" character varying(6), "status" character varying(16) NOT NULL DEFAULT 'queued', "trigger" character varying(16) NOT NULL, "requests" integer NOT NULL DEFAULT '0', "rows_written" integer NOT NULL DEFAULT '0', "details" jsonb NOT NULL DEFAULT '{}', "error_message" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_public_cache_fills_dataset" CHECK ("dataset" IN ('acs/acs5', 'cbp')), CONSTRAINT "ck_public_cache_fills_status" CHECK ("status" IN ('queued', 'running', 'success', 'failed')), CONSTRAINT "PK_d9fcc01e07607b021c54728ebd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_public_cache_fills_lookup" ON "public_cache_fills" ("dataset", "vintage", "scope", "status")`,
    );
    await queryRunner.query(`GRANT SELECT ON public_acs_zctas, public_business_counts TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON public_acs_zctas, public_business_counts FROM ${APP_ROLE}`);
    await queryRunner.query(`DROP INDEX "public"."ix_public_cache_fills_lookup"`);
    await queryRunner.query(`DROP TABLE "public_cache_fills"`);
    await queryRunner.query(`DROP TABLE "public_business_counts"`);
    await queryRunner.query(`DROP TABLE "public_acs_zctas"`);
  }
}
