// One report, one ACS vintage: rows of other releases are left out, never mixed in, and the ZIPs the
// report's release has no figures for are named.

import type { CensusSignalInput } from './types';

export interface VintageSelection {
  /** The report's vintage: the one asked for, else the newest the signals carry, else null (unknown). */
  vintage: string | null;
  signals: readonly CensusSignalInput[];
  /** ZIPs that have rows of other vintages only, with those vintages. */
  other_vintage_zips: Map<string, string[]>;
}

export function selectVintage(
  signals: readonly CensusSignalInput[],
  wanted: string | null | undefined,
): VintageSelection {
  const tagged = signals.filter((s) => s.vintage !== undefined && s.vintage !== null);
  if (tagged.length === 0)
    return { vintage: wanted ?? null, signals: [...signals], other_vintage_zips: new Map() };
  const vintage = wanted ?? [...new Set(tagged.map((s) => s.vintage as string))].sort().at(-1)!;
  const kept: CensusSignalInput[] = [];
  const inVintage = new Set<string>();
  const others = new Map<string, Set<string>>();
  for (const s of signals) {
    if (s.vintage === undefined || s.vintage === null || s.vintage === vintage) {
      kept.push(s);
      inVintage.add(s.zip_code);
    } else {
      const set = others.get(s.zip_code) ?? new Set<string>();
      set.add(s.vintage);
      others.set(s.zip_code, set);
    }
  }
  const otherVintageZips = new Map<string, string[]>();
  for (const [zip, set] of others) if (!inVintage.has(zip)) otherVintageZips.set(zip, [...set].sort());
  return { vintage, signals: kept, other_vintage_zips: otherVintageZips };
}
