// Where each ZCTA is and how large it is: the Census Gazetteer file (internal point, land area) and
// the ZCTA ↔ county relationship file, parsed into compact typed arrays (33,791 ZCTAs in ~1.2 MB).
// Pure: parsing works on any text; gazetteer-loader.ts reads the bundled files.

export const GAZETTEER_SOURCE = 'Census Gazetteer file for ZCTAs (2020 ZCTA5, 2025 edition)';

/** Mean Earth radius in miles, as DOMAIN.md uses for great-circle distances. */
export const EARTH_RADIUS_MILES = 3958.8;

export interface ZctaPlace {
  readonly zcta: string;
  /** Internal point (INTPTLAT / INTPTLONG), degrees. */
  readonly lat: number;
  readonly lon: number;
  /** Land area in square miles (ALAND_SQMI). */
  readonly land_sq_mi: number;
}

const SLOTS = 100_000;

/** ZCTA positions and land areas keyed by the ZCTA's 5-digit number (NaN where no ZCTA exists). */
export class ZctaGazetteer {
  private readonly lat = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly lon = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly land = new Float64Array(SLOTS).fill(Number.NaN);
  private count = 0;

  set(zcta: string, lat: number, lon: number, landSqMi: number): void {
    const slot = slotOf(zcta);
    if (slot === undefined) throw new Error(`'${zcta}' is not a 5-digit ZCTA`);
    if (Number.isNaN(this.lat[slot])) this.count += 1;
    this.lat[slot] = lat;
    this.lon[slot] = lon;
    this.land[slot] = landSqMi;
  }

  get size(): number {
    return this.count;
  }

  has(zcta: string): boolean {
    const slot = slotOf(zcta);
    return slot !== undefined && !Number.isNaN(this.lat[slot]);
  }

  get(zcta: string | null | undefined): ZctaPlace | undefined {
    const slot = zcta ? slotOf(zcta) : undefined;
    if (slot === undefined || Number.isNaN(this.lat[slot])) return undefined;
    return { zcta: zcta as string, lat: this.lat[slot], lon: this.lon[slot], land_sq_mi: this.land[slot] };
  }

  /** Every ZCTA in ascending order. */
  *places(): IterableIterator<ZctaPlace> {
    for (let slot = 0; slot < SLOTS; slot++) {
      if (Number.isNaN(this.lat[slot])) continue;
      yield {
        zcta: String(slot).padStart(5, '0'),
        lat: this.lat[slot],
        lon: this.lon[slot],
        land_sq_mi: this.land[slot],
      };
    }
  }
}

function slotOf(zcta: string): number | undefined {
  return /^\d{5}$/.test(zcta) ? Number(zcta) : undefined;
}

/**
 * Parses the pipe-delimited Gazetteer file
 * (`GEOID|GEOIDFQ|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG`; the real file pads the
 * last header name with spaces).
 */
export function parseGazetteer(text: string): ZctaGazetteer {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('|').map((name) => name.trim().toUpperCase());
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`the Gazetteer file lacks the column ${name}`);
    return index;
  };
  const geoid = column('GEOID');
  const land = column('ALAND_SQMI');
  const lat = column('INTPTLAT');
  const lon = column('INTPTLONG');
  const gazetteer = new ZctaGazetteer();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const cells = line.split('|');
    const values = [Number(cells[lat]), Number(cells[lon]), Number(cells[land])];
    if (cells.length < header.length || values.some((v) => !Number.isFinite(v))) {
      throw new Error(`Gazetteer line ${i + 1}: expected ${header.length} fields with numbers`);
    }
    gazetteer.set(cells[geoid].trim(), values[0], values[1], values[2]);
  }
  return gazetteer;
}

/** Great-circle (haversine) distance in miles between two points given in degrees. */
export function distanceMiles(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One row of the ZCTA ↔ county relationship: the part of a ZCTA's land inside one county. */
export interface ZctaCountyPart {
  readonly zcta: string;
  /** 5-digit county FIPS (state + county). */
  readonly county: string;
  readonly land_sq_mi: number;
}

/** Parses `ZCTA5,County GEOID,Land Area,Water Area` into rows, in file order. */
export function parseZctaCounties(text: string): ZctaCountyPart[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim());
  const zcta = header.indexOf('ZCTA5');
  const county = header.indexOf('County GEOID');
  const land = header.indexOf('Land Area');
  if (zcta < 0 || county < 0 || land < 0) {
    throw new Error('the ZCTA-county file needs the columns ZCTA5, County GEOID and Land Area');
  }
  const parts: ZctaCountyPart[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',');
    const row = { zcta: cells[zcta], county: cells[county], land_sq_mi: Number(cells[land]) };
    if (!/^\d{5}$/.test(row.zcta) || !/^\d{5}$/.test(row.county) || !Number.isFinite(row.land_sq_mi)) {
      throw new Error(`ZCTA-county line ${i + 1}: expected a 5-digit ZCTA, a 5-digit county and an area`);
    }
    parts.push(row);
  }
  return parts;
}
