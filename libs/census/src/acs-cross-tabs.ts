// Tables added for honest comparisons (DOMAIN.md, "Comparing estimates honestly"): the home-value and
// gross-rent distributions (pooled medians need the brackets), and the tenure cross-tabulations that
// replace products of shares of different universes. Only the lines the product reads are fetched.
// Labels follow the 2023 vintage; B25036's and B25038's first periods move with each release.

import { type AcsVariable, acs, lines } from './acs-variable';

const HOME_VALUE: readonly AcsVariable[] = [
  acs('home_value_total', 'B25075_001', 'Owner-occupied housing units (universe of value)', 'count', 'count'),
  ...lines('B25075', 'home_value_total', [
    ['home_value_under_10k', '002', 'Value less than $10,000'],
    ['home_value_10k_15k', '003', 'Value $10,000 to $14,999'],
    ['home_value_15k_20k', '004', 'Value $15,000 to $19,999'],
    ['home_value_20k_25k', '005', 'Value $20,000 to $24,999'],
    ['home_value_25k_30k', '006', 'Value $25,000 to $29,999'],
    ['home_value_30k_35k', '007', 'Value $30,000 to $34,999'],
    ['home_value_35k_40k', '008', 'Value $35,000 to $39,999'],
    ['home_value_40k_50k', '009', 'Value $40,000 to $49,999'],
    ['home_value_50k_60k', '010', 'Value $50,000 to $59,999'],
    ['home_value_60k_70k', '011', 'Value $60,000 to $69,999'],
    ['home_value_70k_80k', '012', 'Value $70,000 to $79,999'],
    ['home_value_80k_90k', '013', 'Value $80,000 to $89,999'],
    ['home_value_90k_100k', '014', 'Value $90,000 to $99,999'],
    ['home_value_100k_125k', '015', 'Value $100,000 to $124,999'],
    ['home_value_125k_150k', '016', 'Value $125,000 to $149,999'],
    ['home_value_150k_175k', '017', 'Value $150,000 to $174,999'],
    ['home_value_175k_200k', '018', 'Value $175,000 to $199,999'],
    ['home_value_200k_250k', '019', 'Value $200,000 to $249,999'],
    ['home_value_250k_300k', '020', 'Value $250,000 to $299,999'],
    ['home_value_300k_400k', '021', 'Value $300,000 to $399,999'],
    ['home_value_400k_500k', '022', 'Value $400,000 to $499,999'],
    ['home_value_500k_750k', '023', 'Value $500,000 to $749,999'],
    ['home_value_750k_1m', '024', 'Value $750,000 to $999,999'],
    ['home_value_1m_1_5m', '025', 'Value $1,000,000 to $1,499,999'],
    ['home_value_1_5m_2m', '026', 'Value $1,500,000 to $1,999,999'],
    ['home_value_2m_plus', '027', 'Value $2,000,000 or more'],
  ]),
];

// B25063_002 (renters paying cash rent) is the universe of the median gross rent B25064.
const GROSS_RENT: readonly AcsVariable[] = [
  acs(
    'rent_cash_rent_units',
    'B25063_002',
    'Renter-occupied units paying cash rent (universe of median gross rent)',
    'count',
    'count',
  ),
  ...lines('B25063', 'rent_cash_rent_units', [
    ['rent_under_100', '003', 'Gross rent less than $100'],
    ['rent_100_150', '004', 'Gross rent $100 to $149'],
    ['rent_150_200', '005', 'Gross rent $150 to $199'],
    ['rent_200_250', '006', 'Gross rent $200 to $249'],
    ['rent_250_300', '007', 'Gross rent $250 to $299'],
    ['rent_300_350', '008', 'Gross rent $300 to $349'],
    ['rent_350_400', '009', 'Gross rent $350 to $399'],
    ['rent_400_450', '010', 'Gross rent $400 to $449'],
    ['rent_450_500', '011', 'Gross rent $450 to $499'],
    ['rent_500_550', '012', 'Gross rent $500 to $549'],
    ['rent_550_600', '013', 'Gross rent $550 to $599'],
    ['rent_600_650', '014', 'Gross rent $600 to $649'],
    ['rent_650_700', '015', 'Gross rent $650 to $699'],
    ['rent_700_750', '016', 'Gross rent $700 to $749'],
    ['rent_750_800', '017', 'Gross rent $750 to $799'],
    ['rent_800_900', '018', 'Gross rent $800 to $899'],
    ['rent_900_1000', '019', 'Gross rent $900 to $999'],
    ['rent_1000_1250', '020', 'Gross rent $1,000 to $1,249'],
    ['rent_1250_1500', '021', 'Gross rent $1,250 to $1,499'],
    ['rent_1500_2000', '022', 'Gross rent $1,500 to $1,999'],
    ['rent_2000_2500', '023', 'Gross rent $2,000 to $2,499'],
    ['rent_2500_3000', '024', 'Gross rent $2,500 to $2,999'],
    ['rent_3000_3500', '025', 'Gross rent $3,000 to $3,499'],
    ['rent_3500_plus', '026', 'Gross rent $3,500 or more'],
  ]),
];

/** Bracket tables whose pooled median the engine computes (with B19001 and B25034 of acs-tables.ts). */
export const DISTRIBUTIONS: readonly AcsVariable[] = [...HOME_VALUE, ...GROSS_RENT];

const TENURE_BY_UNITS: readonly AcsVariable[] = [
  acs(
    'tenure_units_total',
    'B25032_001',
    'Occupied housing units (universe of tenure by units in structure)',
    'count',
    'count',
  ),
  ...lines('B25032', 'tenure_units_total', [
    ['owner_units_total', '002', 'Owner-occupied housing units (tenure by units in structure)'],
    ['owner_1_detached', '003', 'Owner-occupied, 1-unit detached'],
    ['renter_units_total', '013', 'Renter-occupied housing units (tenure by units in structure)'],
    ['renter_1_detached', '014', 'Renter-occupied, 1-unit detached'],
  ]),
];

const TENURE_BY_YEAR_BUILT: readonly AcsVariable[] = [
  acs(
    'tenure_year_built_total',
    'B25036_001',
    'Occupied housing units (universe of tenure by year structure built)',
    'count',
    'count',
  ),
  acs(
    'owner_year_built_total',
    'B25036_002',
    'Owner-occupied housing units (tenure by year structure built)',
    'count',
    'count',
    'tenure_year_built_total',
  ),
  ...lines('B25036', 'owner_year_built_total', [
    ['owner_built_2020_or_later', '003', 'Owner-occupied, built 2020 or later'],
    ['owner_built_2010_2019', '004', 'Owner-occupied, built 2010 to 2019'],
    ['owner_built_2000_2009', '005', 'Owner-occupied, built 2000 to 2009'],
    ['owner_built_1990_1999', '006', 'Owner-occupied, built 1990 to 1999'],
    ['owner_built_1980_1989', '007', 'Owner-occupied, built 1980 to 1989'],
    ['owner_built_1970_1979', '008', 'Owner-occupied, built 1970 to 1979'],
    ['owner_built_1960_1969', '009', 'Owner-occupied, built 1960 to 1969'],
    ['owner_built_1950_1959', '010', 'Owner-occupied, built 1950 to 1959'],
    ['owner_built_1940_1949', '011', 'Owner-occupied, built 1940 to 1949'],
    ['owner_built_1939_or_earlier', '012', 'Owner-occupied, built 1939 or earlier'],
  ]),
];

const TENURE_BY_HEATING_FUEL: readonly AcsVariable[] = [
  acs(
    'tenure_heating_fuel_total',
    'B25117_001',
    'Occupied housing units (universe of tenure by house heating fuel)',
    'count',
    'count',
  ),
  acs(
    'owner_heating_fuel_total',
    'B25117_002',
    'Owner-occupied housing units (tenure by house heating fuel)',
    'count',
    'count',
    'tenure_heating_fuel_total',
  ),
  ...lines('B25117', 'owner_heating_fuel_total', [
    ['owner_heat_bottled_tank_lp_gas', '004', 'Owner-occupied, heated by bottled, tank or LP gas'],
    ['owner_heat_electricity', '005', 'Owner-occupied, heated by electricity'],
    ['owner_heat_fuel_oil_kerosene', '006', 'Owner-occupied, heated by fuel oil, kerosene, etc.'],
  ]),
];

const TENURE_BY_AGE: readonly AcsVariable[] = [
  acs(
    'householder_age_total',
    'B25007_001',
    'Occupied housing units (universe of tenure by age of householder)',
    'count',
    'count',
  ),
  ...lines('B25007', 'householder_age_total', [
    ['owner_householder_total', '002', 'Owner-occupied housing units (tenure by age of householder)'],
    ['owner_householder_65_74', '009', 'Owner-occupied, householder 65 to 74 years'],
    ['owner_householder_75_84', '010', 'Owner-occupied, householder 75 to 84 years'],
    ['owner_householder_85_plus', '011', 'Owner-occupied, householder 85 years and over'],
    ['renter_householder_total', '012', 'Renter-occupied housing units (tenure by age of householder)'],
    ['renter_householder_65_74', '019', 'Renter-occupied, householder 65 to 74 years'],
    ['renter_householder_75_84', '020', 'Renter-occupied, householder 75 to 84 years'],
    ['renter_householder_85_plus', '021', 'Renter-occupied, householder 85 years and over'],
  ]),
];

// The first period of B25038 is "moved in 2021 or later" in the 2023 vintage: the most recent movers.
const TENURE_BY_MOVE_IN: readonly AcsVariable[] = [
  acs(
    'moved_in_total',
    'B25038_001',
    'Occupied housing units (universe of tenure by year householder moved into unit)',
    'count',
    'count',
  ),
  ...lines('B25038', 'moved_in_total', [
    ['owner_moved_in_total', '002', 'Owner-occupied housing units (tenure by year moved in)'],
    ['owner_moved_in_recent', '003', 'Owner householder moved in 2021 or later'],
    ['renter_moved_in_total', '009', 'Renter-occupied housing units (tenure by year moved in)'],
    ['renter_moved_in_recent', '010', 'Renter householder moved in 2021 or later'],
  ]),
];

const VACANCY_STATUS: readonly AcsVariable[] = [
  acs(
    'vacancy_status_total',
    'B25004_001',
    'Vacant housing units (universe of vacancy status)',
    'count',
    'count',
  ),
  ...lines('B25004', 'vacancy_status_total', [
    ['vacant_for_rent', '002', 'Vacant: for rent'],
    ['vacant_rented_not_occupied', '003', 'Vacant: rented, not occupied'],
    ['vacant_for_sale_only', '004', 'Vacant: for sale only'],
    ['vacant_sold_not_occupied', '005', 'Vacant: sold, not occupied'],
  ]),
];

/** Tenure cross-tabulations (B25032, B25036, B25117, B25007, B25038) and vacancy status (B25004). */
export const CROSS_TABULATIONS: readonly AcsVariable[] = [
  ...TENURE_BY_UNITS,
  ...TENURE_BY_YEAR_BUILT,
  ...TENURE_BY_HEATING_FUEL,
  ...TENURE_BY_AGE,
  ...TENURE_BY_MOVE_IN,
  ...VACANCY_STATUS,
];
