// Geographies, channels and signals: channel types and the wire shapes (snake_case) of CONTRACT.md.

/**
 * Institutional channel types: organisations and venues that reach many households at once, never a
 * person. The API, the channels CSV import and the scoring all use this list; values are lowercase
 * slugs. `other` is for an institution that fits none of the rest.
 */
export const CHANNEL_TYPES = [
  'hoa',
  'school_district',
  'chamber_of_commerce',
  'civic_association',
  'faith_community',
  'community_event',
  'local_media',
  'library',
  'senior_center',
  'real_estate_office',
  'hardware_store',
  'home_show',
  'farmers_market',
  'newsletter',
  'parks_recreation',
  'utility_program',
  'business_association',
  'other',
] as const;

export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Channel types as people write them, for reports and screens ("HOA", not "Hoa"). */
export const CHANNEL_TYPE_LABELS: Readonly<Record<ChannelType, string>> = {
  hoa: 'HOA',
  school_district: 'School district',
  chamber_of_commerce: 'Chamber of commerce',
  civic_association: 'Civic association',
  faith_community: 'Faith community',
  community_event: 'Community event',
  local_media: 'Local media',
  library: 'Library',
  senior_center: 'Senior center',
  real_estate_office: 'Real estate office',
  hardware_store: 'Hardware store',
  home_show: 'Home show',
  farmers_market: "Farmers' market",
  newsletter: 'Newsletter',
  parks_recreation: 'Parks and recreation',
  utility_program: 'Utility program',
  business_association: 'Business association',
  other: 'Other institution',
};

/** The label of a channel type; an unknown type is shown with its underscores as spaces. */
export function channelTypeLabel(type: string): string {
  return isChannelType(type) ? CHANNEL_TYPE_LABELS[type] : type.replace(/_/g, ' ');
}

export function isChannelType(value: unknown): value is ChannelType {
  return typeof value === 'string' && (CHANNEL_TYPES as readonly string[]).includes(value);
}

/** At most this many ZIP codes in one geography. */
export const MAX_GEOGRAPHY_ZIPS = 5000;

/** How one ZIP of a geography maps onto a Census ZCTA. */
export interface ZctaResolutionResponse {
  zip: string;
  /** null: the ACS publishes nothing for this ZIP (territory ZIP without a ZCTA). */
  zcta: string | null;
  /** `zip_matches_zcta`, `spatial_join` (PO-box / unique ZIP inside a ZCTA) or `no_zcta`. */
  join_type: string;
  po_name: string | null;
  state: string | null;
  zip_type: string | null;
  note: string;
  /** The ZCTA's internal point (Census Gazetteer), degrees; null without a ZCTA. */
  lat: number | null;
  lon: number | null;
  /** The ZCTA's land area in square miles (Census Gazetteer); null without a ZCTA. */
  land_sq_mi: number | null;
  /** Ring geographies only: miles from the ring's centre to the ZCTA's internal point. */
  distance_miles?: number | null;
}

/** Ring radius bounds, in miles (great-circle distance between ZCTA internal points). */
export const MIN_RING_RADIUS_MILES = 1;
export const MAX_RING_RADIUS_MILES = 100;

/**
 * How a geography's ZIPs were chosen, kept so it can be widened or traced later: a ring around a ZIP,
 * a set of counties (5-digit FIPS), or the top ZIPs of a scan. Null for a hand-made ZIP list.
 */
export type TradeArea =
  | {
      kind: 'ring';
      zip_code: string;
      /** The centre ZIP's ZCTA, whose internal point is the centre. */
      zcta: string;
      radius_miles: number;
      lat: number;
      lon: number;
    }
  | { kind: 'counties'; counties: string[] }
  | { kind: 'scan'; scan_id: string; top: number };

export interface TradeAreaPreviewZcta {
  zcta: string;
  /** The ZIP the geography would hold for this ZCTA (the ZCTA's own ZIP); null when it has none. */
  zip_code: string | null;
  lat: number;
  lon: number;
  land_sq_mi: number;
  /** Rings: miles from the centre. */
  distance_miles?: number;
  /** County sets: the county holding most of the ZCTA's land, and the share of its land inside the set. */
  main_county?: string;
  land_share?: number;
}

/** GET /trade-areas/preview: what a ring or county set would hold; nothing is saved. */
export interface TradeAreaPreviewResponse {
  trade_area: TradeArea;
  zip_codes: string[];
  zctas: TradeAreaPreviewZcta[];
  /** ZCTAs in the area that no ZIP of the crosswalk maps to (they cannot be part of a geography). */
  skipped: { zcta: string; reason: string }[];
}

export interface GeographyResponse {
  id: string;
  client_id: string;
  name: string;
  zip_codes: string[];
  zcta_resolution: ZctaResolutionResponse[];
  /** How the ZIPs were chosen (ring, counties, scan); null for a hand-made ZIP list. */
  trade_area: TradeArea | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelResponse {
  id: string;
  client_id: string;
  geography_id: string;
  channel_type: string;
  name: string;
  city: string;
  state: string;
  zip_code: string | null;
  estimated_reach: number | null;
  website: string | null;
  notes: string | null;
  source_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignalResponse {
  id: string;
  geography_id: string;
  zip_code: string | null;
  zcta: string | null;
  signal_type: string;
  source_type: string;
  metric: string;
  value: number | null;
  margin_of_error: number | null;
  vintage: string | null;
  dataset: string | null;
  event_name: string | null;
  start_date: string | null;
  end_date: string | null;
  metadata: Record<string, unknown>;
  source_url: string | null;
  updated_at: string;
}

export interface SignalPage {
  items: SignalResponse[];
  total: number;
  limit: number;
  offset: number;
}

export const MAX_SIGNALS_PAGE = 1000;
export const DEFAULT_SIGNALS_PAGE = 500;

/** `POST /zip-codes/check`: a ZIP list checked as a geography save would check it; nothing is saved. */
export interface ZipCheckRequest {
  zip_codes: string[];
}

/** One entry of the list, in the order sent. */
export interface ZipCheckEntry {
  /** The 5-digit ZIP the entry reads as (ZIP+4 is cut to its ZIP); null when it is not a ZIP at all. */
  zip: string | null;
  /** Whether a geography would accept the entry. */
  valid: boolean;
  /** Why it would be refused, in the words of a geography save; null when valid. */
  reason: string | null;
  /** Index of an earlier entry with the same ZIP (a geography keeps it once); null otherwise. */
  duplicate_of: number | null;
  resolution: ZctaResolutionResponse | null;
}

export interface ZipCheckResponse {
  entries: ZipCheckEntry[];
}
