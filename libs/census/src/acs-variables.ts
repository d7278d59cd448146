// The ACS 5-year detailed-table variables the product reads, one entry per metric, and lookups by metric
// and by variable id. The tables themselves are listed in acs-tables.ts and acs-cross-tabs.ts.

import type { AcsVariable } from './acs-variable';
import { CORE, HEATING_FUEL, INCOME_BRACKETS, YEAR_BUILT } from './acs-tables';
import { CROSS_TABULATIONS, DISTRIBUTIONS } from './acs-cross-tabs';

export type { AcsKind, AcsUnit, AcsVariable } from './acs-variable';

/** Every metric the product knows, in a stable order. */
export const ACS_VARIABLES: readonly AcsVariable[] = [
  ...CORE,
  ...YEAR_BUILT,
  ...HEATING_FUEL,
  ...INCOME_BRACKETS,
  ...DISTRIBUTIONS,
  ...CROSS_TABULATIONS,
];

/** The metrics a Census refresh fetches by default (all of them). */
export const DEFAULT_ACS_METRICS: readonly string[] = ACS_VARIABLES.map((v) => v.metric);

/** Variable ids (estimate then MOE, per metric) a refresh requests by default; NAME is added by the planner. */
export const DEFAULT_ACS_VARIABLE_IDS: readonly string[] = ACS_VARIABLES.flatMap((v) => [v.estimate, v.moe]);

const BY_METRIC = new Map(ACS_VARIABLES.map((v) => [v.metric, v]));
const BY_VARIABLE = new Map<string, AcsVariable>(
  ACS_VARIABLES.flatMap((v) => [[v.estimate, v] as const, [v.moe, v] as const]),
);

export function acsVariableByMetric(metric: string): AcsVariable | undefined {
  return BY_METRIC.get(metric);
}

/** Looks up a metric by its estimate or MOE id. */
export function acsVariableById(variableId: string): AcsVariable | undefined {
  return BY_VARIABLE.get(variableId);
}

/** Estimate and MOE ids of the given metrics; throws on a metric the catalogue does not know. */
export function variableIdsForMetrics(metrics: readonly string[]): string[] {
  return metrics.flatMap((metric) => {
    const v = BY_METRIC.get(metric);
    if (!v) throw new Error(`unknown ACS metric '${metric}'`);
    return [v.estimate, v.moe];
  });
}

// Shape of an ACS detailed-table variable id (B/C tables, optional race-iteration letter, E/M plus the
// EA/MA annotation columns); used to refuse typos before they cost a request.
export const ACS_VARIABLE_ID_PATTERN = /^[BC]\d{5}[A-Z]?_\d{3}(E|M|EA|MA)$/;

export function isAcsVariableId(id: string): boolean {
  return ACS_VARIABLE_ID_PATTERN.test(id);
}
