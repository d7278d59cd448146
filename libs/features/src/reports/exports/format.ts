// Number and date wording shared by the PDF brief. Fixed to en-US and UTC so the same payload renders
// the same text on any server.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const MISSING = 'n/a';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : integer.format(value);
}

export function formatDollars(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? MISSING
    : `$${integer.format(value)}`;
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? MISSING
    : `${Math.round(value * 100)}%`;
}

/** "74,310 ± 1,240"; the MOE is left out when the engine could not derive one. */
export function withMoe(value: string, moe: string | null): string {
  return moe === null || moe === MISSING ? value : `${value} ± ${moe}`;
}

/** A share's MOE in percentage points: "80% ± 1.1 pts". */
export function formatSharePoints(moe: number | null): string | null {
  return moe === null || !Number.isFinite(moe) ? null : `${(moe * 100).toFixed(1)} pts`;
}

/** "13 Mar 2027" from an ISO date or timestamp, read as written (no time-zone shift). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

export function range(min: string, max: string): string {
  if (min === MISSING && max === MISSING) return MISSING;
  return min === max ? min : `${min} – ${max}`;
}

/** "civic_association" -> "Civic association" */
export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
