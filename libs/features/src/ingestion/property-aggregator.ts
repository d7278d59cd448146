import { PropertyRow } from '@lbi/contracts';

// Property rows are never stored: they are folded into aggregates per ZIP and per (ZIP, block group)
// as they stream past. Medians come from counts per distinct value, so memory grows with the number
// of distinct values (years, lot sizes), never with the number of rows.
//
// No aggregate may describe a handful of homes: a block-group bucket of fewer than
// MIN_PROPERTIES_PER_AGGREGATE properties is not kept on its own (its rows still count in the ZIP's
// aggregate), and a ZIP with fewer is withheld altogether. The run's summary says how many.

/** The smallest number of properties an aggregate may describe. */
export const MIN_PROPERTIES_PER_AGGREGATE = 10;

export interface PropertyAggregateValues {
  zip_code: string;
  /** '' for the whole ZIP. */
  block_group: string;
  property_count: number;
  median_year_built: number | null;
  median_lot_size_sqft: number | null;
  property_type_mix: Record<string, number>;
  ownership_mix: Record<string, number>;
  income_band_mix: Record<string, number>;
  centroid_lat: number | null;
  centroid_lon: number | null;
}

class Bucket {
  count = 0;
  readonly yearBuilt = new Map<number, number>();
  readonly lotSize = new Map<number, number>();
  readonly propertyTypes = new Map<string, number>();
  readonly ownership = new Map<string, number>();
  readonly incomeBands = new Map<string, number>();
  latSum = 0;
  lonSum = 0;
  coordinates = 0;

  add(row: PropertyRow): void {
    this.count++;
    if (row.year_built !== null) bump(this.yearBuilt, row.year_built);
    if (row.lot_size_sqft !== null) bump(this.lotSize, row.lot_size_sqft);
    if (row.property_type !== null) bump(this.propertyTypes, row.property_type);
    if (row.ownership_type !== null) bump(this.ownership, row.ownership_type);
    if (row.estimated_income_band !== null) bump(this.incomeBands, row.estimated_income_band);
    if (row.lat !== null && row.lon !== null) {
      this.latSum += row.lat;
      this.lonSum += row.lon;
      this.coordinates++;
    }
  }
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Median of a multiset given as value -> count (the mean of the two middle values for an even size). */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return null;
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const lowIndex = Math.floor((total - 1) / 2);
  const highIndex = Math.floor(total / 2);
  let seen = 0;
  let low: number | null = null;
  for (const [value, n] of sorted) {
    if (low === null && lowIndex < seen + n) low = value;
    if (highIndex < seen + n) return ((low ?? value) + value) / 2;
    seen += n;
  }
  return low;
}

function mix(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

export class PropertyAggregator {
  private readonly buckets = new Map<string, Bucket>();
  rows = 0;

  add(row: PropertyRow): void {
    this.rows++;
    this.bucket(row.zip_code, '').add(row);
    if (row.block_group !== '') this.bucket(row.zip_code, row.block_group).add(row);
  }

  private bucket(zip: string, blockGroup: string): Bucket {
    const key = `${zip}|${blockGroup}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Buckets left out by the last results(): block groups folded into their ZIP, ZIPs withheld. */
  withheld = { block_groups: 0, zips: 0 };

  /**
   * One aggregate per ZIP (block_group '') and per (ZIP, block group), in a stable order, leaving
   * out every bucket of fewer than MIN_PROPERTIES_PER_AGGREGATE properties (see `withheld`).
   */
  results(): PropertyAggregateValues[] {
    const zipCounts = new Map<string, number>();
    for (const [key, bucket] of this.buckets) {
      if (key.endsWith('|')) zipCounts.set(key.slice(0, -1), bucket.count);
    }
    this.withheld = { block_groups: 0, zips: 0 };
    return [...this.buckets.entries()]
      .filter(([key, b]) => {
        const [zip, blockGroup] = key.split('|');
        const zipLargeEnough = (zipCounts.get(zip) ?? 0) >= MIN_PROPERTIES_PER_AGGREGATE;
        if (blockGroup === '') {
          if (!zipLargeEnough) this.withheld.zips += 1;
          return zipLargeEnough;
        }
        const keep = zipLargeEnough && b.count >= MIN_PROPERTIES_PER_AGGREGATE;
        if (!keep) this.withheld.block_groups += 1;
        return keep;
      })
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, b]) => {
        const [zip_code, block_group] = key.split('|');
        return {
          zip_code,
          block_group,
          property_count: b.count,
          median_year_built: medianOfCounts(b.yearBuilt),
          median_lot_size_sqft: medianOfCounts(b.lotSize),
          property_type_mix: mix(b.propertyTypes),
          ownership_mix: mix(b.ownership),
          income_band_mix: mix(b.incomeBands),
          // Mean of points already on the 0.01° grid, rounded back to it: never finer than the input.
          centroid_lat: b.coordinates > 0 ? round(b.latSum / b.coordinates, 2) : null,
          centroid_lon: b.coordinates > 0 ? round(b.lonSum / b.coordinates, 2) : null,
        };
      });
  }
}

/** Owner-occupied share of the rows that state an ownership type (`owner`, `owner_occupied`, ...). */
export function ownerOccupiedShare(ownership: Record<string, number>): number | null {
  let owners = 0;
  let total = 0;
  for (const [type, n] of Object.entries(ownership)) {
    total += n;
    if (/^owner|owner[ _-]?occupied/.test(type)) owners += n;
  }
  return total === 0 ? null : round(owners / total, 4);
}

/** The PROPERTY signals of one ZIP aggregate (metric -> value). */
export function propertySignalMetrics(aggregate: PropertyAggregateValues): Record<string, number | null> {
  return {
    property_count: aggregate.property_count,
    median_year_built: aggregate.median_year_built,
    median_lot_size_sqft: aggregate.median_lot_size_sqft,
    owner_occupied_share: ownerOccupiedShare(aggregate.ownership_mix),
  };
}
