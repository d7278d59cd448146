// The report's competition section: competing establishments (ZIP Code Business Patterns) in each top
// ZIP and across the geography, per 1,000 addressable households, and the demand-to-supply gap, with
// the caveats the source needs. Each ZCTA is counted once in the geography's totals.

import type { CompetitionSection } from '@lbi/contracts';

import { addressableCellOf, addressableHouseholds } from './buyer-profile';
import type { CategoryProfile } from './categories';
import { competitorsOf } from './competitors';
import type { ZipScoreResult } from './types';
import type { ZipData } from './zip-data';

/** What the caller knows about the establishment counts it supplied in the ZIP context. */
export interface BusinessInput {
  /** Reference year of the counts (ZIP Code Business Patterns). */
  year: string | null;
  /** The counts come from the bundled snapshot, not the live API. */
  snapshot?: boolean;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Puts each ZCTA's addressable households into its context, for the competition feature and section. */
export function setAddressableHouseholds(zips: Iterable<ZipData>, profile: CategoryProfile): void {
  for (const zip of zips) {
    zip.context = { ...zip.context, addressable_households: addressableCellOf(zip, profile.addressable) };
  }
}

interface Tally {
  establishments: number;
  addressable: number | null;
}

function ratios(t: Tally) {
  const per1000 =
    t.addressable && t.addressable > 0 ? round((t.establishments / t.addressable) * 1000, 2) : null;
  const perEstablishment =
    t.addressable !== null && t.establishments > 0 ? Math.round(t.addressable / t.establishments) : null;
  return { per1000, perEstablishment };
}

export function competitionSection(input: {
  profile: CategoryProfile;
  asOf: string;
  top: readonly ZipScoreResult[];
  data: ReadonlyMap<string, ZipData>;
  business: BusinessInput | null | undefined;
}): CompetitionSection | null {
  const competitors = competitorsOf(input.profile.id);
  if (!input.business || !competitors) return null;
  if (![...input.data.values()].some((z) => typeof z.context?.establishments === 'number')) return null;

  // The geography: each ZCTA once (the engine's units are ZCTAs, PO-box ZIPs listed under theirs); its
  // addressable households summed as the buyer profile sums them, with the same basis.
  const counted = [...input.data.values()].filter((z) => typeof z.context?.establishments === 'number');
  const addressable = addressableHouseholds(input.profile.addressable, counted);
  const geography: Tally = {
    establishments: counted.reduce((s, z) => s + (z.context.establishments as number), 0),
    addressable: addressable.value,
  };
  const whole = ratios(geography);

  const zips = input.top.map((r) => {
    const z = input.data.get(r.zip_code);
    const establishments = typeof z?.context?.establishments === 'number' ? z.context.establishments : null;
    const base = z?.context?.addressable_households ?? null;
    const own = ratios({ establishments: establishments ?? 0, addressable: base?.value ?? null });
    const gap =
      own.perEstablishment !== null && whole.perEstablishment !== null && whole.perEstablishment > 0
        ? round(own.perEstablishment / whole.perEstablishment, 2)
        : null;
    return {
      zip_code: r.zip_code,
      zcta: r.zcta,
      establishments,
      addressable_households: base ? Math.round(base.value) : null,
      per_1000_households: establishments === null ? null : own.per1000,
      households_per_establishment: own.perEstablishment,
      demand_supply_gap: gap,
      note:
        establishments === 0
          ? 'No published establishment in this ZCTA: Business Patterns leave out cells of fewer than 3, so 0 means 0 to 2 per ZIP.'
          : establishments === null
            ? 'No establishment count for this ZCTA.'
            : null,
    };
  });

  const year = input.business.year;
  const age = year ? Number(input.asOf.slice(0, 4)) - Number(year) : null;
  const caveats = [
    `Counts are of the category's industries (${competitors.naics.map((n) => `${n.code} ${n.label}`).join('; ')}): ${competitors.note}`,
    'Establishments are counted where they are located, not where they work: a contractor based in one ZIP serves many.',
    'Business Patterns do not publish a ZIP × industry cell of fewer than 3 establishments, so every count is a floor; sole proprietors without employees are not in Business Patterns at all.',
    `Rates are per 1,000 addressable households: ${addressable.basis} (ACS 5-year estimates with their margins of error).`,
    year
      ? `The counts are for ${year}, published about 18 months after their year${age !== null && age > 0 ? `: ${age} year${age === 1 ? '' : 's'} before this report` : ''}; businesses opened or closed since are not in them.`
      : 'The year of the counts is not known.',
    'The demand-to-supply gap is a ZIP’s addressable households per establishment over the geography’s: above 1, more households per competitor than across the geography.',
  ];
  if (input.business.snapshot) {
    caveats.push(
      'The counts come from the bundled ZIP Code Business Patterns 2022 snapshot for Pennsylvania (the live Census API was unreachable); ZIPs outside Pennsylvania have none.',
    );
  }
  return {
    naics: competitors.naics.map((n) => n.code),
    industries: competitors.naics.map((n) => ({ code: n.code, label: n.label })),
    year,
    basis: addressable.basis,
    zips,
    geography: {
      establishments: geography.establishments,
      addressable_households: addressable.value,
      per_1000_households: whole.per1000,
      households_per_establishment: whole.perEstablishment,
      zctas_counted: counted.length,
    },
    caveats,
  };
}
