// Number and date formatting shared by the pages: en-US, as the Census publishes.

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

export const formatInteger = (value: number | null | undefined): string =>
  missing(value) ? '—' : INTEGER.format(value);

export const formatDollars = (value: number | null | undefined): string =>
  missing(value) ? '—' : DOLLARS.format(value);

/** A share 0..1 as a percentage, e.g. 0.6398 -> 64.0%. */
export const formatShare = (value: number | null | undefined, digits = 1): string =>
  missing(value) ? '—' : `${(value * 100).toFixed(digits)}%`;

/** ± margin of error in the value's own unit. */
export function formatMoe(moe: number | null | undefined, kind: 'count' | 'share' | 'dollars'): string {
  if (missing(moe)) return '';
  if (kind === 'share') return `± ${(moe * 100).toFixed(1)} pts`;
  if (kind === 'dollars') return `± ${DOLLARS.format(moe)}`;
  return `± ${INTEGER.format(moe)}`;
}

/** A value in the unit a score component states (`share`, `dollars`/`usd`, `year`, `count`…). */
export function formatByUnit(value: number | null | undefined, unit: string): string {
  if (missing(value)) return '—';
  if (unit === 'share') return formatShare(value);
  if (unit === 'dollars' || unit === 'usd') return formatDollars(value);
  if (unit === 'year') return String(Math.round(value));
  return Math.abs(value) >= 100 ? INTEGER.format(value) : String(Number(value.toFixed(2)));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? '—' : DATE.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : DATE_TIME.format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "3 minutes ago", "2 days ago". */
export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const count = Math.floor(seconds / size);
      return `${count} ${name}${count === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}
