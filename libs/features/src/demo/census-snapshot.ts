import { readFileSync } from 'node:fs';
import { CensusRow, cellsToRows, findCensusDataFile, findDataFile, parseCsv } from '@lbi/census';

/** The ACS release the bundled files hold (2019-2023 5-year, the /data/2023/acs/acs5 endpoint). */
export const SNAPSHOT_VINTAGE = 2023;
export const SNAPSHOT_FILES = [
  'acs5_2023_zcta_philadelphia_suburbs.csv',
  'acs5_2023_zcta_population_housing_tenure.csv',
];
export const SNAPSHOT_SOURCE =
  'bundled snapshot of the ACS 2019-2023 5-year release (data/census/acs5_2023_zcta_*.csv), used because the live Census API was unreachable';

/** The ZIP Code Business Patterns year and file of the bundled snapshot (Pennsylvania only). */
export const BUSINESS_SNAPSHOT_YEAR = 2022;
export const BUSINESS_SNAPSHOT_STATE = 'PA';
export const BUSINESS_SNAPSHOT_FILE = 'zbp_2022_pa_naics6.csv';

type SnapshotCells = Map<
  string,
  { values: Record<string, string | null>; sourceUrls: Record<string, string> }
>;

/**
 * The bundled ACS cells per ZCTA exactly as the files hold them (the suburbs file first, the national
 * file filling gaps; an empty cell is a published "no value"), each labelled with SNAPSHOT_SOURCE.
 * Only variables the files hold are there: nothing is filled in or estimated.
 */
export function loadSnapshotCells(zctas?: ReadonlySet<string>): SnapshotCells {
  const cells: SnapshotCells = new Map();
  for (const file of SNAPSHOT_FILES) {
    const [header, ...lines] = parseCsv(readFileSync(findCensusDataFile(file, __dirname), 'utf8'));
    for (const line of lines) {
      const zcta = line[0];
      if (zctas && !zctas.has(zcta)) continue;
      let entry = cells.get(zcta);
      if (!entry) {
        entry = { values: {}, sourceUrls: {} };
        cells.set(zcta, entry);
      }
      header.forEach((variable, i) => {
        if (i === 0 || variable in entry.values) return;
        entry.values[variable] = line[i] === '' ? null : line[i];
        entry.sourceUrls[variable] = SNAPSHOT_SOURCE;
      });
    }
  }
  return cells;
}

/**
 * Census rows for these ZCTAs from the bundled files, read through the same parser as a live API
 * answer (so annotation codes and MOE pairs are handled identically).
 */
export function loadCensusSnapshot(zctas: readonly string[]): CensusRow[] {
  const cells = loadSnapshotCells(new Set(zctas));
  return cellsToRows(
    [...cells.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([zcta, entry]) => ({ zcta, values: entry.values })),
  );
}

/** The bundled establishment counts of these NAICS codes, per code. */
export function loadBusinessSnapshot(
  naics: readonly string[],
): Map<string, { zip: string; establishments: number }[]> {
  const [header, ...lines] = parseCsv(
    readFileSync(findDataFile('business', BUSINESS_SNAPSHOT_FILE, __dirname), 'utf8'),
  );
  const zip = header.indexOf('Zipcode');
  const code = header.indexOf('NaicsCode');
  const estab = header.indexOf('Establishments');
  const wanted = new Set(naics);
  const out = new Map<string, { zip: string; establishments: number }[]>(naics.map((n) => [n, []]));
  for (const line of lines) {
    if (!wanted.has(line[code])) continue;
    out.get(line[code])?.push({ zip: line[zip], establishments: Number(line[estab]) });
  }
  return out;
}
