import { acsVariableById, isAcsVariableId } from './acs-variables';
import { CensusAnnotation, parseCensusValue } from './annotations';
import { ZCTA_GEOGRAPHY } from './request-plan';

/** The body did not have the shape the Census API documents; the message says where. */
export class CensusResponseError extends Error {
  override readonly name = 'CensusResponseError';
}

export interface CensusTableRow {
  /** Value of the geography column (the last one), e.g. a ZCTA. */
  readonly geoId: string;
  readonly name: string | null;
  /** Every other column by header name; `null` where the API sent null. */
  readonly values: Readonly<Record<string, string | null>>;
}

export interface CensusTable {
  readonly header: readonly string[];
  /** Name of the geography column, e.g. `zip code tabulation area`. */
  readonly geography: string;
  readonly rows: readonly CensusTableRow[];
}

export interface CensusRow {
  readonly zcta: string;
  readonly metric: string;
  /** Estimate variable id, e.g. B01003_001E. */
  readonly variable: string;
  readonly estimate: number | null;
  readonly moe: number | null;
  /** Why the estimate (or, failing that, the MOE) is not a plain number. */
  readonly annotation?: CensusAnnotation & { readonly field: 'estimate' | 'moe' };
  /** Key-free URL of the request the estimate came from, when known. */
  readonly source_url?: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * Validates and reads a Census API JSON body: an array of arrays, header row first, every value a string
 * or null, the geography column last.
 */
export function parseCensusTable(body: unknown): CensusTable {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      const start = body.trim().slice(0, 80).replace(/\s+/g, ' ');
      throw new CensusResponseError(`the Census API response is not JSON (it starts with '${start}')`);
    }
  }
  if (!Array.isArray(data)) {
    throw new CensusResponseError(
      `the Census API response should be an array of rows, got ${describe(data)}`,
    );
  }
  if (data.length === 0) throw new CensusResponseError('the Census API response has no header row');
  const [headerRow, ...dataRows] = data as unknown[];
  if (!Array.isArray(headerRow) || headerRow.length < 2 || !headerRow.every((h) => typeof h === 'string')) {
    throw new CensusResponseError('the Census API header row should be at least two column names (strings)');
  }
  const header = headerRow as string[];
  if (new Set(header).size !== header.length) {
    throw new CensusResponseError(`the Census API header repeats a column: ${header.join(',')}`);
  }
  const geography = header[header.length - 1];
  const nameIndex = header.indexOf('NAME');

  const rows = dataRows.map((row, i): CensusTableRow => {
    const where = `row ${i + 1}`;
    if (!Array.isArray(row))
      throw new CensusResponseError(`${where} of the Census API response is not an array`);
    if (row.length !== header.length) {
      throw new CensusResponseError(
        `${where} has ${row.length} values but the header has ${header.length} columns`,
      );
    }
    const bad = row.findIndex((v) => v !== null && typeof v !== 'string');
    if (bad >= 0) {
      throw new CensusResponseError(
        `${where}, column ${header[bad]}: expected a string or null, got ${describe(row[bad])}`,
      );
    }
    const geoId = row[row.length - 1] as string | null;
    if (geoId === null || geoId === '') throw new CensusResponseError(`${where} has no ${geography} value`);
    const values: Record<string, string | null> = {};
    header.forEach((column, c) => {
      if (c !== header.length - 1 && c !== nameIndex) values[column] = row[c] as string | null;
    });
    return { geoId, name: nameIndex >= 0 ? (row[nameIndex] as string | null) : null, values };
  });
  return { header, geography, rows };
}

/** Cells of one ZCTA, possibly merged from several responses (one per variable group). */
export interface ZctaCells {
  readonly zcta: string;
  readonly values: Readonly<Record<string, string | null>>;
  /** Key-free source URL per variable id; falls back to `sourceUrl`. */
  readonly sourceUrls?: Readonly<Record<string, string>>;
  readonly sourceUrl?: string;
}

// Unknown estimate variables still get a row, named after the variable, so nothing asked for is dropped.
function metricFor(variable: string): string {
  return acsVariableById(variable)?.metric ?? variable.slice(0, -1);
}

/**
 * Turns cells into one typed row per estimate column, pairing each with its MOE column (same id ending
 * in M). Annotation values become null with their reason; -555555555 on an MOE becomes MOE 0.
 */
export function cellsToRows(cells: readonly ZctaCells[]): CensusRow[] {
  const out: CensusRow[] = [];
  for (const cell of cells) {
    for (const variable of Object.keys(cell.values)) {
      if (!variable.endsWith('E') || !isAcsVariableId(variable)) continue;
      const moeVariable = `${variable.slice(0, -1)}M`;
      const read = (id: string, role: 'estimate' | 'moe') => {
        const raw = cell.values[id];
        try {
          return parseCensusValue(raw === undefined ? null : raw, role);
        } catch (err) {
          throw new CensusResponseError(`ZCTA ${cell.zcta}, ${id}: ${(err as Error).message}`);
        }
      };
      const estimate = read(variable, 'estimate');
      const moe = read(moeVariable, 'moe');
      const annotation = estimate.annotation
        ? { ...estimate.annotation, field: 'estimate' as const }
        : moe.annotation
          ? { ...moe.annotation, field: 'moe' as const }
          : undefined;
      const sourceUrl = cell.sourceUrls?.[variable] ?? cell.sourceUrl;
      out.push({
        zcta: cell.zcta,
        metric: metricFor(variable),
        variable,
        estimate: estimate.value,
        moe: moe.value,
        ...(annotation ? { annotation } : {}),
        ...(sourceUrl ? { source_url: sourceUrl } : {}),
      });
    }
  }
  return out;
}

/** Reads a ZCTA response and checks its geography column is `zip code tabulation area`. */
export function parseZctaTable(body: unknown): CensusTable {
  const table = parseCensusTable(body);
  if (table.geography !== ZCTA_GEOGRAPHY) {
    throw new CensusResponseError(
      `the last column should be '${ZCTA_GEOGRAPHY}', got '${table.geography}': not a ZCTA response`,
    );
  }
  const bad = table.rows.find((r) => !/^\d{5}$/.test(r.geoId));
  if (bad) throw new CensusResponseError(`'${bad.geoId}' is not a 5-digit ZCTA`);
  return table;
}

/** One call: body of a ZCTA request in, typed rows out. */
export function parseCensusResponse(body: unknown, options: { sourceUrl?: string } = {}): CensusRow[] {
  const table = parseZctaTable(body);
  return cellsToRows(
    table.rows.map((r) => ({
      zcta: r.geoId,
      values: r.values,
      ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    })),
  );
}
