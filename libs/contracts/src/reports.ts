// The intelligence report: the wire shape (snake_case) of `payload` on a finished report, shared by the
// scoring engine that builds it, the exports that render it and the console that shows it.
//
// Fields marked "since statistics v2" are written by every new report; reports stored before that
// lack them, so readers treat them as optional.

/** A figure with its 90% margin of error when one can be derived (null otherwise). */
export interface Estimate {
  value: number | null;
  moe: number | null;
}

/**
 * How far an estimate can be trusted. `reliable`: CV ≤ 30% (a calendar year: MOE ≤ 10 years);
 * `unreliable`: above that; `unknown`: no sampling error can be given (MOE annotation -222222222, or no
 * MOE in the inputs); `exact`: a controlled estimate (MOE 0); `censored`: a top- or bottom-coded
 * median (a bound, not a figure); `not_applicable`: the agency's own data and events (no sampling).
 */
export type Reliability = 'reliable' | 'unreliable' | 'unknown' | 'exact' | 'censored' | 'not_applicable';

/**
 * A ZIP's figure against the geography's, by Census's 90% test (with the overlap correction for a
 * part of the whole): `higher` / `lower` only when significant, `about_same` when not, `not_tested`
 * when either side has no margin of error or the ZIP's figure is censored.
 */
export type Comparison = 'higher' | 'lower' | 'about_same' | 'not_tested';

/** One input of a ZIP's score, so every number in a report traces back to its source. */
export interface ScoreComponent {
  /** Feature id, e.g. `owner_share`, `median_year_built`, `upcoming_events`. */
  feature: string;
  label: string;
  /** The ZIP's value of the feature (a share 0..1, a year, dollars, a count), as published. */
  value: number | null;
  moe: number | null;
  // Named so: a bare 'unit' key reads as an apartment unit to the PII guard.
  unit_of_measure: string;
  /**
   * The same feature across the whole geography, each ZCTA counted once: a pooled share, an average
   * per ZCTA for counts, and for medians a pooled median from the brackets or a mean of the ZCTA
   * medians weighted by the median's own universe (`geography_method` says which).
   */
  geography_value: number | null;
  /** Percentile rank of the ZIP within the geography, 0..1 (1 = highest); direction already applied. */
  percentile: number | null;
  /** Weight from the category profile, and after redistribution of features missing for this ZIP. */
  weight: number;
  effective_weight: number;
  /** effective_weight × percentile, normalised so a ZIP's contributions sum to its score / 100. */
  contribution: number;
  /** Coefficient of variation of the estimate (MOE / 1.645 / value), when it has an MOE. */
  cv: number | null;
  /** true only for `reliability` reliable, exact or not_applicable. */
  reliable: boolean;
  /** `geography`: where the ZIP is (distance from the centre); `business`: ZIP Code Business Patterns. */
  source: 'census' | 'property' | 'events' | 'geography' | 'business';
  /** Since statistics v2. */
  reliability?: Reliability;
  /** Since statistics v2: the value is an ACS top code (at least) or bottom code (at most). */
  censored?: 'top' | 'bottom' | null;
  /**
   * Since statistics v2: the value the percentile ranks. An advantage over the geography is shrunk
   * toward it by τ² / (τ² + SE²) (SE = MOE / 1.645); a disadvantage is kept, so noise never helps.
   */
  adjusted_value?: number | null;
  /** Since statistics v2: 90% MOE of `geography_value`, when derivable. */
  geography_moe?: number | null;
  /** Since statistics v2: how `geography_value` was made, in words. */
  geography_method?: string;
  /** Since statistics v2: the ZIP's share of the geography's universe for this feature (the overlap f). */
  overlap_share?: number | null;
  /** Since statistics v2: the significance test of value against geography_value. */
  comparison?: Comparison;
  /** Since statistics v2: |Δ| / SE of the difference; null when not testable. */
  z?: number | null;
  /** Since statistics v2: whether the value is better than the geography's in the category's direction. */
  better?: boolean | null;
  /** Since statistics v2: the value as a client reads it, with its unit and ± margin ("$250,000+"). */
  display?: string;
  /** Since statistics v2: the geography figure with its unit and ± margin. */
  geography_display?: string;
}

/** One sentence of `why` that names a strength of the ZIP, with the feature it is about. */
export interface TopZipReason {
  feature: string;
  comparison: Comparison;
  text: string;
}

export interface TopZip {
  rank: number;
  /** The ZCTA's own ZIP when the geography holds it, else the first ZIP of `zip_codes`. */
  zip_code: string;
  zcta: string | null;
  /** 0..100 */
  score: number;
  /** Households of the ZCTA, counted once however many ZIPs map to it. */
  households: number | null;
  components: ScoreComponent[];
  /** Two to four sentences: the rank with its tier, then the strengths with their numbers. */
  why: string[];
  /** Reliability warnings (unreliable or unknown estimates, small samples, missing inputs) and weaknesses. */
  warnings: string[];
  /** Since statistics v2: 90% margin of `households`. */
  households_moe?: number | null;
  /** Since statistics v2: every ZIP of the geography that maps to this ZCTA (PO-box ZIPs included). */
  zip_codes?: string[];
  /** Since statistics v2: 1-based; ZIPs of one tier are not significantly different from each other. */
  tier?: number;
  /** Since statistics v2: 90% margin of the score from the sampling error of its features. */
  score_moe?: number | null;
  /** Since statistics v2: the strengths cited in `why` (why[0] is the rank sentence). */
  reasons?: TopZipReason[];
}

/** A median across the top ZIPs: how it was computed and what it counts. */
export interface MedianEstimate extends Estimate {
  /** e.g. "pooled median of the B19001 brackets" or "mean of the ZCTA medians weighted by households". */
  method: string;
  /** What the median is over: households, owner-occupied homes, renter homes paying cash rent… */
  universe: string;
  censored: 'top' | 'bottom' | null;
  /** With unit and ± margin, e.g. "$118,200 ± $2,400". */
  display: string;
}

export interface MedianRange {
  min: number | null;
  max: number | null;
  /** Household-weighted mean of the ZIP medians (kept for existing readers; see `estimate`). */
  household_weighted: number | null;
  /** Since statistics v2: the figure to show, weighted by the median's own universe or pooled. */
  estimate?: MedianEstimate;
  /** Since statistics v2: min – max as a client reads them, codes included ("$164,482 – $250,000+"). */
  display_range?: string;
}

export interface BuyerProfile {
  zip_codes: string[];
  households: Estimate;
  owner_share: Estimate;
  median_household_income: MedianRange;
  median_home_value: MedianRange;
  median_year_built: MedianRange;
  addressable_households: Estimate & { basis: string };
  notes: string[];
  /** Since statistics v2: the distinct ZCTAs the profile sums (each once). */
  zctas?: string[];
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

/** One buying season of the category, with the campaign window that serves it. */
export interface TimingSeason {
  months: number[];
  peak_start: string;
  peak_end: string;
  /** Lead-time weeks before the peak, or the report date when that has passed. */
  start_date: string;
  end_date: string;
  /** The report date falls inside the peak: the campaign starts now. */
  in_progress: boolean;
}

export interface TimingWindow {
  /** ISO dates (YYYY-MM-DD): the window for the first season (in progress or next), events applied. */
  start_date: string;
  end_date: string;
  peak_months: number[];
  lead_time_weeks: number;
  why: string[];
  events: TimingEvent[];
  /** Since statistics v2: every season of the category once, the current or next one first. */
  seasons?: TimingSeason[];
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

/** A run of ranks whose scores are not significantly different from each other. */
export interface ScoreTier {
  tier: number;
  first_rank: number;
  last_rank: number;
  /** The top ZIPs (`zip_code` of each entry) in the tier. */
  zip_codes: string[];
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
  /** Since statistics v2: the one ACS vintage every Census figure of the report comes from. */
  vintage?: string | null;
  /** Since statistics v2: ZIPs of the geography with no figures in that vintage, and why. */
  missing_zips?: { zip_code: string; reason: string }[];
  /** Since statistics v2: how many ZCTAs were ranked (PO-box ZIPs share their ZCTA's rank). */
  ranked_zctas?: number;
  /** Since statistics v2: tiers of the top ZIPs, in rank order. */
  tiers?: ScoreTier[];
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

/** A scan without its payload (`GET /scans`); `state` is the scope (`PA`… or `US`). */
export interface ScanSummaryResponse {
  id: string;
  client_id: string;
  category: string;
  state: string;
  limit: number;
  status: string;
  error_message: string | null;
  requested_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** `GET /scans/:id`: a finished scan has its payload. */
export interface ScanResponse extends ScanSummaryResponse {
  payload: ScanPayload | null;
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
  /** `fallback`: the feature that stands in when the geography's Census data lack this one. */
  features: { feature: string; weight: number; direction: string; fallback: string | null }[];
  rationale: string;
  /** Tables, studies and rules of thumb the profile rests on. */
  sources: string[];
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
