import type { ZctaResolutionResponse } from '@lbi/contracts';

/** One chip of the ZIP editor. */
export interface ZipEntry {
  /** What was typed or pasted (trimmed). */
  readonly text: string;
  /** The ZIP it reads as; null until checked or when it is no ZIP at all. */
  readonly zip: string | null;
  readonly state: 'checking' | 'valid' | 'invalid';
  /** The API's reason for refusing it. */
  readonly reason: string | null;
  readonly resolution: ZctaResolutionResponse | null;
}

/** Splits a typed or pasted list on commas, semicolons, spaces, tabs and new lines. */
export function splitZipList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The resolution without its kind (the tag says matched / mapped / no ZCTA): "ZCTA 19013". */
export function resolutionDetail(resolution: ZctaResolutionResponse | null): string {
  if (!resolution) return '';
  if (resolution.join_type === 'zip_matches_zcta') return `ZCTA ${resolution.zcta}`;
  if (resolution.join_type === 'spatial_join') {
    const kind = /post office|large volume/i.test(resolution.zip_type ?? '') ? 'a PO-box ZIP' : 'a ZIP';
    return `from ${kind} to ZCTA ${resolution.zcta}`;
  }
  return 'no Census figures for this ZIP';
}

/** In words: matched / mapped from a PO-box ZIP to ZCTA x / no ZCTA. */
export function resolutionText(resolution: ZctaResolutionResponse | null): string {
  if (!resolution) return '';
  if (resolution.join_type === 'zip_matches_zcta') return `Matched: ZCTA ${resolution.zcta}`;
  if (resolution.join_type === 'spatial_join') {
    const kind = /post office|large volume/i.test(resolution.zip_type ?? '') ? 'a PO-box ZIP' : 'a ZIP';
    return `Mapped from ${kind} to ZCTA ${resolution.zcta}`;
  }
  return 'No ZCTA: no Census figures for this ZIP';
}
