// Test helper: the real ACS 2019-2023 Philadelphia-suburbs figures (data/census) as census signal inputs,
// and the real UDS Mapper crosswalk rows that map PO-box ZIPs onto those ZCTAs. Not exported by the
// library's index: only specs and benchmarks read files.

import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CensusSignalInput, GeographyInput } from './types';

const DATA = path.join(__dirname, '../../../data/census');
export const PHILLY_CSV = path.join(DATA, 'acs5_2023_zcta_philadelphia_suburbs.csv');
export const CROSSWALK_CSV = path.join(DATA, 'zip_to_zcta_2022.csv');
/** The ACS release of the bundled figures (2019-2023 5-year). */
export const PHILLY_VINTAGE = '2023';

const COLUMNS: readonly [string, string, string | null][] = [
  ['population', 'B01003_001E', null],
  ['median_household_income', 'B19013_001E', null],
  ['median_home_value', 'B25077_001E', null],
  ['median_gross_rent', 'B25064_001E', null],
  ['median_year_built', 'B25035_001E', null],
  ['housing_units', 'B25001_001E', null],
  ['occupied_units', 'B25003_001E', 'B25003_001M'],
  ['owner_occupied', 'B25003_002E', 'B25003_002M'],
  ['renter_occupied', 'B25003_003E', 'B25003_003M'],
];

export interface PhillyRow {
  zcta: string;
  values: Record<string, number | null>;
}

export function loadPhillyRows(): PhillyRow[] {
  const lines = fs.readFileSync(PHILLY_CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const values: Record<string, number | null> = {};
    header.forEach(
      (h, i) => (values[h] = cells[i] === '' || cells[i] === undefined ? null : Number(cells[i])),
    );
    return { zcta: cells[0], values };
  });
}

/** One signal per (ZCTA, metric); the ZIP code equals the ZCTA for these residential ZIPs. */
export function phillySignals(rows: readonly PhillyRow[] = loadPhillyRows()): CensusSignalInput[] {
  const out: CensusSignalInput[] = [];
  for (const r of rows) {
    for (const [metric, e, m] of COLUMNS) {
      const value = r.values[e];
      if (value === null || value === undefined) continue;
      out.push({
        zip_code: r.zcta,
        zcta: r.zcta,
        metric,
        value,
        margin_of_error: m ? (r.values[m] ?? null) : null,
      });
    }
  }
  return out;
}

/** Crosswalk rows (zip, zcta) whose ZCTA is one of `zctas`: the ZCTA's own ZIP and its PO-box ZIPs. */
export function crosswalkZipsOf(zctas: readonly string[]): { zip: string; zcta: string }[] {
  const wanted = new Set(zctas);
  return fs
    .readFileSync(CROSSWALK_CSV, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => wanted.has(cells[4]))
    .map((cells) => ({ zip: cells[0], zcta: cells[4] }));
}

/**
 * A geography of the given ZIPs with their crosswalk ZCTAs, and the signals a refresh stores for it:
 * every ZIP gets a copy of its ZCTA's rows (census-signals.writer.ts does the same).
 */
export function phillyZipGeography(
  zips: readonly { zip: string; zcta: string }[],
  signals: readonly CensusSignalInput[] = phillySignals(),
): { geography: GeographyInput; signals: CensusSignalInput[] } {
  const byZcta = new Map<string, CensusSignalInput[]>();
  for (const s of signals) {
    const list = byZcta.get(s.zcta as string) ?? [];
    list.push(s);
    byZcta.set(s.zcta as string, list);
  }
  return {
    geography: {
      id: 'geo-philly-zips',
      name: 'Philadelphia suburbs (all ZIPs)',
      zip_codes: zips.map((z) => z.zip),
      zcta_resolution: zips.map((z) => ({ zip: z.zip, zcta: z.zcta })),
    },
    signals: zips.flatMap((z) => (byZcta.get(z.zcta) ?? []).map((s) => ({ ...s, zip_code: z.zip }))),
  };
}
