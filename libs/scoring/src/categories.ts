// The service-category registry: which ZIP features matter to each category and how much, when its
// buyers buy, how far ahead to market and which institutional channel types reach them. Rationale and
// sources: docs/CATEGORIES.md (the profiles are in categories-*.ts). Seasonality figures are trade-blog
// rules of thumb (DOMAIN.md).

import { EXTERIOR_CATEGORIES } from './categories-exterior';
import { HOUSEHOLD_CATEGORIES } from './categories-household';
import { SYSTEMS_CATEGORIES } from './categories-systems';
import type { CategoryProfile } from './category-types';

export * from './category-types';

// The order the API lists them in.
const ORDER = [
  'roofing',
  'hvac',
  'solar',
  'lawn_landscaping',
  'pest_control',
  'pool_spa',
  'remodeling',
  'plumbing',
  'windows_doors',
  'exterior_painting',
  'gutters',
  'moving',
  'home_security',
  'senior_in_home_care',
  'window_cleaning',
];

export const CATEGORIES: readonly CategoryProfile[] = [
  ...EXTERIOR_CATEGORIES,
  ...SYSTEMS_CATEGORIES,
  ...HOUSEHOLD_CATEGORIES,
].sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): CategoryProfile | undefined {
  return BY_ID.get(id);
}

export function requireCategory(id: string): CategoryProfile {
  const c = BY_ID.get(id);
  if (!c) throw new RangeError(`unknown category '${id}'; known: ${CATEGORIES.map((x) => x.id).join(', ')}`);
  return c;
}
