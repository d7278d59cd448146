// Inputs of the scoring engine: plain data the caller has already loaded (no I/O here).

import type { ScoreComponent, ZctaResolutionResponse } from '@lbi/contracts';
import type { BusinessInput } from './competition';
import type { ZipData } from './features';
import type { ZipContext } from './trade-area-features';

/** A ZIP's land area, distance from the centre and competitor count, as the caller knows them. */
export type ZipContextInput = ZipContext & { zip_code: string };

export interface CensusSignalInput {
  zip_code: string;
  zcta: string | null;
  metric: string;
  value: number | null;
  margin_of_error: number | null;
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
  zip_context?: readonly ZipContextInput[];
  /** The ZIPs' inputs when the caller built them already (a scan reads them from the cache): census_signals is then ignored. */
  zip_data?: ReadonlyMap<string, ZipData>;
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
  vintage?: string | null;
  /** How many top ZIPs to explain; TOP_ZIP_COUNT when left out (a scan asks for its limit). */
  top_count?: number;
  zip_context?: readonly ZipContextInput[];
  /** The establishment counts in zip_context: their year and origin (the competition section). */
  business?: BusinessInput | null;
}

export interface ZipScoreResult {
  zip_code: string;
  zcta: string | null;
  /** 0..100, one decimal. */
  score: number;
  households: number | null;
  components: ScoreComponent[];
  warnings: string[];
  small_sample: boolean;
}

export interface ScoreZipsOutput {
  results: ZipScoreResult[];
  /** Features the profile weights that no ZIP of the geography has (their weight was redistributed). */
  absent_features: string[];
  /** Geography-wide value of every weighted feature (household-weighted, or pooled for ratios). */
  geography_values: Record<string, number | null>;
  /** The per-ZIP inputs the scores were computed from, so a report reuses them instead of collecting again. */
  zip_data: ReadonlyMap<string, ZipData>;
}
