import type { ScoreComponent } from '@lbi/contracts';

import { formatByUnit } from './format';

/**
 * The main reason behind a score, from its components: the input that contributed most, with the
 * ZIP's value against the geography's. Reports carry written reasons (`why`); scores carry only these.
 */
export function topReason(components: readonly ScoreComponent[] | null | undefined): string | null {
  if (!Array.isArray(components) || components.length === 0) return null;
  const top = [...components].sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))[0];
  if (!top || typeof top.label !== 'string') return null;
  const unit = top.unit_of_measure ?? '';
  const value = formatByUnit(top.value, unit);
  const across =
    top.geography_value === null ? '' : ` (geography: ${formatByUnit(top.geography_value, unit)})`;
  return `${top.label}: ${value}${across}`;
}
