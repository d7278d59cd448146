import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type ScoreComponent, type ZipScoreResponse } from '@lbi/contracts';
import { RecomputeScoresQueryDto, ReportsService, ScoresQueryDto } from '@lbi/features';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

/** Scores per ZIP of a geography (routes under /geographies/:id, beside the geography CRUD). */
@ApiTags('scores')
@Controller('geographies')
export class GeographyScoresController {
  constructor(private readonly reports: ReportsService) {}

  @Post(':id/recompute-scores')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Queue a recomputation of the ZIP scores (one category, or all)' })
  @ApiAcceptedResponse({ description: '`{geography_id, categories}`' })
  recompute(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: RecomputeScoresQueryDto,
  ): Promise<{ geography_id: string; categories: string[] }> {
    return this.reports.recompute(id, query.category);
  }

  @Get(':id/scores')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The latest score of every ZIP for a category, ranked, with its components' })
  async scores(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ScoresQueryDto,
  ): Promise<ZipScoreResponse[]> {
    return (await this.reports.scores(id, query.category)).map((score) => ({
      zip_code: score.zipCode,
      category: score.category,
      score: score.score,
      rank: score.rank,
      components: score.components as ScoreComponent[],
      flags: score.flags,
      computed_at: score.computedAt.toISOString(),
    }));
  }
}
