// Categories of the systems inside the house and its upkeep: HVAC, plumbing, remodeling, pest control.

import { type CategoryProfile, w } from './category-types';

const SEASONALITY_SOURCE = 'Seasonality: trade blogs, rules of thumb summarised in DOMAIN.md ("Seasonality")';

export const SYSTEMS_CATEGORIES: readonly CategoryProfile[] = [
  {
    id: 'hvac',
    label: 'HVAC',
    features: [
      w('owner_share', 0.3),
      w('median_year_built', 0.25, 'low'),
      w('owner_fossil_heat_share', 0.15, 'high', { feature: 'fossil_heat_share' }),
      w('single_family_share', 0.1),
      w('median_household_income', 0.2),
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
    addressable: { metrics: ['owner_occupied'], basis: 'owner-occupied households (ACS B25003)' },
    rationale:
      'Owners replace systems; older homes have older equipment (one age feature); owners heating with oil or propane are the heat-pump conversion market (B25117, the owners themselves, not a share of all homes). The federal §25C heat-pump credit ended for equipment placed in service after 2025, so conversions now rest on fuel costs and utility programs; income pays for replacement.',
    seasonality_note:
      'Cooling searches peak July, heating January; maintenance sells in spring and fall (trade blogs).',
    sources: [
      'ACS B25003, B25035, B25117 (owner homes by heating fuel; without it B25040 for all homes), B25024, B19013',
      'Public Law 119-21: §25C ends for property placed in service after 31 Dec 2025 (IRS FS-2025-05)',
      SEASONALITY_SOURCE,
    ],
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
    addressable: {
      metrics: ['households'],
      basis: 'all households (renters call landlords, owners call us)',
    },
    rationale:
      'Detached and older homes have more entry points; owners contract directly; the number of households matters for route economics.',
    seasonality_note:
      'Termite swarms March-May, mosquitoes in summer, rodents move indoors in fall (trade blogs).',
    sources: ['ACS B25024, B25003, B25035, B11001, B19013', SEASONALITY_SOURCE],
  },
  {
    id: 'remodeling',
    label: 'Remodeling',
    features: [
      w('owner_share', 0.25),
      w('median_home_value', 0.2),
      w('median_household_income', 0.2),
      w('median_year_built', 0.25, 'low'),
      w('owner_recent_mover_share', 0.1),
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
    addressable: { metrics: ['owner_occupied'], basis: 'owner-occupied households (ACS B25003)' },
    rationale:
      'Owners of older, valuable homes remodel (one age feature); recent buyers spend about a third more on improvements, so owners who moved in recently count (B25038).',
    seasonality_note: 'Spring and early fall project starts (trade blogs; rule of thumb).',
    sources: [
      'ACS B25003, B25077, B19013, B25035, B25038',
      'Recent buyers spend about a third more on improvements: Harvard Joint Center for Housing Studies (DOMAIN.md)',
      SEASONALITY_SOURCE,
    ],
  },
  {
    id: 'plumbing',
    label: 'Plumbing',
    features: [
      w('median_year_built', 0.35, 'low'),
      w('households', 0.25),
      w('owner_share', 0.25),
      w('single_family_share', 0.15),
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
    addressable: { metrics: ['households'], basis: 'all households (every home has plumbing)' },
    rationale:
      'Old pipes fail (one age feature, the median year built); every household is a potential emergency call, owners book repiping.',
    seasonality_note: 'Late fall and winter: frozen and burst pipes, water heaters (trade blogs).',
    sources: ['ACS B25035, B11001, B25003, B25024', SEASONALITY_SOURCE],
  },
];
