import type { ReportPayload, ScoreComponent, TopZip } from '@lbi/contracts';

/**
 * Byte order mark written first: Excel on Windows opens a BOM-less CSV in the local ANSI code page and
 * mangles "±" or "–"; with the BOM it reads UTF-8. Parsers that follow RFC 4180 (papaparse, pandas with
 * `utf-8-sig`) skip it.
 */
export const CSV_BOM = '\uFEFF';

const CRLF = '\r\n';
/** Per-feature columns, in this order, after the fixed ones (the first four are the original ones). */
const COMPONENT_FIELDS = [
  'value',
  'moe',
  'percentile',
  'contribution',
  'display',
  'geography_value',
  'geography_moe',
  'comparison',
  'censored',
  'reliability',
] as const;
/** Cells that a spreadsheet would evaluate as a formula (OWASP CSV injection list). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null;

/** The original five columns first, then the ones added with tiers and the single vintage. */
const FIXED_COLUMNS = [
  'rank',
  'zip_code',
  'zcta',
  'score',
  'households',
  'households_moe',
  'zip_codes',
  'tier',
  'score_moe',
  'vintage',
] as const;

/**
 * The top-ZIP table of a report as CSV (RFC 4180: CRLF line ends, fields with comma, quote, CR or LF
 * quoted, quotes doubled), UTF-8 with a BOM.
 *
 * One row per top ZIP area, in rank order: rank, zip_code, zcta, score, households, then
 * households_moe, zip_codes (every ZIP of the ZCTA, space-separated), tier, score_moe and vintage (the
 * report's one ACS vintage), then for each score feature (in the order features first appear across
 * the ranked ZIPs) `<feature>_value`, `_moe`, `_percentile`, `_contribution`, `_display` (the value as
 * a client reads it, unit and ± margin, "$250,000+" for a top code), `_geography_value`,
 * `_geography_moe`, `_comparison` (higher / lower / about_same / not_tested by the 90% test),
 * `_censored` (top / bottom) and `_reliability`, then `why` (sentences joined by a space) and
 * `warnings` (joined by "; "). Missing figures are empty cells; reports made before these columns
 * existed leave them empty.
 *
 * Formula-injection guard: a text cell starting with = + - @ tab or CR gets a leading `'`. Number cells
 * are never prefixed, so a negative figure stays a number a spreadsheet can sum; only text that came
 * from the data (why, warnings, feature ids, ZIPs) can carry a formula.
 */
export function renderReportCsv(payload: ReportPayload): string {
  const features = featureOrder(payload.top_zips);
  const header: Cell[] = [...FIXED_COLUMNS];
  for (const feature of features) {
    for (const field of COMPONENT_FIELDS) header.push(`${feature}_${field}`);
  }
  header.push('why', 'warnings');

  const rows: Cell[][] = [header];
  for (const zip of [...payload.top_zips].sort((a, b) => a.rank - b.rank)) {
    const row: Cell[] = [
      zip.rank,
      zip.zip_code,
      zip.zcta,
      zip.score,
      zip.households,
      zip.households_moe ?? null,
      (zip.zip_codes ?? [zip.zip_code]).join(' '),
      zip.tier ?? null,
      zip.score_moe ?? null,
      payload.vintage ?? null,
    ];
    const byFeature = new Map(zip.components.map((component) => [component.feature, component]));
    for (const feature of features) {
      const component: ScoreComponent | undefined = byFeature.get(feature);
      for (const field of COMPONENT_FIELDS) row.push(component ? (component[field] ?? null) : null);
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
