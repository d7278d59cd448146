// The states a scan can cover: the 50 states, the District of Columbia and Puerto Rico (the places the
// ACS publishes ZCTA figures for), by USPS abbreviation and FIPS code.

export interface UsState {
  readonly abbreviation: string;
  readonly fips: string;
  readonly name: string;
}

const STATES: readonly (readonly [string, string, string])[] = [
  ['AL', '01', 'Alabama'],
  ['AK', '02', 'Alaska'],
  ['AZ', '04', 'Arizona'],
  ['AR', '05', 'Arkansas'],
  ['CA', '06', 'California'],
  ['CO', '08', 'Colorado'],
  ['CT', '09', 'Connecticut'],
  ['DE', '10', 'Delaware'],
  ['DC', '11', 'District of Columbia'],
  ['FL', '12', 'Florida'],
  ['GA', '13', 'Georgia'],
  ['HI', '15', 'Hawaii'],
  ['ID', '16', 'Idaho'],
  ['IL', '17', 'Illinois'],
  ['IN', '18', 'Indiana'],
  ['IA', '19', 'Iowa'],
  ['KS', '20', 'Kansas'],
  ['KY', '21', 'Kentucky'],
  ['LA', '22', 'Louisiana'],
  ['ME', '23', 'Maine'],
  ['MD', '24', 'Maryland'],
  ['MA', '25', 'Massachusetts'],
  ['MI', '26', 'Michigan'],
  ['MN', '27', 'Minnesota'],
  ['MS', '28', 'Mississippi'],
  ['MO', '29', 'Missouri'],
  ['MT', '30', 'Montana'],
  ['NE', '31', 'Nebraska'],
  ['NV', '32', 'Nevada'],
  ['NH', '33', 'New Hampshire'],
  ['NJ', '34', 'New Jersey'],
  ['NM', '35', 'New Mexico'],
  ['NY', '36', 'New York'],
  ['NC', '37', 'North Carolina'],
  ['ND', '38', 'North Dakota'],
  ['OH', '39', 'Ohio'],
  ['OK', '40', 'Oklahoma'],
  ['OR', '41', 'Oregon'],
  ['PA', '42', 'Pennsylvania'],
  ['RI', '44', 'Rhode Island'],
  ['SC', '45', 'South Carolina'],
  ['SD', '46', 'South Dakota'],
  ['TN', '47', 'Tennessee'],
  ['TX', '48', 'Texas'],
  ['UT', '49', 'Utah'],
  ['VT', '50', 'Vermont'],
  ['VA', '51', 'Virginia'],
  ['WA', '53', 'Washington'],
  ['WV', '54', 'West Virginia'],
  ['WI', '55', 'Wisconsin'],
  ['WY', '56', 'Wyoming'],
  ['PR', '72', 'Puerto Rico'],
];

export const US_STATES: readonly UsState[] = STATES.map(([abbreviation, fips, name]) => ({
  abbreviation,
  fips,
  name,
}));

const BY_ABBREVIATION = new Map(US_STATES.map((s) => [s.abbreviation, s]));
const BY_FIPS = new Map(US_STATES.map((s) => [s.fips, s]));

/** A state by its USPS abbreviation, in any case ("pa", "PA"). */
export function stateByAbbreviation(abbreviation: string): UsState | undefined {
  return BY_ABBREVIATION.get(abbreviation.trim().toUpperCase());
}

export function stateByFips(fips: string): UsState | undefined {
  return BY_FIPS.get(fips);
}
