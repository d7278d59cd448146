import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trade areas and competition: a geography keeps how its ZIPs were chosen (ring, counties, scan), a
 * report the options it was asked with (closer ZIPs first),
 * ingestion runs gain the `census_business` source and demand signals the `BUSINESS` type
 * (establishments per ZIP and NAICS industry), upserted on their own natural key.
 */
export class TradeAreasAndBusiness1795660000000 implements MigrationInterface {
  name = 'TradeAreasAndBusiness1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "geographies" ADD "trade_area" jsonb`);
    await queryRunner.query(`ALTER TABLE "intelligence_reports" ADD "options" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "ingestion_runs" DROP CONSTRAINT "ck_ingestion_runs_source_type"`);
    await queryRunner.query(
      `ALTER TABLE "ingestion_runs" ADD CONSTRAINT "ck_ingestion_runs_source_type" CHECK ("source_type" IN ('census', 'census_business', 'csv_property', 'csv_events', 'csv_channels'))`,
    );
    await queryRunner.query(`ALTER TABLE "demand_signals" DROP CONSTRAINT "ck_demand_signals_type"`);
    await queryRunner.query(
      `ALTER TABLE "demand_signals" ADD CONSTRAINT "ck_demand_signals_type" CHECK ("signal_type" IN ('CENSUS', 'EVENT', 'PROPERTY', 'BUSINESS'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_demand_signals_business" ON "demand_signals" ("client_id", "geography_id", "zip_code", "metric", "vintage") WHERE "signal_type" = 'BUSINESS'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_demand_signals_business"`);
    await queryRunner.query(`DELETE FROM "demand_signals" WHERE "signal_type" = 'BUSINESS'`);
    await queryRunner.query(`ALTER TABLE "demand_signals" DROP CONSTRAINT "ck_demand_signals_type"`);
    await queryRunner.query(
      `ALTER TABLE "demand_signals" ADD CONSTRAINT "ck_demand_signals_type" CHECK ("signal_type" IN ('CENSUS', 'EVENT', 'PROPERTY'))`,
    );
    await queryRunner.query(`DELETE FROM "ingestion_runs" WHERE "source_type" = 'census_business'`);
    await queryRunner.query(`ALTER TABLE "ingestion_runs" DROP CONSTRAINT "ck_ingestion_runs_source_type"`);
    await queryRunner.query(
      `ALTER TABLE "ingestion_runs" ADD CONSTRAINT "ck_ingestion_runs_source_type" CHECK ("source_type" IN ('census', 'csv_property', 'csv_events', 'csv_channels'))`,
    );
    await queryRunner.query(`ALTER TABLE "intelligence_reports" DROP COLUMN "options"`);
    await queryRunner.query(`ALTER TABLE "geographies" DROP COLUMN "trade_area"`);
  }
}
