import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole initial schema: tenants, users and every tenant table with client_id, FKs and the upsert keys. */
export class InitialSchema1795651200000 implements MigrationInterface {
  name = 'InitialSchema1795651200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_99e921caf21faa2aab020476e44" UNIQUE ("name"), CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "geographies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "zip_codes" character varying(5) array NOT NULL DEFAULT '{}', "zcta_resolution" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "uq_geographies_client_name" UNIQUE ("client_id", "name"), CONSTRAINT "PK_64824d9f4d1252a73f776eadc59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a46ef3644fb3ebc01d9a9502bf" ON "geographies" ("client_id")`);
    await queryRunner.query(
      `CREATE TABLE "channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid NOT NULL, "channel_type" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "city" character varying(100) NOT NULL, "state" character varying(2) NOT NULL, "zip_code" character varying(5), "estimated_reach" integer, "website" text, "notes" text, "source_url" text, CONSTRAINT "uq_channels_natural_key" UNIQUE ("client_id", "geography_id", "channel_type", "name"), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c62ec80e25dceac36ff126b65a" ON "channels" ("client_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_f575153ec3e7598cf51f224900" ON "channels" ("geography_id")`);
    await queryRunner.query(
      `CREATE TABLE "demand_signals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid NOT NULL, "signal_type" character varying(16) NOT NULL, "source_type" character varying(32) NOT NULL, "zip_code" character varying(5), "zcta" character varying(5), "metric" character varying(100) NOT NULL, "value" double precision, "margin_of_error" double precision, "vintage" character varying(16), "dataset" character varying(64), "event_name" character varying(300), "start_date" date, "end_date" date, "metadata" jsonb NOT NULL DEFAULT '{}', "source_url" text, CONSTRAINT "ck_demand_signals_type" CHECK ("signal_type" IN ('CENSUS', 'EVENT', 'PROPERTY')), CONSTRAINT "PK_2b491b3b4f52b3685ed6b147f3e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_15e0712678cc83e537ba50f07b" ON "demand_signals" ("client_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e8d3a199510254bde0394fbc97" ON "demand_signals" ("geography_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_demand_signals_lookup" ON "demand_signals" ("client_id", "geography_id", "signal_type")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_demand_signals_property" ON "demand_signals" ("client_id", "geography_id", "zip_code", "metric") WHERE "signal_type" = 'PROPERTY'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_demand_signals_event" ON "demand_signals" ("client_id", "geography_id", "event_name", "start_date") WHERE "signal_type" = 'EVENT'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_demand_signals_census" ON "demand_signals" ("client_id", "geography_id", "zip_code", "metric", "vintage") WHERE "signal_type" = 'CENSUS'`,
    );
    await queryRunner.query(
      `CREATE TABLE "ingestion_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid, "source_type" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "file_ref" character varying(64), "records_upserted" integer NOT NULL DEFAULT '0', "rows_processed" integer NOT NULL DEFAULT '0', "error_message" text, "details" jsonb NOT NULL DEFAULT '{}', "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_ingestion_runs_status" CHECK ("status" IN ('queued', 'running', 'success', 'failed')), CONSTRAINT "ck_ingestion_runs_source_type" CHECK ("source_type" IN ('census', 'csv_property', 'csv_events', 'csv_channels')), CONSTRAINT "PK_e9476c02c52a0dac026b859858a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1c53f8e72e81e98b0b11bf8b5" ON "ingestion_runs" ("client_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a326c967226c0fda83f6b4bf73" ON "ingestion_runs" ("geography_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ingestion_runs_status" ON "ingestion_runs" ("status", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ingestion_runs_freshness" ON "ingestion_runs" ("client_id", "geography_id", "source_type", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "property_aggregates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid NOT NULL, "zip_code" character varying(5) NOT NULL, "block_group" character varying(12) NOT NULL DEFAULT '', "property_count" integer NOT NULL, "median_year_built" double precision, "median_lot_size_sqft" double precision, "property_type_mix" jsonb NOT NULL DEFAULT '{}', "ownership_mix" jsonb NOT NULL DEFAULT '{}', "income_band_mix" jsonb NOT NULL DEFAULT '{}', "centroid_lat" double precision, "centroid_lon" double precision, CONSTRAINT "PK_16bb43bc8754d8510d29975d797" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d2dbeda5e878273e3cbd7d97cf" ON "property_aggregates" ("client_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a7a60c193270f1d2ccea1f35a2" ON "property_aggregates" ("geography_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_property_aggregates_key" ON "property_aggregates" ("client_id", "geography_id", "zip_code", "block_group")`,
    );
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "file_ref" character varying(64) NOT NULL, "original_filename" character varying(255) NOT NULL, "size_bytes" bigint NOT NULL, "content_kind" character varying(8) NOT NULL, "sha256" character varying(64) NOT NULL, CONSTRAINT "UQ_338766955dc2075894fbb316108" UNIQUE ("file_ref"), CONSTRAINT "ck_uploads_content_kind" CHECK ("content_kind" IN ('csv', 'ics')), CONSTRAINT "PK_d1781d1eedd7459314f60f39bd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_52166c1a2ac03e9d14193d1a97" ON "uploads" ("client_id")`);
    await queryRunner.query(
      `CREATE TABLE "zip_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid NOT NULL, "category" character varying(64) NOT NULL, "zip_code" character varying(5) NOT NULL, "score" double precision NOT NULL, "rank" integer NOT NULL, "components" jsonb NOT NULL DEFAULT '[]', "flags" jsonb NOT NULL DEFAULT '[]', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_01e41c5d5f5856e20eaa9819c70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_106c6fabc07738eab8e91b0564" ON "zip_scores" ("client_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_929eefb0b8fa79a39b6e3fb43a" ON "zip_scores" ("geography_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_zip_scores_key" ON "zip_scores" ("client_id", "geography_id", "category", "zip_code")`,
    );
    await queryRunner.query(
      `CREATE TABLE "intelligence_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "geography_id" uuid NOT NULL, "category" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "payload" jsonb, "error_message" text, "requested_by" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_intelligence_reports_status" CHECK ("status" IN ('queued', 'running', 'success', 'failed')), CONSTRAINT "PK_c179135e834e7afa6371aa14477" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_87243fbd73111555882e2cbd55" ON "intelligence_reports" ("client_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58603108e44bfe1649d8dbf49c" ON "intelligence_reports" ("geography_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid, "email" character varying(320) NOT NULL, "hashed_password" character varying(255) NOT NULL, "role" character varying(16) NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "ck_users_platform_admin" CHECK ("client_id" IS NOT NULL OR "role" = 'admin'), CONSTRAINT "ck_users_role" CHECK ("role" IN ('admin', 'analyst', 'client')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_users_client_id" ON "users" ("client_id")`);
    await queryRunner.query(
      `ALTER TABLE "geographies" ADD CONSTRAINT "FK_a46ef3644fb3ebc01d9a9502bf4" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "channels" ADD CONSTRAINT "FK_c62ec80e25dceac36ff126b65aa" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "channels" ADD CONSTRAINT "FK_f575153ec3e7598cf51f224900d" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_signals" ADD CONSTRAINT "FK_15e0712678cc83e537ba50f07b0" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_signals" ADD CONSTRAINT "FK_e8d3a199510254bde0394fbc97d" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ingestion_runs" ADD CONSTRAINT "FK_b1c53f8e72e81e98b0b11bf8b55" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ingestion_runs" ADD CONSTRAINT "FK_a326c967226c0fda83f6b4bf737" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "property_aggregates" ADD CONSTRAINT "FK_d2dbeda5e878273e3cbd7d97cfb" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "property_aggregates" ADD CONSTRAINT "FK_a7a60c193270f1d2ccea1f35a2a" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "FK_52166c1a2ac03e9d14193d1a97f" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "zip_scores" ADD CONSTRAINT "FK_106c6fabc07738eab8e91b0564c" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "zip_scores" ADD CONSTRAINT "FK_929eefb0b8fa79a39b6e3fb43ab" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "intelligence_reports" ADD CONSTRAINT "FK_87243fbd73111555882e2cbd55d" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "intelligence_reports" ADD CONSTRAINT "FK_58603108e44bfe1649d8dbf49c8" FOREIGN KEY ("geography_id") REFERENCES "geographies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_client"`);
    await queryRunner.query(
      `ALTER TABLE "intelligence_reports" DROP CONSTRAINT "FK_58603108e44bfe1649d8dbf49c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "intelligence_reports" DROP CONSTRAINT "FK_87243fbd73111555882e2cbd55d"`,
    );
    await queryRunner.query(`ALTER TABLE "zip_scores" DROP CONSTRAINT "FK_929eefb0b8fa79a39b6e3fb43ab"`);
    await queryRunner.query(`ALTER TABLE "zip_scores" DROP CONSTRAINT "FK_106c6fabc07738eab8e91b0564c"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "FK_52166c1a2ac03e9d14193d1a97f"`);
    await queryRunner.query(
      `ALTER TABLE "property_aggregates" DROP CONSTRAINT "FK_a7a60c193270f1d2ccea1f35a2a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "property_aggregates" DROP CONSTRAINT "FK_d2dbeda5e878273e3cbd7d97cfb"`,
    );
    await queryRunner.query(`ALTER TABLE "ingestion_runs" DROP CONSTRAINT "FK_a326c967226c0fda83f6b4bf737"`);
    await queryRunner.query(`ALTER TABLE "ingestion_runs" DROP CONSTRAINT "FK_b1c53f8e72e81e98b0b11bf8b55"`);
    await queryRunner.query(`ALTER TABLE "demand_signals" DROP CONSTRAINT "FK_e8d3a199510254bde0394fbc97d"`);
    await queryRunner.query(`ALTER TABLE "demand_signals" DROP CONSTRAINT "FK_15e0712678cc83e537ba50f07b0"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "FK_f575153ec3e7598cf51f224900d"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "FK_c62ec80e25dceac36ff126b65aa"`);
    await queryRunner.query(`ALTER TABLE "geographies" DROP CONSTRAINT "FK_a46ef3644fb3ebc01d9a9502bf4"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_client_id"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_58603108e44bfe1649d8dbf49c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87243fbd73111555882e2cbd55"`);
    await queryRunner.query(`DROP TABLE "intelligence_reports"`);
    await queryRunner.query(`DROP INDEX "public"."uq_zip_scores_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_929eefb0b8fa79a39b6e3fb43a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_106c6fabc07738eab8e91b0564"`);
    await queryRunner.query(`DROP TABLE "zip_scores"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52166c1a2ac03e9d14193d1a97"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
    await queryRunner.query(`DROP INDEX "public"."uq_property_aggregates_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7a60c193270f1d2ccea1f35a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d2dbeda5e878273e3cbd7d97cf"`);
    await queryRunner.query(`DROP TABLE "property_aggregates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ingestion_runs_freshness"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ingestion_runs_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a326c967226c0fda83f6b4bf73"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1c53f8e72e81e98b0b11bf8b5"`);
    await queryRunner.query(`DROP TABLE "ingestion_runs"`);
    await queryRunner.query(`DROP INDEX "public"."uq_demand_signals_census"`);
    await queryRunner.query(`DROP INDEX "public"."uq_demand_signals_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_demand_signals_property"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demand_signals_lookup"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8d3a199510254bde0394fbc97"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15e0712678cc83e537ba50f07b"`);
    await queryRunner.query(`DROP TABLE "demand_signals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f575153ec3e7598cf51f224900"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c62ec80e25dceac36ff126b65a"`);
    await queryRunner.query(`DROP TABLE "channels"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a46ef3644fb3ebc01d9a9502bf"`);
    await queryRunner.query(`DROP TABLE "geographies"`);
    await queryRunner.query(`DROP TABLE "clients"`);
  }
}
