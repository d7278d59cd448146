// Categories of the building shell and the lot: roofing, solar, windows and doors, exterior painting,
// gutters, lawn and landscaping, pool and spa, window cleaning. Each profile carries one age feature at
// most (collinear age features do not share the weight) and names its sources.

import { type CategoryProfile, OWNER_DETACHED, OWNER_DETACHED_HOMES, upperBound, w } from './category-types';
import { OWNER_BUILT_BEFORE_1980 } from './features';

const SEASONALITY_SOURCE = 'Seasonality: trade blogs, rules of thumb summarised in DOMAIN.md ("Seasonality")';

export const EXTERIOR_CATEGORIES: readonly CategoryProfile[] = [
  {
    id: 'roofing',
    label: 'Roofing',
    features: [
      w('owner_detached_share', 0.35, 'high', OWNER_DETACHED),
      w('replacement_age_share', 0.25, 'high', { feature: 'median_year_built', direction: 'low' }),
      w('median_home_value', 0.15),
      w('median_household_income', 0.1),
      w('owner_recent_mover_share', 0.1),
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
      metrics: [
        'owner_built_2000_2009',
        'owner_built_1990_1999',
        'owner_built_1980_1989',
        ...OWNER_BUILT_BEFORE_1980,
      ],
      basis: 'owner-occupied homes built before 2010 (ACS B25036)',
      fallback: { metrics: ['owner_occupied'], basis: upperBound('owner-occupied households') },
    },
    rationale:
      'Owners of a detached house buy their own roof; condominium roofs are bought by associations. An asphalt roof lasts roughly 20-30 years, so the replacement wave is the owner stock 17 or more years old (built before 2010), counted once, not by two collinear age features. Home value and income pay for a five-figure job, and recent buyers spend about a third more on improvements.',
    seasonality_note: 'Spring and late summer-fall, slow winter (trade blogs; rule of thumb).',
    sources: [
      'ACS B25032 (owner-occupied 1-unit detached; without it the owner share B25003), B25036 (owner homes by year built; without it the median year built B25035), B25077, B19013, B25038 (year householder moved in)',
      'Roof life of roughly 20-30 years: trade rule of thumb (DOMAIN.md)',
      'Recent buyers spend about a third more on improvements: Harvard Joint Center for Housing Studies (DOMAIN.md)',
      SEASONALITY_SOURCE,
    ],
  },
  {
    id: 'solar',
    label: 'Solar',
    features: [
      w('owner_detached_share', 0.4, 'high', OWNER_DETACHED),
      w('median_household_income', 0.2),
      w('median_home_value', 0.15),
      w('owner_electric_heat_share', 0.15),
      w('median_year_built', 0.1, 'high'),
    ],
    peak_months: [4, 5, 6, 7, 8, 9, 10],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'utility_program', relevance: 1 },
      { channel_type: 'home_show', relevance: 0.8 },
      { channel_type: 'hoa', relevance: 0.7 },
      { channel_type: 'civic_association', relevance: 0.6 },
      { channel_type: 'farmers_market', relevance: 0.5 },
      { channel_type: 'library', relevance: 0.4 },
    ],
    addressable: OWNER_DETACHED_HOMES,
    rationale:
      'Solar needs an owner with a roof of their own, whether the system is bought, leased or sold as a power-purchase agreement. With the federal residential credit gone after 2025, leases and PPAs carry more of the market, so upfront cash matters less than before (income keeps a lower weight) while the size of the electricity bill matters more: homes heated by electricity have the largest bills to offset. Newer roofs need no replacement before panels go on.',
    seasonality_note:
      'Selling season from about mid-April, slow mid-November to early February (vendors; rule of thumb). No year-end rush: the federal credit ended for expenditures after 31 December 2025.',
    sources: [
      'Public Law 119-21 ("One Big Beautiful Bill Act"): the §25D residential clean energy credit ends for expenditures after 31 Dec 2025; IRS FS-2025-05',
      'Leases and power-purchase agreements carry more of the residential market (DOMAIN.md)',
      'ACS B25032 (owner-occupied 1-unit detached; without it the owner share B25003), B25117 (owner homes heated by electricity), B19013, B25077, B25035',
      'Utility electricity rates are not in the Census inputs and are not modelled',
      SEASONALITY_SOURCE,
    ],
  },
  {
    id: 'lawn_landscaping',
    label: 'Lawn & landscaping',
    features: [
      w('owner_detached_share', 0.5, 'high', OWNER_DETACHED),
      w('median_household_income', 0.3),
      w('median_home_value', 0.2),
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
    addressable: OWNER_DETACHED_HOMES,
    rationale:
      'Owners of detached houses have yards of their own (one cross-tabulated feature instead of owner share and detached share of different universes); income buys the service instead of doing it oneself.',
    seasonality_note: 'April-August (trade blogs).',
    sources: ['ACS B25032 (without it the owner share B25003), B19013, B25077', SEASONALITY_SOURCE],
  },
  {
    id: 'pool_spa',
    label: 'Pool & spa',
    features: [
      w('median_household_income', 0.35),
      w('median_home_value', 0.25),
      w('owner_detached_share', 0.4, 'high', OWNER_DETACHED),
    ],
    peak_months: [3, 4, 5, 6],
    lead_time_weeks: 8,
    channels: [
      { channel_type: 'home_show', relevance: 1 },
      { channel_type: 'hoa', relevance: 0.8 },
      { channel_type: 'parks_recreation', relevance: 0.5 },
      { channel_type: 'newsletter', relevance: 0.5 },
    ],
    addressable: OWNER_DETACHED_HOMES,
    rationale:
      'A pool is a discretionary, high-ticket purchase on a detached lot an owner controls: income and home value lead.',
    seasonality_note:
      'Installations are sold late winter-spring for summer use (trade blogs; rule of thumb).',
    sources: ['ACS B19013, B25077, B25032 (without it the owner share B25003)', SEASONALITY_SOURCE],
  },
  {
    id: 'windows_doors',
    label: 'Windows & doors',
    features: [
      w('owner_share', 0.3),
      w('older_stock_share', 0.35, 'high', { feature: 'median_year_built', direction: 'low' }),
      w('single_family_share', 0.15),
      w('median_home_value', 0.2),
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
      metrics: OWNER_BUILT_BEFORE_1980,
      basis: 'owner-occupied homes built before 1980 (ACS B25036)',
      fallback: { metrics: ['owner_occupied'], basis: upperBound('owner-occupied households') },
    },
    rationale:
      'Single-pane and drafty windows are in older owner-occupied homes (one age feature: the share built before 1980, or the median year built without B25034). The federal §25C credit for windows ended for property placed in service after 2025, so the case rests on comfort and energy bills.',
    seasonality_note: 'Spring and fall, before heating/cooling seasons (trade blogs; rule of thumb).',
    sources: [
      'ACS B25003, B25034 (without it B25035), B25024, B25077; addressable: B25036',
      'Public Law 119-21: §25C ends for property placed in service after 31 Dec 2025 (IRS FS-2025-05)',
      SEASONALITY_SOURCE,
    ],
  },
  {
    id: 'exterior_painting',
    label: 'Exterior painting',
    features: [
      w('owner_detached_share', 0.5, 'high', OWNER_DETACHED),
      w('median_year_built', 0.2, 'low'),
      w('median_home_value', 0.3),
    ],
    peak_months: [5, 6, 7, 8, 9],
    lead_time_weeks: 6,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'civic_association', relevance: 0.7 },
      { channel_type: 'hardware_store', relevance: 0.7 },
      { channel_type: 'real_estate_office', relevance: 0.6 },
    ],
    addressable: OWNER_DETACHED_HOMES,
    rationale: 'Owners of detached, older, valuable homes repaint; HOAs often mandate it.',
    seasonality_note: 'Late spring to early fall, when paint cures (trade blogs).',
    sources: ['ACS B25032 (without it the owner share B25003), B25035, B25077', SEASONALITY_SOURCE],
  },
  {
    id: 'gutters',
    label: 'Gutters',
    features: [
      w('owner_detached_share', 0.6, 'high', OWNER_DETACHED),
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
    addressable: OWNER_DETACHED_HOMES,
    rationale: 'Owners of detached houses with mature trees and old gutters.',
    seasonality_note: 'Spring and fall (leaf fall) (trade blogs).',
    sources: ['ACS B25032 (without it the owner share B25003), B25035, B25077', SEASONALITY_SOURCE],
  },
  {
    id: 'window_cleaning',
    label: 'Window cleaning',
    features: [
      w('median_household_income', 0.35),
      w('owner_detached_share', 0.5, 'high', OWNER_DETACHED),
      w('median_home_value', 0.15),
    ],
    peak_months: [4, 5, 9, 10],
    lead_time_weeks: 3,
    channels: [
      { channel_type: 'hoa', relevance: 1 },
      { channel_type: 'newsletter', relevance: 0.6 },
      { channel_type: 'civic_association', relevance: 0.6 },
    ],
    addressable: OWNER_DETACHED_HOMES,
    rationale: 'A discretionary service for detached, high-income owner homes.',
    seasonality_note: 'Spring and fall cleaning (trade blogs; rule of thumb).',
    sources: ['ACS B19013, B25032 (without it the owner share B25003), B25077', SEASONALITY_SOURCE],
  },
];
