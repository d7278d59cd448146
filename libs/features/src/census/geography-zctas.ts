import { loadCrosswalk, resolveZips, ZipCrosswalk, ZipResolution } from '@lbi/census';
import type { ZctaResolution } from '../geographies/geography.entity';

export interface GeographyZipsInput {
  readonly zipCodes: readonly string[];
  readonly zctaResolution?: readonly ZctaResolution[] | null;
}

export interface GeographyZctas {
  /** One entry per distinct ZIP of the geography, in its order. */
  readonly resolutions: readonly ZctaResolution[];
  /** ZCTA -> the geography's ZIPs that take its figures (PO-box ZIPs share their containing ZCTA). */
  readonly zipsByZcta: ReadonlyMap<string, readonly string[]>;
  /** Distinct ZCTAs to fetch, sorted. */
  readonly zctas: readonly string[];
  /** ZIPs with no ZCTA at all (unknown, territory): they get no Census figures and say why. */
  readonly zipsWithoutZcta: readonly { zip: string; note: string }[];
  /** ZIPs that use another ZCTA's figures (PO-box, unique or spatially joined ZIPs), with why. */
  readonly borrowedZcta: readonly { zip: string; zcta: string; note: string }[];
}

function fromCrosswalk(r: ZipResolution): ZctaResolution {
  return { zip: r.zip, zcta: r.zcta, join_type: r.join_type, note: r.note };
}

/**
 * The geography's ZIPs mapped to ZCTAs: the stored resolution where it covers a ZIP (made when the
 * geography was saved), the bundled crosswalk for ZIPs it does not cover (e.g. added by an edit).
 */
export async function resolveGeographyZctas(
  geography: GeographyZipsInput,
  crosswalk?: ZipCrosswalk,
): Promise<GeographyZctas> {
  const stored = new Map<string, ZctaResolution>();
  for (const r of geography.zctaResolution ?? []) if (r && typeof r.zip === 'string') stored.set(r.zip, r);
  const zips = [...new Set(geography.zipCodes)];
  const missing = zips.filter((zip) => !stored.has(zip));
  if (missing.length > 0) {
    const table = crosswalk ?? (await loadCrosswalk());
    for (const r of resolveZips(missing, table)) stored.set(r.zip, fromCrosswalk(r));
  }
  const resolutions = zips.map((zip) => stored.get(zip) as ZctaResolution);
  const zipsByZcta = new Map<string, string[]>();
  const zipsWithoutZcta: { zip: string; note: string }[] = [];
  const borrowedZcta: { zip: string; zcta: string; note: string }[] = [];
  for (const r of resolutions) {
    if (!r.zcta) {
      zipsWithoutZcta.push({ zip: r.zip, note: r.note ?? `ZIP ${r.zip} has no ZCTA (${r.join_type})` });
      continue;
    }
    const list = zipsByZcta.get(r.zcta) ?? [];
    list.push(r.zip);
    zipsByZcta.set(r.zcta, list);
    if (r.zcta !== r.zip) {
      borrowedZcta.push({
        zip: r.zip,
        zcta: r.zcta,
        note: r.note ?? `ZIP ${r.zip} has no ZCTA of its own and takes the figures of ZCTA ${r.zcta}`,
      });
    }
  }
  return {
    resolutions,
    zipsByZcta,
    zctas: [...zipsByZcta.keys()].sort(),
    zipsWithoutZcta,
    borrowedZcta,
  };
}
