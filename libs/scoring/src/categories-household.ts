// Categories driven by who lives in the home and when they move: moving, home security, senior
// in-home care.

import { type CategoryProfile, upperBound, w } from './category-types';
import { SENIOR_HOUSEHOLDER_METRICS } from './features';

const SEASONALITY_SOURCE = 'Seasonality: trade blogs, rules of thumb summarised in DOMAIN.md ("Seasonality")';

export const HOUSEHOLD_CATEGORIES: readonly CategoryProfile[] = [
  {
    id: 'moving',
    label: 'Moving',
    features: [
      w('renter_share', 0.3),
      w('recent_mover_share', 0.25),
      w('households', 0.2),
      w('median_gross_rent', 0.15),
      w('market_vacancy_share', 0.1),
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
    addressable: {
      metrics: ['renter_occupied'],
      basis: 'renter-occupied households (renters move most often; ACS B25003)',
    },
    rationale:
      'Renters move far more often than owners; the share of households that moved in recently (B25038) measures turnover directly; the number of households is the volume (population is dropped: it correlates with households at 0.99 on the Philadelphia suburbs and would count volume twice); homes vacant for rent or for sale (B25004) are moves about to happen, unlike seasonal or other vacancy.',
    seasonality_note:
      'May-September, June-July busiest (~12-14% of moves a month vs 5-7% in winter) (moving-industry blogs).',
    sources: [
      'ACS B25003, B25038 (tenure by year householder moved into unit), B11001 (households), B25064, B25004 (vacancy status)',
      'Population-household correlation 0.99: the 188 ZCTAs of data/census/acs5_2023_zcta_philadelphia_suburbs.csv (B01003, B25003)',
      SEASONALITY_SOURCE,
    ],
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
    peak_months: [6, 7, 8],
    lead_time_weeks: 4,
    channels: [
      { channel_type: 'hoa', relevance: 0.9 },
      { channel_type: 'civic_association', relevance: 0.8 },
      { channel_type: 'real_estate_office', relevance: 0.7 },
      { channel_type: 'school_district', relevance: 0.5 },
    ],
    addressable: { metrics: ['owner_occupied'], basis: 'owner-occupied households (ACS B25003)' },
    rationale:
      'Owners of valuable homes and families with children buy monitored systems; household burglary peaks in summer, which is also the moving season.',
    seasonality_note: 'Summer: household burglary is highest in the summer months (BJS, NCJ 245959).',
    sources: [
      'ACS B25003, B25077, B19013, B11005, B25024',
      'Household burglary is highest in summer: Bureau of Justice Statistics, "Seasonal Patterns in Criminal Victimization Trends", NCJ 245959',
    ],
  },
  {
    id: 'senior_in_home_care',
    label: 'Senior in-home care',
    features: [
      w('senior_householder_share', 0.4, 'high', { feature: 'median_age' }),
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
      metrics: SENIOR_HOUSEHOLDER_METRICS,
      basis: 'households whose householder is 65 or older, owners and renters (ACS B25007)',
      fallback: { metrics: ['households'], basis: upperBound('all households') },
    },
    rationale:
      'Older householders age in place (B25007, householders 65 or older; without it the median age); owners and income pay for care; fewer children at home; families decide around the holidays when they visit.',
    seasonality_note:
      'Holiday visits (November-January) trigger decisions (home-care industry blogs; rule of thumb).',
    sources: ['ACS B25007 (without it B01002), B25003, B19013, B11005', SEASONALITY_SOURCE],
  },
];
