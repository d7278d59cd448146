// Features of where a ZCTA is rather than who lives there: households per square mile of land (Census
// Gazetteer), distance from the geography's centre, and competing establishments per 1,000 addressable
// households (ZIP Code Business Patterns). The caller supplies the per-ZIP context; the engine adds the
// features to a category's profile when their inputs are there (weights and rationale: CATEGORIES.md).

import type { Direction, FeatureWeight } from './category-types';
import type { FeatureDef, FeatureValue } from './features';
import type { Measure, ZipData } from './zip-data';

/** What the caller knows about a ZIP beyond its Census figures. */
export interface ZipContext {
  /** Land area of the ZIP's ZCTA, square miles (Census Gazetteer). */
  land_sq_mi?: number | null;
  /** Miles from the geography's centre to the ZCTA's internal point. */
  distance_miles?: number | null;
  /** Competing establishments in the ZCTA for the category's NAICS codes (a floor: cells under 3 are not published). */
  establishments?: number | null;
  /** Set by the engine: the category's addressable households in the ZCTA (its published count). */
  addressable_households?: Measure | null;
}

export const DENSITY_FEATURE = 'household_density';
export const DISTANCE_FEATURE = 'distance_from_centre';
export const COMPETITION_FEATURE = 'competitors_per_1000_households';

/** Weight of "fewer competitors" in every profile when establishment counts are supplied. */
export const COMPETITION_FEATURE_WEIGHT = 0.1;
/** Weight of "closer ZIPs first" when a report asks for it. */
export const DISTANCE_FEATURE_WEIGHT = 0.15;

/** Categories whose buyers' density matters, and which way (rationale in docs/CATEGORIES.md). */
export const DENSITY_WEIGHTS: Readonly<Record<string, { weight: number; direction: Direction }>> = {
  // Fewer households per square mile: larger lots, more lawn per customer.
  lawn_landscaping: { weight: 0.1, direction: 'low' },
  // Attached and close-packed homes share pests; short routes between stops.
  pest_control: { weight: 0.1, direction: 'high' },
  // Property crime runs higher in urban areas (BJS, NCVS); installers' routes are short.
  home_security: { weight: 0.1, direction: 'high' },
  // Route density: more homes per mile of driving between jobs.
  window_cleaning: { weight: 0.1, direction: 'high' },
};

const usable = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const exact = (value: number): Measure => ({ value, moe: 0, moe_code: null });

/** numerator / denominator with the handbook's ratio MOE (the numerator exact, the denominator sampled). */
function ratio(num: Measure, den: Measure): FeatureValue | null {
  if (den.value <= 0) return null;
  const value = num.value / den.value;
  const moe = den.moe === null ? null : (Math.abs(value) * den.moe) / den.value;
  return { value, moe, moe_code: den.moe === null ? den.moe_code : null, censored: null };
}

/**
 * The three features, given the engine's households accessor (so "households" means one thing
 * everywhere). Density and competition are ratios the geography pools (Σ numerators / Σ denominators);
 * land area and establishment counts carry no sampling error, households do.
 */
export function tradeAreaFeatures(householdsOf: (zip: ZipData) => Measure | null): FeatureDef[] {
  const densityParts = (z: ZipData) => {
    const households = householdsOf(z);
    const land = z.context?.land_sq_mi;
    return households && usable(land) && land > 0 ? { num: households, den: exact(land) } : null;
  };
  const competitionParts = (z: ZipData) => {
    const base = z.context?.addressable_households;
    const establishments = z.context?.establishments;
    return base && base.value > 0 && usable(establishments)
      ? { num: exact(establishments * 1000), den: base }
      : null;
  };
  return [
    {
      id: DENSITY_FEATURE,
      label: 'Households per square mile of land',
      phrase: 'households per square mile of land',
      unit: 'density',
      source: 'census',
      kind: 'share',
      parts: densityParts,
      compute: (z) => {
        const parts = densityParts(z);
        if (!parts) return null;
        const { num, den } = parts;
        return {
          value: num.value / den.value,
          moe: num.moe === null ? null : num.moe / den.value,
          moe_code: num.moe_code,
          censored: null,
        };
      },
    },
    {
      id: DISTANCE_FEATURE,
      label: "Distance from the geography's centre",
      unit: 'miles',
      source: 'geography',
      kind: 'count',
      compute: (z) =>
        usable(z.context?.distance_miles)
          ? { value: z.context.distance_miles, moe: null, moe_code: null, censored: null }
          : null,
    },
    {
      id: COMPETITION_FEATURE,
      label: 'Competing establishments per 1,000 addressable households',
      phrase: 'competing establishments per 1,000 addressable households',
      unit: 'rate',
      source: 'business',
      kind: 'share',
      parts: competitionParts,
      compute: (z) => {
        const parts = competitionParts(z);
        return parts ? ratio(parts.num, parts.den) : null;
      },
    },
  ];
}

/** The trade-area features a category's profile gains for these ZCTAs' inputs. */
export function tradeAreaWeights(category: string, zips: Iterable<ZipData>): FeatureWeight[] {
  let land = false;
  let distance = false;
  let business = false;
  for (const z of zips) {
    land ||= usable(z.context?.land_sq_mi);
    distance ||= usable(z.context?.distance_miles);
    business ||= usable(z.context?.establishments);
  }
  const out: FeatureWeight[] = [];
  const density = DENSITY_WEIGHTS[category];
  if (density && land) out.push({ feature: DENSITY_FEATURE, ...density });
  if (distance) out.push({ feature: DISTANCE_FEATURE, weight: DISTANCE_FEATURE_WEIGHT, direction: 'low' });
  if (business)
    out.push({ feature: COMPETITION_FEATURE, weight: COMPETITION_FEATURE_WEIGHT, direction: 'low' });
  return out;
}
