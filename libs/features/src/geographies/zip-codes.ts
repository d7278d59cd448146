import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { CROSSWALK_SOURCE, resolveZips, validateZipFormat, type ZipCrosswalk } from '@lbi/census';
import type { ZctaResolution } from './geography.entity';

/** How many wrong entries one error answer lists before it says "and N more". */
export const MAX_ZIP_ERRORS_LISTED = 20;

export type GeographyZipCheck =
  { ok: true; zips: string[]; resolution: ZctaResolution[] } | { ok: false; errors: string[] };

/** One entry of a ZIP list: the ZIP it reads as (with a note, e.g. for ZIP+4), or why it is refused. */
export type ZipEntryCheck = { ok: true; zip: string; note?: string } | { ok: false; reason: string };

/**
 * Checks one entry: a 5-digit ZIP (ZIP+4 is read as its ZIP and noted) that the crosswalk knows.
 * The reason names the entry's fault in words a person can act on.
 */
export function checkZipEntry(entry: unknown, crosswalk: ZipCrosswalk): ZipEntryCheck {
  if (typeof entry !== 'string') {
    return {
      ok: false,
      reason: `${entry === null ? 'null' : typeof entry} is not a ZIP code; send each ZIP as a quoted 5-digit string such as "19002" (so leading zeros survive)`,
    };
  }
  const format = validateZipFormat(entry);
  if (!format.valid) return { ok: false, reason: format.reason };
  if (!crosswalk.has(format.zip)) {
    return {
      ok: false,
      reason: `'${format.zip}' is not a ZIP code in the ${CROSSWALK_SOURCE}; it may be mistyped, retired or newer than 2022`,
    };
  }
  return format.note ? { ok: true, zip: format.zip, note: format.note } : { ok: true, zip: format.zip };
}

/**
 * Checks a geography's `zip_codes` entry by entry (checkZipEntry). Duplicates are dropped, order is
 * kept. Every wrong entry is named with its index and the reason; nothing is accepted unless all are
 * right. Known ZIPs without a ZCTA (territories) are kept and flagged in the resolution.
 */
export function checkGeographyZips(entries: readonly unknown[], crosswalk: ZipCrosswalk): GeographyZipCheck {
  if (entries.length > MAX_GEOGRAPHY_ZIPS) {
    return { ok: false, errors: [tooManyZips(entries.length)] };
  }
  const errors: string[] = [];
  const zips: string[] = [];
  const notes = new Map<string, string>();
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const check = checkZipEntry(entry, crosswalk);
    if (!check.ok) {
      errors.push(`zip_codes[${index}]: ${check.reason}`);
      return;
    }
    if (seen.has(check.zip)) return;
    seen.add(check.zip);
    zips.push(check.zip);
    if (check.note) notes.set(check.zip, check.note);
  });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_ZIP_ERRORS_LISTED);
    if (errors.length > listed.length)
      listed.push(`… and ${errors.length - listed.length} more wrong ZIP codes`);
    return { ok: false, errors: listed };
  }
  return { ok: true, zips, resolution: resolveWithNotes(zips, notes, crosswalk) };
}

/** One entry of POST /zip-codes/check: what it reads as, whether a geography would accept it, and why. */
export interface ZipListEntry {
  /** The 5-digit ZIP the entry reads as; null when it is not a ZIP at all. */
  zip: string | null;
  valid: boolean;
  /** Why the entry is refused; null when valid. */
  reason: string | null;
  /** Index of an earlier entry with the same ZIP (a geography keeps it once); null otherwise. */
  duplicate_of: number | null;
  /** How the ZIP maps to a Census ZCTA; null when refused. */
  resolution: ZctaResolution | null;
}

/**
 * Checks a ZIP list without saving anything: the same rules and reasons as checkGeographyZips, one
 * answer per entry, for an editor that validates each ZIP as it is typed or pasted.
 */
export function checkZipList(entries: readonly unknown[], crosswalk: ZipCrosswalk): ZipListEntry[] {
  const firstIndex = new Map<string, number>();
  return entries.map((input, index): ZipListEntry => {
    const check = checkZipEntry(input, crosswalk);
    if (!check.ok) {
      const format = typeof input === 'string' ? validateZipFormat(input) : null;
      const zip = format?.valid ? format.zip : null;
      return { zip, valid: false, reason: check.reason, duplicate_of: null, resolution: null };
    }
    const earlier = firstIndex.get(check.zip);
    if (earlier === undefined) firstIndex.set(check.zip, index);
    const notes = new Map(check.note ? [[check.zip, check.note]] : []);
    return {
      zip: check.zip,
      valid: true,
      reason: null,
      duplicate_of: earlier ?? null,
      resolution: resolveWithNotes([check.zip], notes, crosswalk)[0],
    };
  });
}

function resolveWithNotes(
  zips: string[],
  notes: ReadonlyMap<string, string>,
  crosswalk: ZipCrosswalk,
): ZctaResolution[] {
  return resolveZips(zips, crosswalk).map((resolved): ZctaResolution => ({
    zip: resolved.zip,
    zcta: resolved.zcta,
    join_type: resolved.join_type,
    po_name: resolved.po_name,
    state: resolved.state,
    zip_type: resolved.zip_type,
    note: notes.has(resolved.zip) ? `${notes.get(resolved.zip)}. ${resolved.note}` : resolved.note,
  }));
}

export function tooManyZips(count: number): string {
  return `zip_codes may hold at most ${MAX_GEOGRAPHY_ZIPS.toLocaleString('en-US')} ZIP codes (got ${count.toLocaleString('en-US')}): split the area into several geographies`;
}
