// The fake Census API's ZIP Code Business Patterns endpoint (`/data/2022/cbp`), answered in the API's
// shape (array of arrays, header first, strings, geography column last) from the REAL 2022 Pennsylvania
// rows bundled in data/business. Outside Pennsylvania it has no rows, and answers as the API does for a
// query that matches nothing (204). It never invents a count.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { parseCsv } from '@lbi/census';

/** The year the bundled counts belong to. */
export const FAKE_CBP_YEAR = 2022;
export const FAKE_CBP_FILE = 'zbp_2022_pa_naics6.csv';

const GEOGRAPHY = 'zip code';
/** Variables the fake can answer; the file holds establishment counts only. */
const VARIABLES = new Set(['ESTAB', 'NAICS2017', 'ZIPCODE']);

interface CbpRow {
  readonly zip: string;
  readonly naics: string;
  readonly establishments: string;
}

const loaded = new Map<string, Promise<CbpRow[]>>();

function loadRows(dataDir: string): Promise<CbpRow[]> {
  let pending = loaded.get(dataDir);
  if (!pending) {
    pending = readFile(resolve(dataDir, FAKE_CBP_FILE), 'utf8').then((text) => {
      const [header, ...rows] = parseCsv(text);
      const zip = header.indexOf('Zipcode');
      const naics = header.indexOf('NaicsCode');
      const estab = header.indexOf('Establishments');
      return rows
        .map((cells) => ({ zip: cells[zip], naics: cells[naics], establishments: cells[estab] }))
        .sort((a, b) => a.naics.localeCompare(b.naics) || a.zip.localeCompare(b.zip));
    });
    loaded.set(dataDir, pending);
  }
  return pending;
}

export interface CbpAnswer {
  readonly status: number;
  readonly body: string;
  readonly kind: 'json' | 'text' | 'empty';
}

/** The default data folder: the repository's data/business. */
export const defaultBusinessDataDir = (): string => resolve(__dirname, '..', '..', '..', 'data', 'business');

/** What api.census.gov answers for `/data/2022/cbp?…` (the caller formats the body). */
export async function answerBusinessPatterns(
  url: URL,
  dataDir: string,
  format: (rows: readonly (readonly (string | null)[])[]) => string,
): Promise<CbpAnswer> {
  const get = url.searchParams.get('get');
  const forParam = url.searchParams.get('for');
  if (!get) return { status: 400, kind: 'text', body: "error: missing 'get' parameter" };
  if (!forParam) return { status: 400, kind: 'text', body: "error: missing 'for' parameter" };
  const variables = get.split(',').map((v) => v.trim());
  const unknown = variables.find((v) => !VARIABLES.has(v));
  if (unknown !== undefined)
    return { status: 400, kind: 'text', body: `error: unknown variable '${unknown}'` };
  const naics = url.searchParams.get('NAICS2017');
  const size = url.searchParams.get('EMPSZES');
  const colon = forParam.indexOf(':');
  const geography = colon < 0 ? forParam : forParam.slice(0, colon);
  const list = colon < 0 ? '' : forParam.slice(colon + 1);

  if (geography === 'us' && (list === '1' || list === '*')) {
    // The vintage probe: the bundled file holds no national total, so the figure is null.
    const row = variables.map((v) => (v === 'NAICS2017' ? (naics ?? '00') : null));
    return {
      status: 200,
      kind: 'json',
      body: format([
        [...variables, 'us'],
        [...row, '1'],
      ]),
    };
  }
  if (geography !== GEOGRAPHY || list === '') {
    return { status: 400, kind: 'text', body: 'error: unknown/unsupported geography heirarchy' };
  }
  // Only the all-sizes totals are bundled.
  if (size !== null && size !== '001') return { status: 204, kind: 'empty', body: '' };
  const wanted = list === '*' ? undefined : new Set(list.split(',').map((z) => z.trim()));
  const rows = (await loadRows(dataDir)).filter(
    (r) => (naics === null || r.naics === naics) && (wanted === undefined || wanted.has(r.zip)),
  );
  if (rows.length === 0) return { status: 204, kind: 'empty', body: '' };
  const cell = (row: CbpRow, variable: string): string =>
    variable === 'ESTAB' ? row.establishments : variable === 'NAICS2017' ? row.naics : row.zip;
  return {
    status: 200,
    kind: 'json',
    body: format([
      [...variables, GEOGRAPHY],
      ...rows.map((r) => [...variables.map((v) => cell(r, v)), r.zip]),
    ]),
  };
}
