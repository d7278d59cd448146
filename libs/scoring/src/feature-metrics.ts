// Which Census metrics a category's features read, so a caller loading figures for tens of thousands of
// ZCTAs (a national scan) reads only those. Found by running each feature on a recording ZipData twice:
// once where every metric is present (the main path) and once where none is (every fallback).

import { requireCategory } from './categories';
import { type Measure, type ZipData, featureById, householdsOf } from './features';
import { addressableBaseOf } from './competition';

class RecordingMeasures extends Map<string, Measure> {
  constructor(
    private readonly seen: Set<string>,
    private readonly present: boolean,
  ) {
    super();
  }

  override get(metric: string): Measure | undefined {
    this.seen.add(metric);
    return this.present ? { value: 1, moe: 1 } : undefined;
  }

  override has(metric: string): boolean {
    this.seen.add(metric);
    return this.present;
  }
}

/** Census metrics the category's weighted features, households and addressable base read. */
export function censusMetricsOf(category: string, features: readonly string[] = []): string[] {
  const profile = requireCategory(category);
  const ids = [...new Set([...profile.features.map((f) => f.feature), ...features])];
  const seen = new Set<string>();
  for (const present of [true, false]) {
    const zip: ZipData = {
      zip_code: '00000',
      zcta: '00000',
      census: new RecordingMeasures(seen, present),
      property: null,
      upcoming_events: null,
      context: {
        land_sq_mi: 1,
        establishments: 1,
        distance_miles: 1,
        addressable_households: { value: 1, moe: 1 },
      },
    };
    for (const id of ids) featureById(id).compute(zip);
    householdsOf(zip);
    addressableBaseOf(zip, profile.addressable);
  }
  return [...seen].sort();
}
