// ZIP codes are USPS delivery routes; the ACS publishes ZCTAs, which approximate the residential ones.
// This module maps one to the other from the UDS Mapper crosswalk and says, per ZIP, what happened.

export interface CrosswalkEntry {
  readonly zip: string;
  readonly po_name: string;
  readonly state: string;
  /** `Zip Code Area`, `Post Office or large volume customer`, … as in the source file. */
  readonly zip_type: string;
  /** null where the file says NA (territory ZIPs without a ZCTA). */
  readonly zcta: string | null;
  /** Raw join type from the source file, e.g. `Spatial join to ZCTA`. */
  readonly zip_join_type: string;
}

export type ZipCrosswalk = ReadonlyMap<string, CrosswalkEntry>;

export type ZipJoinType = 'zip_matches_zcta' | 'spatial_join' | 'no_zcta' | 'unknown_zip';

export interface ZipResolution {
  readonly zip: string;
  readonly zcta: string | null;
  readonly join_type: ZipJoinType;
  readonly po_name: string | null;
  readonly state: string | null;
  readonly zip_type: string | null;
  /** One sentence a user can read: what this ZIP maps to and why. */
  readonly note: string;
}

export const CROSSWALK_SOURCE = 'UDS Mapper 2022 ZIP code to ZCTA crosswalk';

const REQUIRED_COLUMNS = ['zip', 'po_name', 'state', 'zip_type', 'zcta', 'zip_join_type'] as const;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Reads the crosswalk CSV (`zip,po_name,state,zip_type,zcta,zip_join_type`) into a map keyed by ZIP. */
export function parseCrosswalk(csvText: string): Map<string, CrosswalkEntry> {
  const [header, ...lines] = parseCsv(csvText);
  if (!header) throw new Error('the ZIP-to-ZCTA crosswalk is empty');
  const index = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) throw new Error(`the ZIP-to-ZCTA crosswalk lacks columns: ${missing.join(', ')}`);

  const map = new Map<string, CrosswalkEntry>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) {
      throw new Error(`crosswalk line ${line}: ${cells.length} fields, expected ${header.length}`);
    }
    const zip = cells[index.zip].trim();
    if (!/^\d{5}$/.test(zip)) throw new Error(`crosswalk line ${line}: '${zip}' is not a 5-digit ZIP`);
    const rawZcta = cells[index.zcta].trim();
    const zcta = rawZcta === '' || rawZcta.toUpperCase() === 'NA' ? null : rawZcta;
    if (zcta !== null && !/^\d{5}$/.test(zcta)) {
      throw new Error(`crosswalk line ${line}: '${zcta}' is not a 5-digit ZCTA`);
    }
    map.set(zip, {
      zip,
      po_name: cells[index.po_name].trim(),
      state: cells[index.state].trim(),
      zip_type: cells[index.zip_type].trim(),
      zcta,
      zip_join_type: cells[index.zip_join_type].trim(),
    });
  });
  return map;
}

export type ZipFormatCheck =
  | { readonly valid: true; readonly zip: string; readonly note?: string }
  | { readonly valid: false; readonly input: string; readonly reason: string };

/** Accepts `19002`, ` 19002 `, `19002-1234` and `190021234` (ZIP+4 is cut to its ZIP). */
export function validateZipFormat(input: string): ZipFormatCheck {
  const text = String(input).trim();
  if (/^\d{5}$/.test(text)) return { valid: true, zip: text };
  const plus4 = /^(\d{5})-?(\d{4})$/.exec(text);
  if (plus4) return { valid: true, zip: plus4[1], note: `ZIP+4 '${text}' was read as ZIP ${plus4[1]}` };
  if (/^\d{3,4}$/.test(text)) {
    return {
      valid: false,
      input: text,
      reason: `'${text}' has ${text.length} digits; ZIP codes have 5 (a spreadsheet may have dropped leading zeros: ${text.padStart(5, '0')}?)`,
    };
  }
  // Only a short run of digits and separators is repeated ('19-02'): any other text could be anything
  // a person typed (a name, a phone number) and answers such as GET /trade-areas/preview are not
  // PII-checked, so it is described, never quoted.
  const reason = /^[\d\s.-]{1,8}$/.test(text)
    ? `'${text}' is not a 5-digit ZIP code`
    : 'is not a 5-digit ZIP code (it holds letters or other characters; the entry is not repeated here)';
  return { valid: false, input: text, reason };
}

function place(entry: CrosswalkEntry): string {
  return [entry.po_name, entry.state].filter((s) => s !== '').join(', ');
}

function resolveOne(zip: string, crosswalk: ZipCrosswalk): ZipResolution {
  const entry = crosswalk.get(zip);
  if (!entry) {
    return {
      zip,
      zcta: null,
      join_type: 'unknown_zip',
      po_name: null,
      state: null,
      zip_type: null,
      note: `ZIP ${zip} is not in the ${CROSSWALK_SOURCE}: it may be new, retired or mistyped, so it has no Census figures.`,
    };
  }
  const base = { zip, po_name: entry.po_name, state: entry.state, zip_type: entry.zip_type };
  const where = place(entry) ? ` (${place(entry)})` : '';
  const join = entry.zip_join_type.toLowerCase();

  if (entry.zcta === null) {
    const territory = join.includes('territory');
    return {
      ...base,
      zcta: null,
      join_type: 'no_zcta',
      note: territory
        ? `ZIP ${zip}${where} is a territory ZIP with no ZCTA: the ACS publishes no ZIP-level figures for it.`
        : `ZIP ${zip}${where} has no ZCTA (${entry.zip_join_type}): the ACS publishes no ZIP-level figures for it.`,
    };
  }
  if (join.startsWith('zip matches zcta')) {
    return {
      ...base,
      zcta: entry.zcta,
      join_type: 'zip_matches_zcta',
      note: `ZIP ${zip}${where} has its own ZCTA, ${entry.zcta}.`,
    };
  }
  if (join.startsWith('populated zcta')) {
    return {
      ...base,
      zcta: entry.zcta,
      join_type: 'zip_matches_zcta',
      note: `${zip} is a populated ZCTA that the 2022 USPS ZIP list does not carry; its own ZCTA figures are used.`,
    };
  }
  // PO-box-only and unique (single-organisation) ZIPs have no area of their own (DOMAIN.md).
  const poBoxOrUnique = /post office|large volume/i.test(entry.zip_type);
  const kind = poBoxOrUnique
    ? 'a PO-box or unique (single-organisation) ZIP with no ZCTA of its own'
    : 'a ZIP with no ZCTA of its own';
  const joinType: ZipJoinType =
    join.startsWith('spatial join') || entry.zcta !== zip ? 'spatial_join' : 'zip_matches_zcta';
  if (joinType === 'zip_matches_zcta') {
    return {
      ...base,
      zcta: entry.zcta,
      join_type: joinType,
      note: `ZIP ${zip}${where} has its own ZCTA, ${entry.zcta}.`,
    };
  }
  return {
    ...base,
    zcta: entry.zcta,
    join_type: 'spatial_join',
    note: `ZIP ${zip}${where} is ${kind}; it takes the figures of the ZCTA that contains it, ${entry.zcta}, which describe the surrounding area.`,
  };
}

/**
 * Resolves each ZIP to its ZCTA, in input order, one entry per distinct ZIP. Never fails the whole list
 * for one odd ZIP (Census Reporter does, #127): each ZIP says what happened to it.
 */
export function resolveZips(zips: readonly string[], crosswalk: ZipCrosswalk): ZipResolution[] {
  const seen = new Set<string>();
  const out: ZipResolution[] = [];
  for (const input of zips) {
    const check = validateZipFormat(input);
    const key = check.valid ? check.zip : check.input;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!check.valid) {
      out.push({
        zip: check.input,
        zcta: null,
        join_type: 'unknown_zip',
        po_name: null,
        state: null,
        zip_type: null,
        note: check.reason,
      });
      continue;
    }
    const resolved = resolveOne(check.zip, crosswalk);
    out.push(check.note ? { ...resolved, note: `${check.note}. ${resolved.note}` } : resolved);
  }
  return out;
}

/** Distinct ZCTAs to fetch for resolved ZIPs (several PO-box ZIPs can share one ZCTA), sorted. */
export function zctasToFetch(resolutions: readonly ZipResolution[]): string[] {
  return [...new Set(resolutions.flatMap((r) => (r.zcta === null ? [] : [r.zcta])))].sort();
}
