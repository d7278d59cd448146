// The shape of a service-category profile and the helpers the profiles (categories-*.ts) are written
// with. The registry itself is categories.ts.

import type { ChannelType } from '@lbi/contracts';

export type Direction = 'high' | 'low';

export interface FeatureWeight {
  /** A feature id from FEATURES (features.ts). */
  feature: string;
  weight: number;
  /** `high`: a higher value makes the ZIP a better market; `low`: a lower value does. */
  direction: Direction;
  /**
   * Stands in when no ZIP of the geography has `feature` (its table is not loaded): the cruder
   * approximation, named as such in the report's caveats.
   */
  fallback?: { feature: string; direction: Direction };
}

/**
 * Addressable households: a published count per ZCTA (one cell of a cross-tabulation, or the sum of
 * several, with their MOEs), never a product of shares of different universes.
 */
export interface AddressableRule {
  metrics: readonly string[];
  basis: string;
  /** Used when a ZCTA lacks the cross-tabulation: a wider count, said to be an upper bound. */
  fallback?: { metrics: readonly string[]; basis: string };
}

export interface CategoryProfile {
  id: string;
  label: string;
  features: readonly FeatureWeight[];
  /** Months 1..12 in which buyers buy. */
  peak_months: readonly number[];
  /** How many weeks before the peak a campaign should start. */
  lead_time_weeks: number;
  channels: readonly { channel_type: ChannelType; relevance: number }[];
  addressable: AddressableRule;
  rationale: string;
  seasonality_note: string;
  /** Where the rationale and the seasonality come from (tables, studies, rules of thumb). */
  sources: readonly string[];
}

export const w = (
  feature: string,
  weight: number,
  direction: Direction = 'high',
  fallback?: { feature: string; direction?: Direction },
): FeatureWeight =>
  fallback
    ? {
        feature,
        weight,
        direction,
        fallback: { feature: fallback.feature, direction: fallback.direction ?? direction },
      }
    : { feature, weight, direction };

/** Owners of a detached house (B25032); without it, the owner share. */
export const OWNER_DETACHED = { feature: 'owner_share' } as const;

export const OWNER_HOUSEHOLDS = ['owner_occupied'] as const;
const UPPER_BOUND = ' (an upper bound: the cross-tabulation is not in the inputs)';

/** Owner-occupied 1-unit detached homes (B25032), else owner households as an upper bound. */
export const OWNER_DETACHED_HOMES: AddressableRule = {
  metrics: ['owner_1_detached'],
  basis: 'owner-occupied 1-unit detached homes (ACS B25032)',
  fallback: { metrics: OWNER_HOUSEHOLDS, basis: `owner-occupied households${UPPER_BOUND}` },
};

export const upperBound = (basis: string): string => `${basis}${UPPER_BOUND}`;
