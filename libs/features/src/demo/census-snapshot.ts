import { readFileSync } from 'node:fs';
import { CensusRow, findCensusDataFile, parseCensusResponse, parseCsv } from '@lbi/census';

/** The ACS release the bundled files hold (2019-2023 5-year, the /data/2023/acs/acs5 endpoint). */
export const SNAPSHOT_VINTAGE = 2023;
export const SNAPSHOT_FILES = [
  'acs5_2023_zcta_philadelphia_suburbs.csv',
  'acs5_2023_zcta_population_housing_tenure.csv',
];
export const SNAPSHOT_SOURCE =
  'bundled snapshot of the ACS 2019-2023 5-year release (data/census/acs5_2023_zcta_*.csv), used because the live Census API was unreachable';

/**
 * Census rows for these ZCTAs from the bundled files, read through the same parser as a live API
 * answer (so annotation codes and MOE pairs are handled identically). Only variables the files hold
 * are returned: nothing is filled in or estimated.
 */
export function loadCensusSnapshot(zctas: readonly string[]): CensusRow[] {
  const wanted = new Set(zctas);
  const rows: CensusRow[] = [];
  const seen = new Set<string>();
  for (const file of SNAPSHOT_FILES) {
    const [header, ...lines] = parseCsv(readFileSync(findCensusDataFile(file, __dirname), 'utf8'));
    const variables = header.slice(1);
    const table: (string | null)[][] = [[...variables, 'zip code tabulation area']];
    for (const line of lines) {
      const zcta = line[0];
      if (!wanted.has(zcta)) continue;
      table.push([...line.slice(1).map((cell) => (cell === '' ? null : cell)), zcta]);
    }
    if (table.length === 1) continue;
    for (const row of parseCensusResponse(table)) {
      // The suburbs file comes first and is the richer one; the national file only fills gaps.
      const key = `${row.zcta}:${row.metric}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  return rows;
}
