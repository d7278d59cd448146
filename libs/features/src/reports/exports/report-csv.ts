import type { ReportPayload, ScoreComponent, TopZip } from '@lbi/contracts';

/**
 * Byte order mark written first: Excel on Windows opens a BOM-less CSV in the local ANSI code page and
 * mangles "±" or "–"; with the BOM it reads UTF-8. Parsers that follow RFC 4180 (papaparse, pandas with
 * `utf-8-sig`) skip it.
 */
export const CSV_BOM = '\uFEFF';

const CRLF = '\r\n';
/** Per-feature columns, in this order, after the fixed ones. */
const COMPONENT_FIELDS = ['value', 'moe', 'percentile', 'contribution'] as const;
/** Cells that a spreadsheet would evaluate as a formula (OWASP CSV injection list). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null;

/**
 * The top-ZIP table of a report as CSV (RFC 4180: CRLF line ends, fields with comma, quote, CR or LF
 * quoted, quotes doubled), UTF-8 with a BOM.
 *
 * One row per top ZIP, in rank order: rank, zip_code, zcta, score, households, then for each score
 * feature (in the order features first appear across the ranked ZIPs) `<feature>_value`, `_moe`,
 * `_percentile` and `_contribution`, then `why` (sentences joined by a space) and `warnings` (joined by
 * "; "). Missing figures are empty cells.
 *
 * Formula-injection guard: a text cell starting with = + - @ tab or CR gets a leading `'`. Number cells
 * are never prefixed, so a negative figure stays a number a spreadsheet can sum; only text that came
 * from the data (why, warnings, feature ids, ZIPs) can carry a formula.
 */
export function renderReportCsv(payload: ReportPayload): string {
  const features = featureOrder(payload.top_zips);
  const header: Cell[] = ['rank', 'zip_code', 'zcta', 'score', 'households'];
  for (const feature of features) {
    for (const field of COMPONENT_FIELDS) header.push(`${feature}_${field}`);
  }
  header.push('why', 'warnings');

  const rows: Cell[][] = [header];
  for (const zip of [...payload.top_zips].sort((a, b) => a.rank - b.rank)) {
    const row: Cell[] = [zip.rank, zip.zip_code, zip.zcta, zip.score, zip.households];
    const byFeature = new Map(zip.components.map((component) => [component.feature, component]));
    for (const feature of features) {
      const component: ScoreComponent | undefined = byFeature.get(feature);
      for (const field of COMPONENT_FIELDS) row.push(component ? component[field] : null);
    }
    row.push(zip.why.join(' '), zip.warnings.join('; '));
    rows.push(row);
  }
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',') + CRLF).join('');
}

/** Feature ids in first-seen order, so columns stay put whatever the engine adds or drops per ZIP. */
function featureOrder(zips: TopZip[]): string[] {
  const seen = new Set<string>();
  for (const zip of [...zips].sort((a, b) => a.rank - b.rank)) {
    for (const component of zip.components) seen.add(component.feature);
  }
  return [...seen];
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const guarded = FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Six decimals drop float noise (0.30000000000000004) without losing any precision the engine has. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(6)));
}
