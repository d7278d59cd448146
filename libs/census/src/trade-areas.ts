// Trade areas from the Census Gazetteer and the ZCTA ↔ county file: the ZCTAs within a radius of a
// point (great-circle distance between internal points), the ZCTAs of a set of counties and of a state.
// Pure functions of the parsed files (gazetteer.ts); the loaders read the bundled ones.
import { distanceMiles, type ZctaCountyPart, type ZctaGazetteer } from './gazetteer';

export interface RingZcta {
  readonly zcta: string;
  readonly lat: number;
  readonly lon: number;
  readonly land_sq_mi: number;
  /** From the centre to the ZCTA's internal point, miles, 2 decimals. */
  readonly distance_miles: number;
}

const MILES_PER_DEGREE_LAT = 69.05;

/**
 * ZCTAs whose internal point lies within `radiusMiles` of `centre`, nearest first (ties by ZCTA). A
 * latitude/longitude box rules most ZCTAs out before the haversine distance is computed.
 */
export function zctasWithinRadius(
  gazetteer: ZctaGazetteer,
  centre: { lat: number; lon: number },
  radiusMiles: number,
): RingZcta[] {
  const dLat = radiusMiles / MILES_PER_DEGREE_LAT;
  const cosLat = Math.max(Math.cos((centre.lat * Math.PI) / 180), 1e-6);
  const dLon = Math.min(180, radiusMiles / (MILES_PER_DEGREE_LAT * cosLat));
  const out: RingZcta[] = [];
  for (const place of gazetteer.places()) {
    if (Math.abs(place.lat - centre.lat) > dLat) continue;
    const lonGap = Math.abs(place.lon - centre.lon);
    if (Math.min(lonGap, 360 - lonGap) > dLon) continue;
    const distance = distanceMiles(centre, place);
    if (distance > radiusMiles) continue;
    out.push({ ...place, distance_miles: Math.round(distance * 100) / 100 });
  }
  return out.sort((a, b) => a.distance_miles - b.distance_miles || a.zcta.localeCompare(b.zcta));
}

export interface CountyZcta {
  readonly zcta: string;
  /** The county holding the largest part of the ZCTA's land. */
  readonly main_county: string;
  /** Share (0..1) of the ZCTA's land inside the chosen counties. */
  readonly land_share: number;
}

interface ZctaParts {
  readonly parts: ZctaCountyPart[];
  readonly land: number;
  readonly mainCounty: string;
}

/**
 * Which counties each ZCTA lies in. A ZCTA belongs to a county set when at least half of its land is
 * inside the set or its main county (the one with most of its land) is in it; it belongs to the state
 * of its main county, so every ZCTA is in exactly one state.
 */
export class ZctaCountyIndex {
  private readonly byZcta = new Map<string, ZctaParts>();
  private readonly byCounty = new Map<string, string[]>();

  constructor(parts: readonly ZctaCountyPart[]) {
    const grouped = new Map<string, ZctaCountyPart[]>();
    for (const part of parts) {
      const list = grouped.get(part.zcta) ?? [];
      list.push(part);
      grouped.set(part.zcta, list);
      const zctas = this.byCounty.get(part.county) ?? [];
      zctas.push(part.zcta);
      this.byCounty.set(part.county, zctas);
    }
    for (const [zcta, list] of grouped) {
      const main = [...list].sort(
        (a, b) => b.land_sq_mi - a.land_sq_mi || a.county.localeCompare(b.county),
      )[0];
      const land = list.reduce((sum, p) => sum + p.land_sq_mi, 0);
      this.byZcta.set(zcta, { parts: list, land, mainCounty: main.county });
    }
  }

  hasCounty(county: string): boolean {
    return this.byCounty.has(county);
  }

  mainCountyOf(zcta: string): string | undefined {
    return this.byZcta.get(zcta)?.mainCounty;
  }

  /** ZCTAs of the counties (5-digit FIPS), by ZCTA. */
  zctasInCounties(counties: readonly string[]): CountyZcta[] {
    const chosen = new Set(counties);
    const candidates = new Set(counties.flatMap((county) => this.byCounty.get(county) ?? []));
    const out: CountyZcta[] = [];
    for (const zcta of [...candidates].sort()) {
      const entry = this.byZcta.get(zcta) as ZctaParts;
      const inside = entry.parts.filter((p) => chosen.has(p.county)).reduce((s, p) => s + p.land_sq_mi, 0);
      const share = entry.land > 0 ? inside / entry.land : 1;
      if (share >= 0.5 || chosen.has(entry.mainCounty)) {
        out.push({ zcta, main_county: entry.mainCounty, land_share: Math.round(share * 1000) / 1000 });
      }
    }
    return out;
  }

  /** ZCTAs whose main county lies in the state (2-digit FIPS), sorted. */
  zctasInState(stateFips: string): string[] {
    return this.zctasInStates([stateFips]);
  }

  /** ZCTAs whose main county lies in any of the states (2-digit FIPS), sorted; one pass over the file. */
  zctasInStates(stateFips: readonly string[]): string[] {
    const states = new Set(stateFips);
    const out: string[] = [];
    for (const [zcta, entry] of this.byZcta) if (states.has(entry.mainCounty.slice(0, 2))) out.push(zcta);
    return out.sort();
  }

  /** Every ZCTA of the file, sorted. */
  allZctas(): string[] {
    return [...this.byZcta.keys()].sort();
  }
}
