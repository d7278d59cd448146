import type { ZipCrosswalk } from '@lbi/census';
import type { Geography } from '../geographies/geography.entity';

/** Up to this many of a geography's ZIPs are quoted when a channel's ZIP is not among them. */
const ZIPS_QUOTED = 10;

/** Why `zip` cannot be a channel's ZIP in `geography`, or null when it can. */
export function zipNotInGeography(zip: string, geography: Geography): string | null {
  if (geography.zipCodes.includes(zip)) return null;
  const quoted = geography.zipCodes.slice(0, ZIPS_QUOTED).join(', ');
  const more = geography.zipCodes.length > ZIPS_QUOTED ? `, … (${geography.zipCodes.length} in all)` : '';
  return `zip_code ${zip} is not one of the ZIP codes of geography "${geography.name}" (${quoted}${more}): add it to the geography first, or leave zip_code out`;
}

/** The post-office name and state of a ZIP: from the geography's stored resolution, else the crosswalk. */
export function placeOfZip(
  zip: string,
  geography: Geography,
  crosswalk: ZipCrosswalk,
): { city: string; state: string } | null {
  const stored = geography.zctaResolution?.find((entry) => entry.zip === zip);
  if (stored?.po_name && stored.state) return { city: stored.po_name, state: stored.state };
  const entry = crosswalk.get(zip);
  if (entry?.po_name && entry.state) return { city: entry.po_name, state: entry.state };
  return null;
}

/**
 * A channel's city and state: what the caller sent, each missing one taken from the ZIP. Returns an
 * error message when one is still missing.
 */
export function channelPlace(
  given: { city?: string; state?: string },
  zip: string | null,
  geography: Geography,
  crosswalk: ZipCrosswalk,
): { city: string; state: string } | { error: string } {
  if (given.city !== undefined && given.state !== undefined) return { city: given.city, state: given.state };
  if (zip === null) {
    return {
      error:
        'city and state are required when zip_code is not given (with a zip_code they are taken from the ZIP)',
    };
  }
  const place = placeOfZip(zip, geography, crosswalk);
  if (!place) return { error: `ZIP ${zip} has no post-office name in the crosswalk: send city and state` };
  return { city: given.city ?? place.city, state: given.state ?? place.state };
}
