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
  /** `geography`: where the ZIP is (distance from the centre); `business`: ZIP Code Business Patterns. */
  source: 'census' | 'property' | 'events' | 'geography' | 'business';
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

/** What a report can be asked for besides its geography and category. */
export interface ReportOptions {
  /** Rank closer ZIPs higher: distance from the geography's centre becomes a feature. */
  closer_first?: boolean;
}

/** Competing establishments of one top ZIP's ZCTA (ZIP Code Business Patterns). */
export interface CompetitionZip {
  zip_code: string;
  zcta: string | null;
  /** A floor: cells under 3 establishments are not published. Null when the ZCTA has no count. */
  establishments: number | null;
  /** The category's addressable base (owner- or renter-occupied households, or all households). */
  addressable_households: number | null;
  per_1000_households: number | null;
  households_per_establishment: number | null;
  /** households_per_establishment over the geography's: above 1, more households per competitor. */
  demand_supply_gap: number | null;
  note: string | null;
}

export interface CompetitionSection {
  /** 2017 NAICS codes counted as competitors of the category. */
  naics: string[];
  industries: { code: string; label: string }[];
  /** Reference year of the counts. */
  year: string | null;
  /** What "households" counts in the rates. */
  basis: string;
  zips: CompetitionZip[];
  geography: {
    establishments: number;
    addressable_households: number | null;
    per_1000_households: number | null;
    households_per_establishment: number | null;
    /** ZCTAs counted, each once. */
    zctas_counted: number;
  };
  caveats: string[];
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
  /** Competing establishments; null when the geography has no business counts. */
  competition?: CompetitionSection | null;
  /** The options the report was asked with. */
  options?: ReportOptions;
}

/** Scans rank every ZCTA of a state, or of the nation, for a category (POST /scans). */
export const SCAN_NATION = 'US';
export const DEFAULT_SCAN_LIMIT = 100;
export const MAX_SCAN_LIMIT = 5000;

/** What a scan covered and what it could not use. */
export interface ScanSummary {
  /** A state's USPS abbreviation, or `US` for the nation. */
  scope: string;
  scope_name: string;
  /** ZCTAs of the scope, and how many had the Census figures to be ranked. */
  zctas_total: number;
  zctas_ranked: number;
  limit: number;
  acs_vintage: string | null;
  business_year: string | null;
  /** Category inputs no ZCTA of the scope had (named in the caveats too). */
  missing_inputs: string[];
  /** Ranked ZCTAs that have each weighted input of the category. */
  input_coverage: Record<string, number>;
  /** Census requests the scan's cache fills made (0 when the public cache held everything). */
  census_requests: number;
}

/** One ranked ZCTA on the scan's map: [zip_code, lat, lon, score, rank]. */
export type ScanMapPoint = [string, number, number, number, number];

export interface ScanMap {
  fields: ['zip_code', 'lat', 'lon', 'score', 'rank'];
  /** Every ranked ZCTA of the scope, best first. */
  points: ScanMapPoint[];
}

/** A finished scan's payload: a report over the scope's ZCTAs, plus what the scan covered and a map. */
export interface ScanPayload extends ReportPayload {
  scan: ScanSummary;
  map: ScanMap;
}
