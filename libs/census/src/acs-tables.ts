// The catalogue's original tables: population, households, tenure, units in structure, the published
// medians, and the year-built, heating-fuel and household-income distributions.

import { type AcsVariable, acs } from './acs-variable';

export const CORE: readonly AcsVariable[] = [
  acs('population', 'B01003_001', 'Total population', 'persons', 'count'),
  acs('median_age', 'B01002_001', 'Median age', 'years', 'median'),
  acs('households', 'B11001_001', 'Households', 'count', 'count'),
  acs('avg_household_size', 'B25010_001', 'Average household size', 'persons', 'average'),
  acs(
    'households_children_universe',
    'B11005_001',
    'Households (universe of the own-children table B11005)',
    'count',
    'count',
  ),
  acs(
    'households_with_children',
    'B11005_002',
    'Households with one or more people under 18 years',
    'count',
    'count',
    'households_children_universe',
  ),
  acs(
    'median_household_income',
    'B19013_001',
    'Median household income (inflation-adjusted dollars)',
    'dollars',
    'median',
  ),
  acs('housing_units', 'B25001_001', 'Housing units', 'count', 'count'),
  acs('vacant_units', 'B25002_003', 'Vacant housing units', 'count', 'count', 'housing_units'),
  acs('occupied_units', 'B25003_001', 'Occupied housing units', 'count', 'count'),
  acs('owner_occupied', 'B25003_002', 'Owner-occupied housing units', 'count', 'count', 'occupied_units'),
  acs('renter_occupied', 'B25003_003', 'Renter-occupied housing units', 'count', 'count', 'occupied_units'),
  acs(
    'units_in_structure_total',
    'B25024_001',
    'Housing units (universe of units in structure)',
    'count',
    'count',
  ),
  acs(
    'units_1_detached',
    'B25024_002',
    '1-unit, detached housing units',
    'count',
    'count',
    'units_in_structure_total',
  ),
  acs('median_year_built', 'B25035_001', 'Median year structure built', 'year', 'median'),
  acs('median_gross_rent', 'B25064_001', 'Median gross rent (dollars per month)', 'dollars', 'median'),
  acs('median_home_value', 'B25077_001', 'Median value of owner-occupied housing units', 'dollars', 'median'),
];

// Labels follow the 2023 vintage: B25034_002 became "2020 or later" when the 2020s decade started,
// so older vintages label the same ids differently (DOMAIN.md).
export const YEAR_BUILT: readonly AcsVariable[] = [
  acs('year_built_total', 'B25034_001', 'Housing units (universe of year structure built)', 'count', 'count'),
  ...(
    [
      ['year_built_2020_or_later', '002', 'Built 2020 or later'],
      ['year_built_2010_2019', '003', 'Built 2010 to 2019'],
      ['year_built_2000_2009', '004', 'Built 2000 to 2009'],
      ['year_built_1990_1999', '005', 'Built 1990 to 1999'],
      ['year_built_1980_1989', '006', 'Built 1980 to 1989'],
      ['year_built_1970_1979', '007', 'Built 1970 to 1979'],
      ['year_built_1960_1969', '008', 'Built 1960 to 1969'],
      ['year_built_1950_1959', '009', 'Built 1950 to 1959'],
      ['year_built_1940_1949', '010', 'Built 1940 to 1949'],
      ['year_built_1939_or_earlier', '011', 'Built 1939 or earlier'],
    ] as const
  ).map(([metric, line, label]) =>
    acs(metric, `B25034_${line}`, label, 'count', 'count', 'year_built_total'),
  ),
];

export const HEATING_FUEL: readonly AcsVariable[] = [
  acs(
    'heating_fuel_total',
    'B25040_001',
    'Occupied housing units (universe of house heating fuel)',
    'count',
    'count',
  ),
  ...(
    [
      ['heating_fuel_utility_gas', '002', 'Heated by utility gas'],
      ['heating_fuel_bottled_tank_lp_gas', '003', 'Heated by bottled, tank or LP gas'],
      ['heating_fuel_electricity', '004', 'Heated by electricity'],
      ['heating_fuel_oil_kerosene', '005', 'Heated by fuel oil, kerosene, etc.'],
      ['heating_fuel_coal', '006', 'Heated by coal or coke'],
      ['heating_fuel_wood', '007', 'Heated by wood'],
      ['heating_fuel_solar', '008', 'Heated by solar energy'],
      ['heating_fuel_other', '009', 'Heated by other fuel'],
      ['heating_fuel_none', '010', 'No fuel used'],
    ] as const
  ).map(([metric, line, label]) =>
    acs(metric, `B25040_${line}`, label, 'count', 'count', 'heating_fuel_total'),
  ),
];

export const INCOME_BRACKETS: readonly AcsVariable[] = [
  acs('income_total', 'B19001_001', 'Households (universe of household income brackets)', 'count', 'count'),
  ...(
    [
      ['income_under_10k', '002', 'Household income less than $10,000'],
      ['income_10k_15k', '003', 'Household income $10,000 to $14,999'],
      ['income_15k_20k', '004', 'Household income $15,000 to $19,999'],
      ['income_20k_25k', '005', 'Household income $20,000 to $24,999'],
      ['income_25k_30k', '006', 'Household income $25,000 to $29,999'],
      ['income_30k_35k', '007', 'Household income $30,000 to $34,999'],
      ['income_35k_40k', '008', 'Household income $35,000 to $39,999'],
      ['income_40k_45k', '009', 'Household income $40,000 to $44,999'],
      ['income_45k_50k', '010', 'Household income $45,000 to $49,999'],
      ['income_50k_60k', '011', 'Household income $50,000 to $59,999'],
      ['income_60k_75k', '012', 'Household income $60,000 to $74,999'],
      ['income_75k_100k', '013', 'Household income $75,000 to $99,999'],
      ['income_100k_125k', '014', 'Household income $100,000 to $124,999'],
      ['income_125k_150k', '015', 'Household income $125,000 to $149,999'],
      ['income_150k_200k', '016', 'Household income $150,000 to $199,999'],
      ['income_200k_plus', '017', 'Household income $200,000 or more'],
    ] as const
  ).map(([metric, line, label]) => acs(metric, `B19001_${line}`, label, 'count', 'count', 'income_total')),
];
