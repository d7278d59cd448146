import { CHANNEL_TYPES, isChannelType } from './geographies';
import { coarsenCoordinate, detectPiiValueKinds, findPiiHeaders, PII_KIND_LABELS } from '@lbi/pii';
import type { PiiKind } from '@lbi/pii';

// The strict schemas of the three imports (seed spec §5.3): which columns a file may have and how
// each value is typed and checked. Pure functions: the import job streams rows through them, and the
// console runs the same ones in the browser before a file is uploaded.

export type ImportKind = 'property' | 'events' | 'channels';

export interface ImportColumns {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const IMPORT_COLUMNS: Readonly<Record<ImportKind, ImportColumns>> = {
  property: {
    required: ['zip_code'],
    optional: [
      'property_type',
      'ownership_type',
      'lot_size_sqft',
      'year_built',
      'estimated_income_band',
      'block_group',
      'lat',
      'lon',
    ],
  },
  events: {
    required: ['event_name', 'start_date'],
    optional: ['end_date', 'zip_code', 'category', 'estimated_attendance', 'source_url'],
  },
  channels: {
    required: ['channel_type', 'name'],
    optional: ['zip_code', 'estimated_reach', 'website', 'source_url', 'notes', 'city', 'state'],
  },
};

/** How many row errors a failed run reports (the rest are counted). */
export const MAX_REPORTED_ERRORS = 20;

/** One problem in one cell. Never carries the cell's value: errors are stored and shown. */
export interface RowError {
  /** Spreadsheet row: the header is row 1, the first data row is row 2 (an iCalendar event: its position). */
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  /** The cell holds personal data: the file is refused and deleted at once. */
  readonly pii?: boolean;
}

/** The file itself is unusable (columns, encoding): nothing is read past the header. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function allowedColumnsText(kind: ImportKind): string {
  const { required, optional } = IMPORT_COLUMNS[kind];
  return `required: ${required.join(', ')}; optional: ${optional.join(', ')}`;
}

/** Trims and lowercases a header cell (and drops a UTF-8 byte order mark). */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/**
 * Checks a file's header row against the schema and returns the normalised column names. A PII
 * column is named as such; unknown, duplicate and missing columns are listed with the allowed ones.
 */
export function checkHeaders(kind: ImportKind, rawHeaders: readonly string[]): string[] {
  const headers = rawHeaders.map(normaliseHeader);
  const allowed = allowedColumnsText(kind);
  const pii = findPiiHeaders(headers);
  if (pii.length > 0) {
    const named = pii.map((v) => `"${v.path}" (${labelOf(v.kind)})`).join(', ');
    throw new ImportFileError(
      `The file has PII column${pii.length > 1 ? 's' : ''} ${named}: personal data is not accepted. Remove ${
        pii.length > 1 ? 'them' : 'it'
      } and upload again. Allowed columns — ${allowed}.`,
      { pii_columns: pii.map((v) => ({ column: v.path, kind: v.kind })), pii_found: true },
    );
  }
  const { required, optional } = IMPORT_COLUMNS[kind];
  const known = new Set([...required, ...optional]);
  const empty = headers.filter((h) => h === '').length;
  if (empty > 0) {
    throw new ImportFileError(
      `The header row has ${empty} empty column name(s). Allowed columns — ${allowed}.`,
    );
  }
  // Unknown headers are named by position, never quoted: a file without a header row has a
  // person's data there ("jane quimby,215-…"), and error messages are stored and shown.
  const unknown = headers.flatMap((h, i) => (known.has(h) ? [] : [i + 1]));
  if (unknown.length > 0) {
    const listed =
      unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
    throw new ImportFileError(
      `The header row has ${unknown.length === 1 ? 'an unknown column at position' : 'unknown columns at positions'} ${listed} (of ${headers.length}); ` +
        `the first row must name the columns (does the file lack its header row?). Allowed columns — ${allowed}.`,
      { unknown_column_positions: unknown.slice(0, 10) },
    );
  }
  const duplicates = headers.filter((h, i) => headers.indexOf(h) !== i);
  if (duplicates.length > 0) {
    throw new ImportFileError(
      `Column "${duplicates[0]}" appears more than once. Allowed columns — ${allowed}.`,
    );
  }
  const missing = required.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      `Missing required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}. Allowed columns — ${allowed}.`,
      { missing_columns: missing },
    );
  }
  return headers;
}

function labelOf(kind: string): string {
  const [base, source] = kind.split(' ');
  const label = PII_KIND_LABELS[base as PiiKind] ?? base;
  return source === 'value' ? `holds ${label}` : `looks like ${label}`;
}

/** What the row validators need to know about the geography. */
export interface RowContext {
  readonly zips: ReadonlySet<string>;
  /** ZIP -> {city, state} from the crosswalk, for channels without city/state. */
  readonly places?: ReadonlyMap<string, { city: string; state: string }>;
  /** ZIP -> the 5-digit FIPS of the counties its ZCTA lies in, to check block groups (property). */
  readonly countiesByZip?: ReadonlyMap<string, ReadonlySet<string>>;
  readonly currentYear?: number;
}

export type RowRecord = Readonly<Record<string, string | undefined>>;

export interface EventRow {
  event_name: string;
  start_date: string;
  end_date: string | null;
  zip_code: string | null;
  category: string | null;
  estimated_attendance: number | null;
  source_url: string | null;
}

export interface ChannelRow {
  channel_type: string;
  name: string;
  city: string;
  state: string;
  zip_code: string | null;
  estimated_reach: number | null;
  website: string | null;
  source_url: string | null;
  notes: string | null;
}

export interface PropertyRow {
  zip_code: string;
  block_group: string;
  property_type: string | null;
  ownership_type: string | null;
  estimated_income_band: string | null;
  lot_size_sqft: number | null;
  year_built: number | null;
  /** Already coarsened to the 0.01° grid. */
  lat: number | null;
  lon: number | null;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

/** Collects the errors of one row while its cells are typed. */
class Cells {
  readonly errors: RowError[] = [];
  constructor(
    private readonly record: RowRecord,
    private readonly row: number,
  ) {}

  fail(column: string, reason: string, pii = false): null {
    this.errors.push(pii ? { row: this.row, column, reason, pii } : { row: this.row, column, reason });
    return null;
  }

  raw(column: string): string | null {
    const value = this.record[column]?.trim();
    return value === undefined || value === '' ? null : value;
  }

  required(column: string): string | null {
    const value = this.raw(column);
    return value === null ? this.fail(column, 'is required and empty') : value;
  }

  /** Free text: length-limited, single-line control characters refused, checked for PII. */
  text(column: string, max: number, required = false): string | null {
    const value = required ? this.required(column) : this.raw(column);
    if (value === null) return null;
    if (value.length > max) return this.fail(column, `is longer than ${max} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      return this.fail(column, 'contains control characters');
    // What findPii does for a bare string (every value detector), without its walk: this runs per cell.
    const pii = detectPiiValueKinds(value);
    if (pii.length > 0)
      return this.fail(column, `contains ${PII_KIND_LABELS[pii[0]]}; PII is not accepted`, true);
    return value;
  }

  /** A label such as a property type or category: lowercase letters, digits, spaces, - _ / & + . */
  label(column: string, max = 64): string | null {
    const value = this.text(column, max);
    if (value === null) return null;
    if (!/^[\p{L}\p{N}][\p{L}\p{N} _\-/&+.,()]*$/u.test(value))
      return this.fail(column, 'may hold only letters, digits, spaces and - _ / & + . , ( )');
    return value.toLowerCase();
  }

  zip(column: string, zips: ReadonlySet<string>, required = false): string | null {
    const value = required ? this.required(column) : this.raw(column);
    if (value === null) return null;
    if (!/^\d{5}$/.test(value)) {
      return this.fail(
        column,
        /^\d{3,4}$/.test(value)
          ? `has ${value.length} digits; a ZIP code has 5 (a spreadsheet may have dropped leading zeros)`
          : 'is not a 5-digit ZIP code',
      );
    }
    if (!zips.has(value)) return this.fail(column, `ZIP ${value} is not one of this geography's ZIP codes`);
    return value;
  }

  date(column: string, required = false): string | null {
    const value = required ? this.required(column) : this.raw(column);
    if (value === null) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return this.fail(column, 'is not a date in the form YYYY-MM-DD');
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900)
      return this.fail(column, 'is not a real calendar date (YYYY-MM-DD, year 1900 or later)');
    return value;
  }

  number(column: string, min: number, max: number, integer: boolean): number | null {
    const value = this.raw(column);
    if (value === null) return null;
    const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)$/;
    const parsed = pattern.test(value.replace(/,/g, '')) ? Number(value.replace(/,/g, '')) : NaN;
    if (!Number.isFinite(parsed))
      return this.fail(column, integer ? 'is not a whole number' : 'is not a number');
    if (parsed < min || parsed > max) return this.fail(column, `must be between ${min} and ${max}`);
    return parsed;
  }

  url(column: string): string | null {
    const value = this.raw(column);
    if (value === null) return null;
    if (value.length > 2000) return this.fail(column, 'is longer than 2000 characters');
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(column, 'is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return this.fail(column, 'must be an http(s) URL');
    if (url.username || url.password) return this.fail(column, 'must not carry a user name or password');
    if (detectPiiValueKinds(value, 'email-only').length > 0)
      return this.fail(column, 'contains an email address; PII is not accepted');
    return value;
  }

  result<T>(value: T): RowResult<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

export const MAX_ATTENDANCE = 10_000_000;
export const MAX_REACH = 100_000_000;

export function validateEventRow(record: RowRecord, row: number, ctx: RowContext): RowResult<EventRow> {
  const c = new Cells(record, row);
  const event_name = c.text('event_name', 300, true);
  const start_date = c.date('start_date', true);
  const end_date = c.date('end_date');
  if (start_date && end_date && end_date < start_date) c.fail('end_date', 'is before start_date');
  const value: EventRow = {
    event_name: event_name ?? '',
    start_date: start_date ?? '',
    end_date,
    zip_code: c.zip('zip_code', ctx.zips),
    category: c.label('category', 100),
    estimated_attendance: c.number('estimated_attendance', 0, MAX_ATTENDANCE, true),
    source_url: c.url('source_url'),
  };
  return c.result(value);
}

export function validateChannelRow(record: RowRecord, row: number, ctx: RowContext): RowResult<ChannelRow> {
  const c = new Cells(record, row);
  const rawType = c.required('channel_type');
  let channel_type: string | null = null;
  if (rawType !== null) {
    const slug = rawType.toLowerCase().replace(/[\s-]+/g, '_');
    channel_type = isChannelType(slug)
      ? slug
      : c.fail('channel_type', `is not a channel type; use one of: ${CHANNEL_TYPES.join(', ')}`);
  }
  const name = c.text('name', 200, true);
  const zip_code = c.zip('zip_code', ctx.zips);
  let city = c.text('city', 100);
  let state = c.raw('state');
  if (state !== null) {
    state = state.toUpperCase();
    if (!/^[A-Z]{2}$/.test(state)) state = c.fail('state', 'is not a two-letter state code');
  }
  if ((city === null || state === null) && zip_code !== null) {
    const place = ctx.places?.get(zip_code);
    city ??= place?.city ?? null;
    state ??= place?.state ?? null;
  }
  if (city === null && !c.errors.some((e) => e.column === 'city'))
    c.fail('city', 'is empty and could not be taken from zip_code');
  if (state === null && !c.errors.some((e) => e.column === 'state'))
    c.fail('state', 'is empty and could not be taken from zip_code');
  const value: ChannelRow = {
    channel_type: channel_type ?? '',
    name: name ?? '',
    city: city ?? '',
    state: state ?? '',
    zip_code,
    estimated_reach: c.number('estimated_reach', 0, MAX_REACH, true),
    website: c.url('website'),
    source_url: c.url('source_url'),
    notes: c.text('notes', 2000),
  };
  return c.result(value);
}

/**
 * A block group is its 12-digit Census GEOID (state 2, county 3, tract 6, block group 1), and it must
 * lie in a county of the row's ZIP: an invented or mistyped one would make a bucket of its own.
 */
function blockGroupOf(c: Cells, zip: string | null, ctx: RowContext): string {
  const value = c.raw('block_group');
  if (value === null) return '';
  if (!/^\d{12}$/.test(value)) {
    return (
      c.fail(
        'block_group',
        'is not a Census block group GEOID (12 digits: state, county, tract, block group)',
      ) ?? ''
    );
  }
  if (zip === null || !ctx.countiesByZip) return value;
  const counties = ctx.countiesByZip.get(zip);
  if (!counties || counties.size === 0) {
    return (
      c.fail('block_group', `cannot be checked: ZIP ${zip} has no ZCTA, so no county is known for it`) ?? ''
    );
  }
  if (!counties.has(value.slice(0, 5))) {
    return (
      c.fail('block_group', `lies in county ${value.slice(0, 5)}, which ZIP ${zip} does not reach`) ?? ''
    );
  }
  return value;
}

export function validatePropertyRow(record: RowRecord, row: number, ctx: RowContext): RowResult<PropertyRow> {
  const c = new Cells(record, row);
  const currentYear = ctx.currentYear ?? new Date().getUTCFullYear();
  const zip_code = c.zip('zip_code', ctx.zips, true);
  const block_group = blockGroupOf(c, zip_code, ctx);
  const lat = c.number('lat', -90, 90, false);
  const lon = c.number('lon', -180, 180, false);
  if ((lat === null) !== (lon === null) && !c.errors.some((e) => e.column === 'lat' || e.column === 'lon'))
    c.fail(lat === null ? 'lat' : 'lon', 'is empty while the other coordinate is set; give both or neither');
  const value: PropertyRow = {
    zip_code: zip_code ?? '',
    block_group,
    property_type: c.label('property_type'),
    ownership_type: c.label('ownership_type'),
    estimated_income_band: c.label('estimated_income_band'),
    lot_size_sqft: c.number('lot_size_sqft', 1, 100_000_000, false),
    year_built: c.number('year_built', 1700, currentYear, true),
    // Coarsened before anything else sees them: a point no longer pins one house.
    lat: lat === null || lon === null ? null : coarsenCoordinate(lat),
    lon: lat === null || lon === null ? null : coarsenCoordinate(lon),
  };
  return c.result(value);
}

/** The row validator of each import kind. */
export const ROW_VALIDATORS: Readonly<
  Record<ImportKind, (record: RowRecord, row: number, ctx: RowContext) => RowResult<unknown>>
> = {
  property: validatePropertyRow,
  events: validateEventRow,
  channels: validateChannelRow,
};

/**
 * One CSV data row as a record keyed by the normalised header (checkHeaders). A row with more or
 * fewer fields than the header is an error of that row (its record holds the fields that line up).
 */
export function recordFromCells(
  headers: readonly string[],
  cells: readonly string[],
  row: number,
): { record: RowRecord; errors?: RowError[] } {
  const record: Record<string, string> = {};
  const n = Math.min(cells.length, headers.length);
  for (let i = 0; i < n; i++) record[headers[i]] = cells[i];
  if (cells.length === headers.length) return { record };
  // A field that swallowed a line break points at the cause: an unclosed quote, or line endings that
  // change within the file (the parser splits rows at the first kind it sees).
  const lineBreak = cells.some((cell) => /[\r\n]/.test(cell));
  return {
    record,
    errors: [
      {
        row,
        column: headers[Math.max(0, n - 1)],
        reason:
          `the row has ${cells.length} fields where the header has ${headers.length}` +
          (lineBreak
            ? ' (a field holds a line break: is a quote (") left unclosed, or do the line endings change within the file?)'
            : ''),
      },
    ],
  };
}

/** `row 7, column "start_date": is not a date in the form YYYY-MM-DD` */
export function describeRowError(error: RowError, unit: 'row' | 'event' = 'row'): string {
  return `${unit} ${error.row}, column "${error.column}": ${error.reason}`;
}
