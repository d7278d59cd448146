// Which Census metrics a category's features read, so a caller loading figures for tens of thousands of
// ZCTAs (a national scan) reads only those. Found by running each feature on a recording ZipData twice:
// once where every metric is present (the main path) and once where none is (every fallback).

import { medianDefinition } from '@lbi/census';

import { addressableCellOf } from './buyer-profile';
import { requireCategory } from './categories';
import { featureById, householdsOf } from './features';
import type { Measure, ZipData } from './zip-data';

class RecordingMeasures extends Map<string, Measure> {
  constructor(
    private readonly seen: Set<string>,
    private readonly present: boolean,
  ) {
    super();
  }

  override get(metric: string): Measure | undefined {
    this.seen.add(metric);
    return this.present ? { value: 1, moe: 1, moe_code: null } : undefined;
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
      zip_codes: ['00000'],
      zcta: '00000',
      census: new RecordingMeasures(seen, present),
      property: null,
      upcoming_events: null,
      context: {
        land_sq_mi: 1,
        establishments: 1,
        distance_miles: 1,
        addressable_households: { value: 1, moe: 1, moe_code: null },
      },
    };
    for (const id of ids) {
      const def = featureById(id);
      def.compute(zip);
      def.parts?.(zip);
      // A feature's fallback (used when no ZCTA has the feature) reads metrics too.
    }
    for (const fw of profile.features) if (fw.fallback) featureById(fw.fallback.feature).compute(zip);
    householdsOf(zip);
    addressableCellOf(zip, profile.addressable);
    // Medians compare with a geography figure pooled from their bracket table, or weighted by their
    // universe: those metrics are read too (libs/census acs-medians.ts).
    for (const id of ids) {
      const spec = medianDefinition(featureById(id).median ?? '');
      if (!spec) continue;
      spec.universe.forEach((metric) => zip.census.get(metric));
      if (spec.distribution) {
        zip.census.get(spec.distribution.total);
        spec.distribution.brackets.forEach((b) => zip.census.get(b.metric));
      }
    }
  }
  return [...seen].sort();
}
