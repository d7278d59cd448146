// The intelligence report: the wire shape (snake_case) of `payload` on a finished report, shared by the
// scoring engine that builds it, the exports that render it and the console that shows it.

/** A figure with its 90% margin of error when one can be derived (null otherwise). */
export interface Estimate {
  value: number | null;
  moe: number | null;
}

/** One input of a ZIP's score, so every number in a report traces back to its source. */
export interface ScoreComponent {
  /** Feature id, e.g. `owner_share`, `median_year_built`, `upcoming_events`. */
  feature: string;
  label: string;
  /** The ZIP's value of the feature (a share 0..1, a year, dollars, a count). */
  value: number | null;
  moe: number | null;
  // Named so: a bare 'unit' key reads as an apartment unit to the PII guard.
  unit_of_measure: string;
  /** The same feature across the whole geography (household-weighted), for the comparison in `why`. */
  geography_value: number | null;
  /** Percentile rank of the ZIP within the geography, 0..1 (1 = highest); direction already applied. */
  percentile: number | null;
  /** Weight from the category profile, and after reliability discounts. */
  weight: number;
  effective_weight: number;
  /** effective_weight × percentile, normalised so a ZIP's contributions sum to its score / 100. */
  contribution: number;
  /** Coefficient of variation of the estimate (MOE / 1.645 / value), when it has an MOE. */
  cv: number | null;
  reliable: boolean;
  source: 'census' | 'property' | 'events';
}

export interface TopZip {
  rank: number;
  zip_code: string;
  zcta: string | null;
  /** 0..100 */
  score: number;
  households: number | null;
  components: ScoreComponent[];
  /** Two to four sentences with the numbers and the comparison that matter. */
  why: string[];
  /** Reliability warnings: estimates over 30% CV, small samples, missing inputs. */
  warnings: string[];
}

export interface BuyerProfile {
  zip_codes: string[];
  households: Estimate;
  owner_share: Estimate;
  median_household_income: { min: number | null; max: number | null; household_weighted: number | null };
  median_home_value: { min: number | null; max: number | null; household_weighted: number | null };
  median_year_built: { min: number | null; max: number | null; household_weighted: number | null };
  addressable_households: Estimate & { basis: string };
  notes: string[];
}

export interface RecommendedChannel {
  channel_id: string;
  name: string;
  channel_type: string;
  zip_code: string | null;
  estimated_reach: number | null;
  /** 0..1: relevance of the type to the category, reach and coverage of the top ZIPs combined. */
  relevance: number;
  covers_top_zip: boolean;
  why: string;
}

export interface ChannelTypeToAdd {
  channel_type: string;
  why: string;
}

export interface TimingEvent {
  event_name: string;
  start_date: string;
  end_date: string | null;
  zip_code: string | null;
  why: string;
}

export interface TimingWindow {
  /** ISO dates (YYYY-MM-DD). */
  start_date: string;
  end_date: string;
  peak_months: number[];
  lead_time_weeks: number;
  why: string[];
  events: TimingEvent[];
}

export interface DataFreshnessEntry {
  source_type: string;
  last_success_at: string | null;
  is_stale: boolean;
  detail: string;
}

export interface ReportPayload {
  geography: { id: string; name: string; zip_codes: string[] };
  category: { id: string; label: string };
  /** The date the report describes (inputs as of); fixed by the caller so reports are reproducible. */
  as_of: string;
  top_zips: TopZip[];
  buyer_profile: BuyerProfile;
  recommended_channels: RecommendedChannel[];
  channel_types_to_add: ChannelTypeToAdd[];
  timing_window: TimingWindow;
  data_freshness: DataFreshnessEntry[];
  caveats: string[];
  sources: { name: string; vintage: string | null; url: string | null }[];
}

/** A report without its payload (`GET /reports`). */
export interface ReportSummaryResponse {
  id: string;
  client_id: string;
  geography_id: string;
  category: string;
  status: string;
  error_message: string | null;
  requested_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** `GET /reports/:id`: a finished report has its payload. */
export interface ReportResponse extends ReportSummaryResponse {
  payload: ReportPayload | null;
}

/** A service category a report can be made for (`GET /categories`). */
export interface CategoryResponse {
  id: string;
  label: string;
  peak_months: number[];
  lead_time_weeks: number;
  channel_types: { channel_type: string; relevance: number }[];
  features: { feature: string; weight: number; direction: string }[];
  rationale: string;
}

/** The latest score of one ZIP for a category (`GET /geographies/:id/scores`). */
export interface ZipScoreResponse {
  zip_code: string;
  category: string;
  score: number;
  rank: number;
  components: ScoreComponent[];
  flags: string[];
  computed_at: string;
}
