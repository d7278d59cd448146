// Groups the inputs by ZCTA: PO-box and unique ZIPs borrow their containing ZCTA's figures, so the
// ZCTA, not the ZIP, is what gets ranked and summed, each once, with the ZIPs that map to it listed.

import { isAnnotationCode } from '@lbi/census';

import type { CensusSignalInput, EventInput, PropertyAggregateInput } from './types';

export interface Measure {
  value: number;
  moe: number | null;
  /** The annotation code the API printed instead of an MOE (e.g. '-222222222'), when it did. */
  moe_code: string | null;
}

/** Everything known about one ZCTA of the geography (or one ZIP without a ZCTA), by metric. */
export interface ZipData {
  /** The ZCTA's own ZIP when the geography holds it, else the first of `zip_codes`. */
  zip_code: string;
  /** Every ZIP of the geography that maps to this ZCTA, sorted. */
  zip_codes: string[];
  zcta: string | null;
  census: Map<string, Measure>;
  property: PropertyAggregateInput | null;
  upcoming_events: number | null;
}

/** Census annotation codes (-666666666 etc.) are negative sentinels: never a value. */
export function isUsableNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > -100000000;
}

/** How many days ahead of as_of an event counts as upcoming for a ZIP's score. */
export const EVENT_HORIZON_DAYS = 180;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function eventMatchesCategory(e: EventInput, category: string): boolean {
  return e.category === null || e.category === '' || e.category === category || e.category === 'general';
}

/** An MOE cell: a number ≥ 0, an annotation code (-555555555 means exactly 0), or nothing. */
export function readMoe(raw: number | null): { moe: number | null; moe_code: string | null } {
  if (raw === null || !Number.isFinite(raw)) return { moe: null, moe_code: null };
  if (raw >= 0) return { moe: raw, moe_code: null };
  const code = String(Math.trunc(raw));
  if (code === '-555555555') return { moe: 0, moe_code: code };
  return { moe: null, moe_code: isAnnotationCode(code) ? code : null };
}

/** ZIP → ZCTA: the geography's resolution where it names the ZIP, else the ZCTA its signals carry. */
function zctaByZip(
  zipCodes: readonly string[],
  signals: readonly CensusSignalInput[],
  resolution: readonly { zip: string; zcta: string | null }[] | undefined,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const r of resolution ?? []) out.set(r.zip, r.zcta);
  const unresolved = new Set(zipCodes.filter((zip) => !out.has(zip)));
  for (const s of signals) {
    if (unresolved.size === 0) break;
    if (s.zcta && unresolved.delete(s.zip_code)) out.set(s.zip_code, s.zcta);
  }
  return out;
}

/** A census cell as a Measure: the MOE read as a figure or an annotation code. */
function measureOf(s: CensusSignalInput): Measure {
  const raw = s.margin_of_error;
  if (raw !== null && raw >= 0) return { value: s.value as number, moe: raw, moe_code: null };
  const { moe, moe_code } = readMoe(raw);
  return { value: s.value as number, moe, moe_code };
}

// Copies of one ZCTA's rows (one per ZIP of it) are identical; a true duplicate keeps the smallest
// (value, MOE, code), so the choice never depends on the order of the inputs.
function precedes(a: Measure, b: Measure): boolean {
  if (a.value !== b.value) return a.value < b.value;
  if (a.moe !== b.moe) return b.moe === null ? false : a.moe === null ? true : a.moe < b.moe;
  return (a.moe_code ?? '') < (b.moe_code ?? '');
}

/**
 * One ZipData per ZCTA of the geography (ZIPs without a ZCTA each get their own, with no figures),
 * keyed by its `zip_code`. Census rows of ZIPs sharing a ZCTA are copies: each metric is kept once.
 * Property aggregates of the ZIPs of a ZCTA are summed (their median year built weighted by count);
 * upcoming events are counted over all its ZIPs.
 */
export function collectZipData(
  zipCodes: readonly string[],
  signals: readonly CensusSignalInput[],
  properties: readonly PropertyAggregateInput[] | undefined,
  events: readonly EventInput[] | undefined,
  category: string,
  asOf: string,
  resolution?: readonly { zip: string; zcta: string | null }[],
): Map<string, ZipData> {
  const zips = [...new Set(zipCodes)].sort();
  const zctaOf = zctaByZip(zips, signals, resolution);
  const byKey = new Map<string, string[]>();
  for (const zip of zips) {
    const key = zctaOf.get(zip) ?? `zip:${zip}`;
    const list = byKey.get(key) ?? [];
    list.push(zip);
    byKey.set(key, list);
  }
  const unitOfZip = new Map<string, ZipData>();
  const out = new Map<string, ZipData>();
  for (const [key, list] of byKey) {
    const zcta = key.startsWith('zip:') ? null : key;
    const zip_code = zcta !== null && list.includes(zcta) ? zcta : list[0];
    const unit: ZipData = {
      zip_code,
      zip_codes: list,
      zcta,
      census: new Map(),
      property: null,
      upcoming_events: null,
    };
    out.set(zip_code, unit);
    for (const zip of list) unitOfZip.set(zip, unit);
  }

  for (const s of signals) {
    const unit = unitOfZip.get(s.zip_code);
    if (!unit || !isUsableNumber(s.value)) continue;
    const measure = measureOf(s);
    const current = unit.census.get(s.metric);
    if (!current || precedes(measure, current)) unit.census.set(s.metric, measure);
  }
  if (properties) {
    const byUnit = new Map<ZipData, PropertyAggregateInput[]>();
    for (const p of properties) {
      const unit = unitOfZip.get(p.zip_code);
      if (unit) byUnit.set(unit, [...(byUnit.get(unit) ?? []), p]);
    }
    for (const [unit, mine] of byUnit) unit.property = mergeProperties(unit.zip_code, mine);
  }
  if (events && events.length > 0) {
    const horizon = addDays(asOf, EVENT_HORIZON_DAYS);
    const today = asOf.slice(0, 10);
    for (const unit of out.values()) unit.upcoming_events = 0;
    for (const e of events) {
      if (!e.zip_code || !eventMatchesCategory(e, category)) continue;
      const unit = unitOfZip.get(e.zip_code);
      const start = e.start_date.slice(0, 10);
      const end = (e.end_date ?? e.start_date).slice(0, 10);
      if (unit && end >= today && start <= horizon) unit.upcoming_events = (unit.upcoming_events ?? 0) + 1;
    }
  }
  return out;
}

/** One aggregate per ZCTA: counts summed, the median year built weighted by property count. */
function mergeProperties(zip: string, list: readonly PropertyAggregateInput[]): PropertyAggregateInput {
  const sorted = [...list].sort((a, b) => (a.zip_code < b.zip_code ? -1 : a.zip_code > b.zip_code ? 1 : 0));
  if (sorted.length === 1) return sorted[0];
  const count = sorted.reduce((s, p) => s + p.property_count, 0);
  const dated = sorted.filter((p) => isUsableNumber(p.median_year_built) && p.property_count > 0);
  const datedCount = dated.reduce((s, p) => s + p.property_count, 0);
  const owners = sorted.filter((p) => isUsableNumber(p.owner_occupied_count));
  return {
    zip_code: zip,
    property_count: count,
    median_year_built:
      datedCount > 0
        ? dated.reduce((s, p) => s + (p.median_year_built as number) * p.property_count, 0) / datedCount
        : null,
    owner_occupied_count:
      owners.length > 0 ? owners.reduce((s, p) => s + (p.owner_occupied_count as number), 0) : null,
  };
}
