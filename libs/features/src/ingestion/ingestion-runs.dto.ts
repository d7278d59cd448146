import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IngestionRunWithDetails, RUN_STATUSES, RunStatus, SOURCE_TYPES, SourceType } from '@lbi/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IngestionRun } from './ingestion-run.entity';
import { INGESTION_RUNS_DEFAULT_LIMIT, INGESTION_RUNS_MAX_LIMIT } from './ingestion-runs.service';

export class IngestionRunResponseDto implements IngestionRunWithDetails {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  client_id!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  geography_id!: string | null;

  @ApiProperty({ enum: SOURCE_TYPES })
  source_type!: string;

  @ApiProperty({ enum: RUN_STATUSES })
  status!: string;

  @ApiProperty({ description: 'Records written (inserted or updated) by a successful run' })
  records_upserted!: number;

  @ApiProperty({ description: 'Progress while the run works (rows read, or ZCTAs fetched)' })
  rows_processed!: number;

  @ApiProperty({ nullable: true, type: String, description: 'Why the run failed, in plain language' })
  error_message!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Structured outcome: request counts, vintage, ZIPs without a ZCTA, notes, row errors. Never raw values.',
  })
  details!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  started_at!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finished_at!: string | null;
}

/** The only way an IngestionRun leaves the API. */
export function toIngestionRunResponse(run: IngestionRun): IngestionRunWithDetails {
  return {
    id: run.id,
    client_id: run.clientId,
    geography_id: run.geographyId,
    source_type: run.sourceType,
    status: run.status,
    records_upserted: run.recordsUpserted,
    rows_processed: run.rowsProcessed,
    error_message: run.errorMessage,
    details: run.details ?? {},
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt ? run.startedAt.toISOString() : null,
    finished_at: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
}

export class ListIngestionRunsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'geography_id must be a UUID' })
  geography_id?: string;

  @ApiPropertyOptional({ enum: RUN_STATUSES })
  @IsOptional()
  @IsIn(RUN_STATUSES, { message: `status must be one of: ${RUN_STATUSES.join(', ')}` })
  status?: RunStatus;

  @ApiPropertyOptional({ enum: SOURCE_TYPES })
  @IsOptional()
  @IsIn(SOURCE_TYPES, { message: `source_type must be one of: ${SOURCE_TYPES.join(', ')}` })
  source_type?: SourceType;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: INGESTION_RUNS_MAX_LIMIT,
    default: INGESTION_RUNS_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(INGESTION_RUNS_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  offset?: number;
}

/** 202 answer of the routes that start a run. */
export class IngestionRunStartedDto {
  @ApiProperty({ format: 'uuid' })
  ingestion_run_id!: string;
}
