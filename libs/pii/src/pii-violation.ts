import { PII_KIND_LABELS, PiiKind, PiiViolationKind } from './pii-kinds';

/** One finding. Deliberately has no field for the value: violations get logged and shown to users. */
export interface PiiViolation {
  /** Where: `owner_name`, `metadata.contact.ownerName`, `rows[3].notes`; a key that itself looks like PII is `[redacted]`. */
  readonly path: string;
  readonly kind: PiiViolationKind;
}

/** How many violations an error message lists before summarising the rest. */
const LISTED_VIOLATIONS = 5;

export function describePiiViolation(violation: PiiViolation): string {
  const [kind, source] = violation.kind.split(' ') as [PiiKind, 'key' | 'value'];
  const field = violation.path === '' ? 'the value' : `field "${violation.path}"`;
  const verb = source === 'key' ? 'looks like' : 'contains';
  return `${field} ${verb} ${PII_KIND_LABELS[kind]} (${source})`;
}

/** `PII is not accepted: field "owner_name" looks like a person name (key). Remove it and try again.` */
export function formatPiiViolations(violations: readonly PiiViolation[]): string {
  if (violations.length === 0) return 'PII is not accepted.';
  const listed = violations.slice(0, LISTED_VIOLATIONS).map(describePiiViolation);
  const more = violations.length - listed.length;
  if (more > 0) listed.push(`and ${more} more`);
  const pronoun = violations.length === 1 ? 'it' : 'them';
  return `PII is not accepted: ${listed.join('; ')}. Remove ${pronoun} and try again.`;
}
