// Shared by the scoring specs: the real Philadelphia-suburb figures as engine inputs.

import { type PhillyRow, loadPhillyRows, phillySignals } from './philly-fixture';
import type { ReportInput } from './types';

export const rows = loadPhillyRows();
export const signals = phillySignals(rows);
export const allZips = rows.map((r) => r.zcta);
export const byZip = new Map<string, PhillyRow>(rows.map((r) => [r.zcta, r]));
export const AS_OF = '2026-11-26';

export const geography = (zips: readonly string[] = allZips): ReportInput['geography'] => ({
  id: 'geo-philly',
  name: 'Philadelphia suburbs',
  zip_codes: zips,
  zcta_resolution: zips.map((z) => ({ zip: z, zcta: z })),
});

export const ownerShare = (z: string): number =>
  (byZip.get(z)!.values.B25003_002E as number) / (byZip.get(z)!.values.B25003_001E as number);
export const renterShare = (z: string): number =>
  (byZip.get(z)!.values.B25003_003E as number) / (byZip.get(z)!.values.B25003_001E as number);
export const yearBuilt = (z: string): number => byZip.get(z)!.values.B25035_001E as number;

/** The weighted mean over the ZIPs that have the value (year built: no -666666666), weighted by `weight`. */
export function weightedAverage(
  f: (z: string) => number,
  valid: (z: string) => boolean = () => true,
  weight = 'B25003_001E',
): number {
  let num = 0;
  let den = 0;
  for (const z of allZips.filter(valid)) {
    const w = byZip.get(z)!.values[weight] ?? 0;
    if (w <= 0) continue;
    num += f(z) * w;
    den += w;
  }
  return num / den;
}

export const avg = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
export const validYear = (z: string): boolean => yearBuilt(z) > 0;

/** Deterministic Fisher-Yates with a linear congruential generator. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
