// Inputs of the scoring engine: plain data the caller has already loaded (no I/O here).

import type { ScoreComponent, ZctaResolutionResponse } from '@lbi/contracts';

import type { GeographyFigure } from './geography';
import type { ZipData } from './zip-data';

export interface CensusSignalInput {
  zip_code: string;
  zcta: string | null;
  metric: string;
  value: number | null;
  /** The 90% MOE, or the annotation code the API printed instead (-222222222, -333333333, -555555555…). */
  margin_of_error: number | null;
  /** ACS vintage of the row; a report keeps the rows of its one vintage only. */
  vintage?: string | null;
}

export interface PropertyAggregateInput {
  zip_code: string;
  property_count: number;
  median_year_built?: number | null;
  owner_occupied_count?: number | null;
}

export interface EventInput {
  event_name: string;
  start_date: string;
  end_date: string | null;
  zip_code: string | null;
  category: string | null;
}

export interface ChannelInput {
  id: string;
  channel_type: string;
  name: string;
  zip_code: string | null;
  estimated_reach: number | null;
}

export interface FreshnessInput {
  source_type: string;
  last_success_at: string | null;
  is_stale: boolean;
  reason: string | null;
}

export interface GeographyInput {
  id: string;
  name: string;
  zip_codes: readonly string[];
  zcta_resolution?: readonly Pick<ZctaResolutionResponse, 'zip' | 'zcta'>[];
}

export interface ScoreInput {
  zip_codes: readonly string[];
  category: string;
  /** ISO date; the event horizon starts here. */
  as_of: string;
  census_signals: readonly CensusSignalInput[];
  property_aggregates?: readonly PropertyAggregateInput[];
  events?: readonly EventInput[];
  /** ZIP → ZCTA; without it, the ZCTA each ZIP's signals carry. */
  zcta_resolution?: readonly { zip: string; zcta: string | null }[];
}

export interface ReportInput {
  geography: GeographyInput;
  category: string;
  as_of: string;
  census_signals: readonly CensusSignalInput[];
  property_aggregates?: readonly PropertyAggregateInput[];
  events?: readonly EventInput[];
  channels?: readonly ChannelInput[];
  freshness?: readonly FreshnessInput[];
  /** The report's one ACS vintage; signals of other vintages are left out. Default: the newest present. */
  vintage?: string | null;
  /** ZIPs whose Census rows are of other vintages only (the loader leaves those rows out), to name them. */
  other_vintage_zips?: readonly { zip_code: string; vintages: readonly string[] }[];
}

/** The score of one ZCTA (or of one ZIP without a ZCTA). */
export interface ZipScoreResult {
  /** The ZCTA's own ZIP when the geography holds it, else the first of `zip_codes`. */
  zip_code: string;
  /** Every ZIP of the geography that maps to the ZCTA. */
  zip_codes: string[];
  zcta: string | null;
  /** 0..100, one decimal. */
  score: number;
  households: number | null;
  /** 90% margin of `households`. */
  households_moe: number | null;
  components: ScoreComponent[];
  warnings: string[];
  small_sample: boolean;
  /** 90% margin of the score from the sampling error of its features (0 when none has an MOE). */
  score_moe: number;
  /** 1-based tier: a run of ranks whose scores are not significantly different from each other. */
  tier: number;
}

export interface ScoreZipsOutput {
  results: ZipScoreResult[];
  /** Features the profile weights that no ZIP of the geography has (their weight was redistributed). */
  absent_features: string[];
  /** Features replaced by their fallback because no ZIP has them: [feature, fallback]. */
  substituted_features: [string, string][];
  /** Scored features no ZIP has an MOE for: their comparisons cannot be tested. */
  features_without_moe: string[];
  /** Geography-wide value of every scored feature (see GeographyFigure for how each is made). */
  geography_values: Record<string, number | null>;
  geography_figures: Record<string, GeographyFigure>;
  /** The per-ZCTA inputs the scores were computed from, keyed by `zip_code`, for the report to reuse. */
  zip_data: ReadonlyMap<string, ZipData>;
}
