// Test helper: the real ACS 2019-2023 Philadelphia-suburbs figures (data/census) as census signal inputs.

import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CensusSignalInput } from './types';

export const PHILLY_CSV = path.join(
  __dirname,
  '../../../data/census/acs5_2023_zcta_philadelphia_suburbs.csv',
);

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
