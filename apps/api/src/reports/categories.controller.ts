import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CategoryResponse } from '@lbi/contracts';
import { CATEGORIES } from '@lbi/scoring';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';

@ApiTags('categories')
@Controller('categories')
export class CategoriesController {
  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The service categories a report can be made for, with what drives each' })
  list(): CategoryResponse[] {
    return CATEGORIES.map((category) => ({
      id: category.id,
      label: category.label,
      peak_months: [...category.peak_months],
      lead_time_weeks: category.lead_time_weeks,
      channel_types: category.channels.map((c) => ({ channel_type: c.channel_type, relevance: c.relevance })),
      features: category.features.map((f) => ({
        feature: f.feature,
        weight: f.weight,
        direction: f.direction,
        fallback: f.fallback?.feature ?? null,
      })),
      rationale: category.rationale,
      sources: [...category.sources],
    }));
  }
}
