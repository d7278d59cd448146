// Snaps a latitude or longitude to a grid so a CSV row's point no longer pins one house: 0.01 degree is
// about 1.1 km of latitude. Deterministic rounding rather than random jitter: jitter re-randomised on
// every import can be averaged away, and it makes imports non-repeatable.

/** Decimal places of the step (0.01 -> 2, 0.25 -> 2, 1e-3 -> 3), used to drop floating-point noise. */
function decimalsOf(step: number): number {
  const [mantissa, exponent] = step.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

export function coarsenCoordinate(value: number, step = 0.01): number {
  if (!Number.isFinite(step) || step <= 0)
    throw new RangeError('The coarsening step must be a positive number.');
  if (!Number.isFinite(value)) throw new RangeError('A coordinate must be a finite number.');
  const decimals = decimalsOf(step);
  // Round half away from zero on the magnitude so -40.005 and 40.005 land symmetrically; the toFixed(9)
  // absorbs binary noise such as 0.285 / 0.01 = 28.499999999999996.
  const cells = Math.round(Number((Math.abs(value) / step).toFixed(9)));
  const snapped = Number((cells * step).toFixed(decimals));
  return snapped === 0 ? 0 : Math.sign(value) * snapped;
}
