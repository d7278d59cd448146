// @lbi/pii: the PII vocabulary, key normalisation, value detectors and the checks built on them.
// Plain TypeScript with no imports: the API, the worker and the console (in the browser) all use it.

export { assertNoPii } from './assert-no-pii';
export { assertNoPiiHeaders, findPiiHeaders } from './assert-no-pii-headers';
export type { PiiHeaderOptions } from './assert-no-pii-headers';
export { coarsenCoordinate } from './coarsen-coordinate';
export { defaultValueScan } from './default-value-scan';
export { detectPiiValue, detectPiiValueKinds } from './detect-pii-value';
export type { PiiValueScan } from './detect-pii-value';
export { findPii } from './find-pii';
export { isPiiKey } from './is-pii-key';
export type { PiiKeyMatch } from './is-pii-key';
export { normaliseKey } from './normalise-key';
export type { PiiCheckOptions } from './pii-check-options';
export { PII_KEY_RULES } from './pii-key-vocabulary';
export type { PiiKeyRule } from './pii-key-vocabulary';
export { PII_KIND_LABELS } from './pii-kinds';
export type { PiiKeyKind, PiiKind, PiiValueKind, PiiViolationKind } from './pii-kinds';
export { describePiiViolation, formatPiiViolations } from './pii-violation';
export type { PiiViolation } from './pii-violation';
export { PiiViolationError } from './pii-violation-error';
