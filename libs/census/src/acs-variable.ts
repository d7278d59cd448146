// One ACS 5-year detailed-table variable of the catalogue, and the builder every table list uses. The
// estimate id ends in E and its 90% margin of error is the same id ending in M (Census API convention).

export type AcsUnit = 'count' | 'dollars' | 'year' | 'years' | 'persons' | 'ratio';

// Medians and averages cannot be summed across ZCTAs; counts can (see moe.ts).
export type AcsKind = 'count' | 'median' | 'average';

export interface AcsVariable {
  /** Stable snake_case name used in storage and scoring; never renamed once shipped. */
  readonly metric: string;
  /** Detailed table id, e.g. B25003. */
  readonly table: string;
  /** Estimate variable id, e.g. B25003_002E. */
  readonly estimate: string;
  /** Margin-of-error variable id (90% confidence), e.g. B25003_002M. */
  readonly moe: string;
  readonly label: string;
  readonly unit: AcsUnit;
  readonly kind: AcsKind;
  /** Metric whose estimate is this one's universe, when a share makes sense (owner_occupied of occupied_units). */
  readonly of?: string;
}

/** Builds the E/M pair from the base id so the two can never drift apart. */
export function acs(
  metric: string,
  base: string,
  label: string,
  unit: AcsUnit,
  kind: AcsKind,
  of?: string,
): AcsVariable {
  const table = base.slice(0, base.indexOf('_'));
  return of === undefined
    ? { metric, table, estimate: `${base}E`, moe: `${base}M`, label, unit, kind }
    : { metric, table, estimate: `${base}E`, moe: `${base}M`, label, unit, kind, of };
}

/** Count lines of one table that share a universe: [metric, line number, label]. */
export function lines(
  table: string,
  universe: string,
  rows: readonly (readonly [string, string, string])[],
): AcsVariable[] {
  return rows.map(([metric, line, label]) =>
    acs(metric, `${table}_${line}`, label, 'count', 'count', universe),
  );
}
