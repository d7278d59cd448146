// The full-catalogue case of `npm run bench:report`: every table the engine reads, for 2,068 ZIP areas.
// Real figures exist for that only in part, so the inputs are the 188 Philadelphia-suburb ZCTAs —
// their real ACS 2019-2023 figures (data/census) plus the SYNTHETIC cross-tabulations and
// distributions of test/support/fake-census/synthetic — repeated 11 times under made-up 6-digit ids.
// The figures are only load for the engine here; no report made from them is shown to anyone.
import { readFileSync } from 'node:fs';
import { parseCensusResponse, parseCsv } from '@lbi/census';
// The snapshot loader alone, not the @lbi/features index (which would load the whole Nest application).
import { loadCensusSnapshot } from '../../libs/features/src/demo/census-snapshot';
import { buildReport, type CensusSignalInput, type ReportInput } from '@lbi/scoring';
import { SYNTHETIC_TABLES_FILE } from '../support/fake-census/fake-census-server';

export const FULL_CATALOGUE_COPIES = 11;

export function fullCatalogueInput(category: string, asOf: string): ReportInput {
  const [header, ...lines] = parseCsv(readFileSync(SYNTHETIC_TABLES_FILE, 'utf8'));
  const zctas = lines.map((l) => l[0]);
  const synthetic = parseCensusResponse([
    [...header.slice(1), 'zip code tabulation area'],
    ...lines.map((l) => [...l.slice(1).map((c) => (c === '' ? null : c)), l[0]]),
  ]);
  const rows = [...loadCensusSnapshot(zctas), ...synthetic];
  const zips: string[] = [];
  const signals: CensusSignalInput[] = [];
  for (let copy = 0; copy < FULL_CATALOGUE_COPIES; copy++) {
    const id = (zcta: string) => String(Number(zcta) + copy * 100000).padStart(6, '0');
    for (const zcta of zctas) zips.push(id(zcta));
    for (const r of rows) {
      signals.push({
        zip_code: id(r.zcta),
        zcta: id(r.zcta),
        metric: r.metric,
        value: r.estimate,
        margin_of_error: r.moe,
      });
    }
  }
  return {
    geography: { id: 'bench-full', name: 'Full catalogue', zip_codes: zips },
    category,
    as_of: asOf,
    census_signals: signals,
    vintage: '2023',
  };
}

export interface FullCatalogueRow {
  category: string;
  zips: number;
  signals: number;
  report_ms: number;
}

/** Median buildReport time over `reps` runs after `warmup` ones. */
export function runFullCatalogueCase(
  category: string,
  asOf: string,
  reps: number,
  warmup: number,
): FullCatalogueRow {
  const input = fullCatalogueInput(category, asOf);
  for (let i = 0; i < warmup; i++) buildReport(input);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    buildReport(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return {
    category,
    zips: input.geography.zip_codes.length,
    signals: input.census_signals.length,
    report_ms: Math.round(median * 10) / 10,
  };
}
