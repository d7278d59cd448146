import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export class CreateReportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'geography_id must be the UUID of one of your geographies' })
  geography_id!: string;

  @ApiProperty({ example: 'roofing', description: 'A category id from GET /categories' })
  @IsString()
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category id from GET /categories, e.g. roofing' })
  category!: string;

  @ApiPropertyOptional({
    description:
      'Rank closer ZIPs higher: distance from the geography’s centre (a ring’s centre, else the household-weighted centre) becomes a feature',
  })
  @IsOptional()
  @IsBoolean({ message: 'closer_first must be true or false' })
  closer_first?: boolean;
}

export class ListReportsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'geography_id must be a UUID' })
  geography_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category id from GET /categories' })
  category?: string;
}

export const EXPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportReportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be json, csv or pdf' })
  format!: ExportFormat;
}

export class ScoresQueryDto {
  @ApiProperty({ example: 'roofing' })
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category id from GET /categories, e.g. roofing' })
  category!: string;
}

export class RecomputeScoresQueryDto {
  @ApiPropertyOptional({ example: 'roofing', description: 'Omit to recompute every category' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category id from GET /categories, e.g. roofing' })
  category?: string;
}
