import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { CROSSWALK_SOURCE, resolveZips, validateZipFormat, type ZipCrosswalk } from '@lbi/census';
import type { ZctaResolution } from './geography.entity';

/** How many wrong entries one error answer lists before it says "and N more". */
export const MAX_ZIP_ERRORS_LISTED = 20;

export type GeographyZipCheck =
  { ok: true; zips: string[]; resolution: ZctaResolution[] } | { ok: false; errors: string[] };

/**
 * Checks a geography's `zip_codes` entry by entry: each must be a 5-digit ZIP (ZIP+4 is read as its
 * ZIP, and the resolution says so) that the crosswalk knows. Duplicates are dropped, order is kept.
 * Every wrong entry is named with its index and the reason; nothing is accepted unless all are right.
 * Known ZIPs without a ZCTA (territories) are kept and flagged in the resolution.
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
    const where = `zip_codes[${index}]`;
    if (typeof entry !== 'string') {
      errors.push(
        `${where}: ${entry === null ? 'null' : typeof entry} is not a ZIP code; send each ZIP as a quoted 5-digit string such as "19002" (so leading zeros survive)`,
      );
      return;
    }
    const format = validateZipFormat(entry);
    if (!format.valid) {
      errors.push(`${where}: ${format.reason}`);
      return;
    }
    if (seen.has(format.zip)) return;
    if (!crosswalk.has(format.zip)) {
      errors.push(
        `${where}: '${format.zip}' is not a ZIP code in the ${CROSSWALK_SOURCE}; it may be mistyped, retired or newer than 2022`,
      );
      return;
    }
    seen.add(format.zip);
    zips.push(format.zip);
    if (format.note) notes.set(format.zip, format.note);
  });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_ZIP_ERRORS_LISTED);
    if (errors.length > listed.length)
      listed.push(`… and ${errors.length - listed.length} more wrong ZIP codes`);
    return { ok: false, errors: listed };
  }
  const resolution = resolveZips(zips, crosswalk).map((resolved): ZctaResolution => ({
    zip: resolved.zip,
    zcta: resolved.zcta,
    join_type: resolved.join_type,
    po_name: resolved.po_name,
    state: resolved.state,
    zip_type: resolved.zip_type,
    note: notes.has(resolved.zip) ? `${notes.get(resolved.zip)}. ${resolved.note}` : resolved.note,
  }));
  return { ok: true, zips, resolution };
}

export function tooManyZips(count: number): string {
  return `zip_codes may hold at most ${MAX_GEOGRAPHY_ZIPS.toLocaleString('en-US')} ZIP codes (got ${count.toLocaleString('en-US')}): split the area into several geographies`;
}
