// Numbers as a client reads them: each with its unit and, where it is an estimate, its ± 90% margin;
// a top- or bottom-coded median as its code ("$250,000+", "1939 or earlier"), never as a figure.
// Fixed to en-US so a payload reads the same on any server.

import { type Censoring, censoredLabel } from '@lbi/census';

import type { FeatureUnit } from './features';

/** 1234567 → "1,234,567" (en-US grouping; hand-written because Intl is slow in per-ZIP loops). */
export function formatInteger(x: number): string {
  const n = Math.round(x);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
export const formatDollars = (x: number): string => `$${formatInteger(x)}`;
/** Whole percent; one decimal under 10% so a 1.5% share does not read as 2%. */
export const formatPercent = (x: number): string =>
  Math.abs(x) < 0.1 && x !== 0 ? `${(x * 100).toFixed(1)}%` : `${Math.round(x * 100)}%`;

const SINGULAR: Record<string, string> = {
  events: 'event',
  properties: 'property',
  households: 'household',
  people: 'person',
};

/** A count with its noun: "1 event", "0.04 events" (an average under 10 keeps its decimals), "22,838 households". */
export function formatCount(value: number, noun?: string): string {
  const fractional = Math.abs(value) < 10 && !Number.isInteger(value);
  const number = fractional ? value.toFixed(Math.abs(value) < 1 ? 2 : 1) : formatInteger(value);
  if (!noun) return number;
  return `${number} ${value === 1 ? (SINGULAR[noun] ?? noun) : noun}`;
}

/** A value in its unit: 89%, $243,500, 1955, 41.2 years, 22,838 households. */
export function formatValue(unit: FeatureUnit, value: number, noun?: string): string {
  switch (unit) {
    case 'share':
      return formatPercent(value);
    case 'dollars':
      return formatDollars(value);
    case 'year':
      return String(Math.round(value));
    case 'years':
      return `${value.toFixed(1)} years`;
    default:
      return formatCount(value, noun);
  }
}

/** A margin in the value's unit: 4.3 pts, $12,000, 3 years, 679. */
export function formatMargin(unit: FeatureUnit, moe: number): string {
  switch (unit) {
    case 'share':
      return `${(moe * 100).toFixed(1)} pts`;
    case 'dollars':
      return formatDollars(moe);
    case 'year':
      return `${Math.max(1, Math.round(moe))} ${Math.max(1, Math.round(moe)) === 1 ? 'year' : 'years'}`;
    case 'years':
      return `${moe.toFixed(1)} years`;
    default:
      return formatInteger(moe);
  }
}

export interface Displayable {
  unit: FeatureUnit;
  value: number;
  moe: number | null;
  censored?: Censoring | null;
  /** The published median's metric, to read its top or bottom code. */
  metric?: string;
  noun?: string;
}

/** "89% ± 4.3 pts", "$243,500", "22,838 ± 679 households", "$250,000+", "1939 or earlier". */
export function display(d: Displayable): string {
  if (d.censored) {
    const label = d.metric ? censoredLabel(d.metric, d.censored) : null;
    if (label) return label;
    const bound = formatValue(d.unit, d.value);
    return d.censored === 'top' ? `${bound} or more` : `${bound} or less`;
  }
  if (d.moe === null || !Number.isFinite(d.moe)) return formatValue(d.unit, d.value, d.noun);
  if (d.unit === 'count' && d.noun)
    return `${formatInteger(d.value)} ± ${formatMargin(d.unit, d.moe)} ${d.noun}`;
  if (d.unit === 'years') return `${d.value.toFixed(1)} ± ${formatMargin(d.unit, d.moe)}`;
  return `${formatValue(d.unit, d.value)} ± ${formatMargin(d.unit, d.moe)}`;
}
