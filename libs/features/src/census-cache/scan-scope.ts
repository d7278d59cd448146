import { loadZctaCountyIndex, stateByAbbreviation, US_STATES } from '@lbi/census';
import { SCAN_NATION } from '@lbi/contracts';

/** A state (by USPS abbreviation) or the nation, with its ZCTAs. */
export interface ScanScope {
  /** `PA`, … or `US`. */
  code: string;
  name: string;
  /** Every ZCTA of the scope (a ZCTA belongs to the state of the county holding most of its land). */
  zctas: string[];
}

/** The scope named by `PA` (any case) or `US`; undefined for anything else. */
export function resolveScanScope(input: string): ScanScope | undefined {
  const index = loadZctaCountyIndex();
  if (input.trim().toUpperCase() === SCAN_NATION) {
    const zctas = index.zctasInStates(US_STATES.map((state) => state.fips));
    return { code: SCAN_NATION, name: 'United States', zctas };
  }
  const state = stateByAbbreviation(input);
  if (!state) return undefined;
  return { code: state.abbreviation, name: state.name, zctas: index.zctasInState(state.fips) };
}

export const SCOPE_HINT = `a state's two-letter abbreviation (${US_STATES.slice(0, 3)
  .map((s) => s.abbreviation)
  .join(', ')}, …, DC, PR) or "${SCAN_NATION}" for the nation`;
