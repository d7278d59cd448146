// The service-category registry: which ZIP features matter to each category and how much, when its
// buyers buy, how far ahead to market and which institutional channel types reach them. Rationale and
// sources: docs/CATEGORIES.md. Seasonality figures are trade-blog rules of thumb (DOMAIN.md).

import type { ChannelType } from '@lbi/contracts';

export type Direction = 'high' | 'low';

export interface FeatureWeight {
  /** A feature id from FEATURES (features.ts). */
  feature: string;
  weight: number;
  /** `high`: a higher value makes the ZIP a better market; `low`: a lower value does. */
  direction: Direction;
}

/** Base household count for the addressable-households estimate, optionally scaled by a share feature. */
export interface AddressableRule {
  base: 'owner_occupied' | 'renter_occupied' | 'households';
  /** A share feature (0..1) applied per ZIP, e.g. older_stock_share; skipped when absent. */
  multiplier?: 'older_stock_share' | 'single_family_share' | 'children_share';
  basis: string;
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
}

const w = (feature: string, weight: number, direction: Direction = 'high'): FeatureWeight => ({
  feature,
  weight,
  direction,
});

export const CATEGORIES: readonly CategoryProfile[] = [
  {
    id: 'roofing',
    label: 'Roofing',
    features: [
      w('owner_share', 0.3),
      w('older_stock_share', 0.2),
      w('median_year_built', 0.2, 'low'),
      w('single_family_share', 0.15),
      w('median_home_value', 0.1),
      w('property_median_year_built', 0.05, 'low'),
    ],
    peak_months: [4, 5, 6, 8, 9, 10],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'civic_association', relevance: 0.8 },
      { channel_type: 'home_show', relevance: 0.8 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'real_estate_office', relevance: 0.6 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'older_stock_share',
      basis: 'owner-occupied households × share of homes built before 1980',
    },
    rationale:
      'Owners, not renters, buy roofs; asphalt roofs last roughly 20-30 years, so older stock needs replacement; detached houses each have their own roof; higher home values mean owners protect the asset.',
    seasonality_note: 'Spring and late summer-fall, slow winter (trade blogs; rule of thumb).',
  },
  {
    id: 'hvac',
    label: 'HVAC',
    features: [
      w('owner_share', 0.3),
      w('median_year_built', 0.2, 'low'),
      w('older_stock_share', 0.1),
      w('fossil_heat_share', 0.1),
      w('single_family_share', 0.15),
      w('median_household_income', 0.15),
    ],
    peak_months: [1, 4, 5, 7, 9, 10],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'utility_program', relevance: 1 },
      { channel_type: 'hoa', relevance: 0.8 },
      { channel_type: 'home_show', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.6 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: { base: 'owner_occupied', basis: 'owner-occupied households' },
    rationale:
      'Owners replace systems; older homes have older equipment; oil/propane heat is a conversion (heat-pump) market; income pays for replacement.',
    seasonality_note:
      'Cooling searches peak July, heating January; maintenance sells in spring and fall (trade blogs).',
  },
  {
    id: 'solar',
    label: 'Solar',
    features: [
      w('owner_share', 0.3),
      w('single_family_share', 0.2),
      w('median_household_income', 0.25),
      w('median_home_value', 0.15),
      w('median_year_built', 0.1, 'high'),
    ],
    peak_months: [4, 5, 6, 7, 8, 9, 10, 12],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'utility_program', relevance: 1 },
      { channel_type: 'home_show', relevance: 0.8 },
      { channel_type: 'hoa', relevance: 0.7 },
      { channel_type: 'civic_association', relevance: 0.6 },
      { channel_type: 'farmers_market', relevance: 0.5 },
      { channel_type: 'library', relevance: 0.4 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family (1-unit detached) share',
    },
    rationale:
      'Solar needs an owner with a roof of their own and the income or credit to finance it; newer roofs need no replacement first.',
    seasonality_note:
      'Selling season from about mid-April, slow mid-November to early February, year-end incentive rush in December (vendors; rule of thumb).',
  },
  {
    id: 'lawn_landscaping',
    label: 'Lawn & landscaping',
    features: [
      w('single_family_share', 0.3),
      w('owner_share', 0.3),
      w('median_household_income', 0.25),
      w('median_home_value', 0.15),
    ],
    peak_months: [4, 5, 6, 7, 8],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'farmers_market', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'civic_association', relevance: 0.6 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family share (yards)',
    },
    rationale: 'Detached owner-occupied homes have yards; income buys the service instead of DIY.',
    seasonality_note: 'April-August (trade blogs).',
  },
  {
    id: 'pest_control',
    label: 'Pest control',
    features: [
      w('single_family_share', 0.25),
      w('owner_share', 0.25),
      w('median_year_built', 0.2, 'low'),
      w('households', 0.2),
      w('median_household_income', 0.1),
    ],
    peak_months: [3, 4, 5, 6, 7, 8, 10],
    lead_time_weeks: 3,
    channels: [
      { channel_type: 'hoa', relevance: 0.9 },
      { channel_type: 'civic_association', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'real_estate_office', relevance: 0.5 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: { base: 'households', basis: 'all households (renters call landlords, owners call us)' },
    rationale:
      'Detached and older homes have more entry points; owners contract directly; density of households matters for route economics.',
    seasonality_note:
      'Termite swarms March-May, mosquitoes in summer, rodents move indoors in fall (trade blogs).',
  },
  {
    id: 'pool_spa',
    label: 'Pool & spa',
    features: [
      w('median_household_income', 0.35),
      w('median_home_value', 0.25),
      w('single_family_share', 0.2),
      w('owner_share', 0.2),
    ],
    peak_months: [3, 4, 5, 6],
    lead_time_weeks: 8,
    channels: [
      { channel_type: 'home_show', relevance: 1 },
      { channel_type: 'hoa', relevance: 0.8 },
      { channel_type: 'parks_recreation', relevance: 0.5 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family share',
    },
    rationale:
      'A pool is a discretionary, high-ticket purchase on a detached lot: income and home value lead.',
    seasonality_note:
      'Installations are sold late winter-spring for summer use (trade blogs; rule of thumb).',
  },
  {
    id: 'remodeling',
    label: 'Remodeling',
    features: [
      w('owner_share', 0.25),
      w('median_home_value', 0.2),
      w('median_household_income', 0.2),
      w('median_year_built', 0.2, 'low'),
      w('older_stock_share', 0.15),
    ],
    peak_months: [3, 4, 5, 6, 9, 10],
    lead_time_weeks: 8,
    channels: [
      { channel_type: 'home_show', relevance: 1 },
      { channel_type: 'real_estate_office', relevance: 0.8 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'hoa', relevance: 0.6 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: { base: 'owner_occupied', basis: 'owner-occupied households' },
    rationale:
      'Owners of older, valuable homes remodel; recent buyers spend about a third more on improvements (Harvard JCHS).',
    seasonality_note: 'Spring and early fall project starts (trade blogs; rule of thumb).',
  },
  {
    id: 'plumbing',
    label: 'Plumbing',
    features: [
      w('median_year_built', 0.3, 'low'),
      w('older_stock_share', 0.15),
      w('households', 0.25),
      w('owner_share', 0.2),
      w('single_family_share', 0.1),
    ],
    peak_months: [11, 12, 1, 2],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'hoa', relevance: 0.8 },
      { channel_type: 'civic_association', relevance: 0.7 },
      { channel_type: 'senior_center', relevance: 0.5 },
      { channel_type: 'newsletter', relevance: 0.6 },
      { channel_type: 'hardware_store', relevance: 0.6 },
    ],
    addressable: { base: 'households', basis: 'all households (every home has plumbing)' },
    rationale: 'Old pipes fail; every household is a potential emergency call, owners book repiping.',
    seasonality_note: 'Late fall and winter: frozen and burst pipes, water heaters (trade blogs).',
  },
  {
    id: 'windows_doors',
    label: 'Windows & doors',
    features: [
      w('owner_share', 0.3),
      w('median_year_built', 0.25, 'low'),
      w('older_stock_share', 0.15),
      w('single_family_share', 0.15),
      w('median_home_value', 0.15),
    ],
    peak_months: [3, 4, 5, 9, 10],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'home_show', relevance: 1 },
      { channel_type: 'utility_program', relevance: 0.7 },
      { channel_type: 'hoa', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.6 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'older_stock_share',
      basis: 'owner-occupied households × share of homes built before 1980',
    },
    rationale: 'Single-pane and drafty windows are in older owner-occupied homes.',
    seasonality_note: 'Spring and fall, before heating/cooling seasons (trade blogs; rule of thumb).',
  },
  {
    id: 'exterior_painting',
    label: 'Exterior painting',
    features: [
      w('owner_share', 0.3),
      w('single_family_share', 0.25),
      w('median_year_built', 0.2, 'low'),
      w('median_home_value', 0.25),
    ],
    peak_months: [5, 6, 7, 8, 9],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'civic_association', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'real_estate_office', relevance: 0.6 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family share',
    },
    rationale: 'Owners of detached, older, valuable homes repaint; HOAs often mandate it.',
    seasonality_note: 'Late spring to early fall, when paint cures (trade blogs).',
  },
  {
    id: 'gutters',
    label: 'Gutters',
    features: [
      w('single_family_share', 0.3),
      w('owner_share', 0.3),
      w('median_year_built', 0.25, 'low'),
      w('median_home_value', 0.15),
    ],
    peak_months: [4, 5, 10, 11],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'civic_association', relevance: 0.6 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family share',
    },
    rationale: 'Detached owner-occupied homes with mature trees and old gutters.',
    seasonality_note: 'Spring and fall (leaf fall) (trade blogs).',
  },
  {
    id: 'moving',
    label: 'Moving',
    features: [
      w('renter_share', 0.4),
      w('population', 0.25),
      w('households', 0.15),
      w('median_gross_rent', 0.1),
      w('vacancy_share', 0.1),
    ],
    peak_months: [5, 6, 7, 8, 9],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'real_estate_office', relevance: 1 },
      { channel_type: 'local_media', relevance: 0.6 },
      { channel_type: 'community_event', relevance: 0.5 },
      { channel_type: 'chamber_of_commerce', relevance: 0.5 },
      { channel_type: 'library', relevance: 0.4 },
    ],
    addressable: { base: 'renter_occupied', basis: 'renter-occupied households (renters move most often)' },
    rationale:
      'Renters move far more often than owners; larger populations produce more moves; turnover (vacancy) signals churn.',
    seasonality_note:
      'May-September, June-July busiest (~12-14% of moves a month vs 5-7% in winter) (moving-industry blogs).',
  },
  {
    id: 'home_security',
    label: 'Home security',
    features: [
      w('owner_share', 0.25),
      w('median_home_value', 0.25),
      w('median_household_income', 0.2),
      w('children_share', 0.15),
      w('single_family_share', 0.15),
    ],
    peak_months: [6, 7, 8, 9, 11, 12],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'hoa', relevance: 0.9 },
      { channel_type: 'civic_association', relevance: 0.8 },
      { channel_type: 'real_estate_office', relevance: 0.7 },
      { channel_type: 'school_district', relevance: 0.5 },
    ],
    addressable: { base: 'owner_occupied', basis: 'owner-occupied households' },
    rationale: 'Owners of valuable homes and families with children buy monitored systems.',
    seasonality_note:
      'Summer moving season and the holiday season, when break-ins rise (industry blogs; rule of thumb).',
  },
  {
    id: 'senior_in_home_care',
    label: 'Senior in-home care',
    features: [
      w('median_age', 0.4),
      w('owner_share', 0.2),
      w('median_household_income', 0.2),
      w('children_share', 0.2, 'low'),
    ],
    peak_months: [1, 2, 11, 12],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'senior_center', relevance: 1 },
      { channel_type: 'faith_community', relevance: 0.8 },
      { channel_type: 'library', relevance: 0.6 },
      { channel_type: 'civic_association', relevance: 0.5 },
      { channel_type: 'local_media', relevance: 0.5 },
    ],
    addressable: {
      base: 'households',
      basis: 'all households (no age-of-householder table loaded; an upper bound)',
    },
    rationale:
      'Older populations age in place in homes they own; families decide around the holidays when they visit.',
    seasonality_note:
      'Holiday visits (November-January) trigger decisions (home-care industry blogs; rule of thumb).',
  },
  {
    id: 'window_cleaning',
    label: 'Window cleaning',
    features: [
      w('median_household_income', 0.35),
      w('single_family_share', 0.25),
      w('owner_share', 0.25),
      w('median_home_value', 0.15),
    ],
    peak_months: [4, 5, 9, 10],
    lead_time_weeks: 3,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'newsletter', relevance: 0.6 },
      { channel_type: 'civic_association', relevance: 0.6 },
    ],
    addressable: {
      base: 'owner_occupied',
      multiplier: 'single_family_share',
      basis: 'owner-occupied households × single-family share',
    },
    rationale: 'A discretionary service for detached, high-income owner homes.',
    seasonality_note: 'Spring and fall cleaning (trade blogs; rule of thumb).',
  },
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): CategoryProfile | undefined {
  return BY_ID.get(id);
}

export function requireCategory(id: string): CategoryProfile {
  const c = BY_ID.get(id);
  if (!c) throw new RangeError(`unknown category '${id}'; known: ${CATEGORIES.map((x) => x.id).join(', ')}`);
  return c;
}
