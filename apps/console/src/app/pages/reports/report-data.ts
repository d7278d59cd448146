// Reading a report payload defensively: reports are immutable snapshots, and newer servers add fields
// (significance tiers, competition…). Every section takes what it understands and skips what is absent.

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const numberOr = (value: unknown, fallback: number | null = null): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

export const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** `{value, moe}` of the payload's Estimate shape. */
export function estimate(value: unknown): { value: number | null; moe: number | null } {
  if (!isRecord(value)) return { value: null, moe: null };
  return { value: numberOr(value['value']), moe: numberOr(value['moe']) };
}

/** `{min, max, household_weighted}` of a range of ZIP medians. */
export function range(value: unknown): { min: number | null; max: number | null; weighted: number | null } {
  if (!isRecord(value)) return { min: null, max: null, weighted: null };
  return {
    min: numberOr(value['min']),
    max: numberOr(value['max']),
    weighted: numberOr(value['household_weighted']),
  };
}

/** Fields of a top ZIP beyond the ones the view lays out (e.g. a significance tier), as label: value. */
export function extraFields(entry: Json, known: readonly string[]): { label: string; value: string }[] {
  return Object.entries(entry)
    .filter(([key, value]) => !known.includes(key) && ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => ({ label: humanize(key), value: String(value) }));
}

export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
