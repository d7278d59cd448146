// Turns a ring (a ZIP and a radius) or a set of counties into the ZIP codes a geography holds: the ZCTAs
// of the area (libs/census trade-areas.ts) mapped to their own ZIP in the crosswalk. Every refusal is a
// sentence that names the field to fix.
import {
  CROSSWALK_SOURCE,
  type ZctaCountyIndex,
  type ZctaGazetteer,
  type ZipCrosswalk,
  validateZipFormat,
  zctasWithinRadius,
} from '@lbi/census';
import {
  MAX_GEOGRAPHY_ZIPS,
  MAX_RING_RADIUS_MILES,
  MIN_RING_RADIUS_MILES,
  type TradeArea,
  type TradeAreaPreviewResponse,
  type TradeAreaPreviewZcta,
} from '@lbi/contracts';

export type TradeAreaResult = { ok: true; area: TradeAreaPreviewResponse } | { ok: false; errors: string[] };

export interface TradeAreaSources {
  readonly crosswalk: ZipCrosswalk;
  readonly gazetteer: ZctaGazetteer;
  readonly counties: ZctaCountyIndex;
}

/** Most counties one request may name. */
export const MAX_TRADE_AREA_COUNTIES = 500;

const NO_OWN_ZIP = `no ZIP of the ${CROSSWALK_SOURCE} has this ZCTA as its own area, so no geography can hold it`;

function tooMany(field: string, count: number, fix: string): string {
  return `${field}: the area holds ${count.toLocaleString('en-US')} ZIP codes, more than ${MAX_GEOGRAPHY_ZIPS.toLocaleString('en-US')}: ${fix}`;
}

/** ZCTAs -> the ZIPs a geography holds (each ZCTA's own ZIP); ZCTAs with none are listed as skipped. */
function withZips(
  trade_area: TradeArea,
  zctas: Omit<TradeAreaPreviewZcta, 'zip_code'>[],
  crosswalk: ZipCrosswalk,
): TradeAreaPreviewResponse {
  const out: TradeAreaPreviewZcta[] = [];
  const skipped: { zcta: string; reason: string }[] = [];
  for (const zcta of zctas) {
    const own = crosswalk.get(zcta.zcta)?.zcta === zcta.zcta;
    if (!own) skipped.push({ zcta: zcta.zcta, reason: NO_OWN_ZIP });
    out.push({ ...zcta, zip_code: own ? zcta.zcta : null });
  }
  const zip_codes = out.flatMap((z) => (z.zip_code ? [z.zip_code] : []));
  return { trade_area, zip_codes, zctas: out, skipped };
}

/**
 * The ZCTAs whose internal point lies within `radius` miles of the centre ZIP's ZCTA, nearest first.
 * `fields` names the inputs in messages (`around.zip_code` in a body, `zip_code` in a query).
 */
export function ringTradeArea(
  zipInput: unknown,
  radiusInput: unknown,
  sources: TradeAreaSources,
  fields: { zip: string; radius: string } = { zip: 'around.zip_code', radius: 'around.radius_miles' },
): TradeAreaResult {
  const errors: string[] = [];
  const radius =
    typeof radiusInput === 'string' && radiusInput.trim() !== '' ? Number(radiusInput) : radiusInput;
  if (
    typeof radius !== 'number' ||
    !Number.isFinite(radius) ||
    radius < MIN_RING_RADIUS_MILES ||
    radius > MAX_RING_RADIUS_MILES
  ) {
    errors.push(
      `${fields.radius} must be a number of miles from ${MIN_RING_RADIUS_MILES} to ${MAX_RING_RADIUS_MILES}`,
    );
  }
  let centre: { zip: string; zcta: string; lat: number; lon: number } | undefined;
  if (typeof zipInput !== 'string' || zipInput.trim() === '') {
    errors.push(`${fields.zip} must be the 5-digit ZIP code at the centre of the ring, e.g. "19087"`);
  } else {
    const format = validateZipFormat(zipInput);
    const entry = format.valid ? sources.crosswalk.get(format.zip) : undefined;
    if (!format.valid) {
      errors.push(`${fields.zip}: ${format.reason}`);
    } else if (!entry) {
      errors.push(`${fields.zip}: '${format.zip}' is not a ZIP code in the ${CROSSWALK_SOURCE}`);
    } else {
      const place = sources.gazetteer.get(entry.zcta);
      if (!entry.zcta || !place) {
        errors.push(
          `${fields.zip}: ZIP ${format.zip} has no ZCTA with a Census internal point, so it cannot be the centre of a ring; choose a nearby ZIP`,
        );
      } else {
        centre = { zip: format.zip, zcta: place.zcta, lat: place.lat, lon: place.lon };
      }
    }
  }
  if (errors.length > 0 || !centre) return { ok: false, errors };
  const radiusMiles = radius as number;
  const ring = zctasWithinRadius(sources.gazetteer, centre, radiusMiles);
  const area = withZips(
    {
      kind: 'ring',
      zip_code: centre.zip,
      zcta: centre.zcta,
      radius_miles: radiusMiles,
      lat: centre.lat,
      lon: centre.lon,
    },
    ring.map((z) => ({
      zcta: z.zcta,
      lat: z.lat,
      lon: z.lon,
      land_sq_mi: z.land_sq_mi,
      distance_miles: z.distance_miles,
    })),
    sources.crosswalk,
  );
  if (area.zip_codes.length > MAX_GEOGRAPHY_ZIPS) {
    return { ok: false, errors: [tooMany(fields.radius, area.zip_codes.length, 'use a smaller radius')] };
  }
  return { ok: true, area };
}

/**
 * The ZCTAs of a set of counties (5-digit FIPS): those with at least half their land in the set or
 * whose main county is in it. Each wrong entry is named with its index.
 */
export function countiesTradeArea(
  input: unknown,
  sources: TradeAreaSources,
  field = 'counties',
): TradeAreaResult {
  if (!Array.isArray(input) || input.length === 0) {
    return { ok: false, errors: [`${field} must list 5-digit county FIPS codes, e.g. ["42091", "42017"]`] };
  }
  if (input.length > MAX_TRADE_AREA_COUNTIES) {
    return {
      ok: false,
      errors: [`${field} may name at most ${MAX_TRADE_AREA_COUNTIES} counties (got ${input.length})`],
    };
  }
  const errors: string[] = [];
  const counties: string[] = [];
  input.forEach((entry, index) => {
    const where = `${field}[${index}]`;
    const text = typeof entry === 'string' ? entry.trim() : '';
    if (!/^\d{5}$/.test(text)) {
      errors.push(
        `${where} must be a 5-digit county FIPS code (state + county, e.g. "42091"), as a quoted string`,
      );
    } else if (!sources.counties.hasCounty(text)) {
      errors.push(
        `${where}: '${text}' is not a county FIPS code of the Census ZCTA-county relationship file`,
      );
    } else if (!counties.includes(text)) {
      counties.push(text);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const members = sources.counties.zctasInCounties(counties);
  const zctas = members.flatMap((member) => {
    const place = sources.gazetteer.get(member.zcta);
    return place
      ? [
          {
            zcta: member.zcta,
            lat: place.lat,
            lon: place.lon,
            land_sq_mi: place.land_sq_mi,
            main_county: member.main_county,
            land_share: member.land_share,
          },
        ]
      : [];
  });
  const area = withZips({ kind: 'counties', counties: [...counties].sort() }, zctas, sources.crosswalk);
  if (area.zip_codes.length === 0) {
    return {
      ok: false,
      errors: [`${field}: no ZCTA has most of its land in these counties; add a neighbouring county`],
    };
  }
  if (area.zip_codes.length > MAX_GEOGRAPHY_ZIPS) {
    return { ok: false, errors: [tooMany(field, area.zip_codes.length, 'choose fewer counties')] };
  }
  return { ok: true, area };
}
