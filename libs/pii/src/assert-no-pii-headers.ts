import { detectPiiValueKinds } from './detect-pii-value';
import { isPiiKey } from './is-pii-key';
import { PiiCheckOptions } from './pii-check-options';
import { PiiViolation } from './pii-violation';
import { PiiViolationError } from './pii-violation-error';

// CSV headers are keys: one refused column refuses the file before any row is read (Google DLP's
// hotword idea: a PII header taints the whole column).

export type PiiHeaderOptions = Pick<PiiCheckOptions, 'allowKeys'>;

export function findPiiHeaders(headers: readonly string[], options: PiiHeaderOptions = {}): PiiViolation[] {
  const allowed = new Set(options.allowKeys ?? []);
  const violations: PiiViolation[] = [];
  headers.forEach((raw, index) => {
    const header = raw.replace(/^\uFEFF/, '').trim();
    if (header === '') return;
    // A header that is itself an email or phone number (a pasted data row) is named by position only.
    const content = detectPiiValueKinds(header);
    if (content.length > 0) {
      content.forEach((kind) => violations.push({ path: `column ${index + 1}`, kind: `${kind} value` }));
      return;
    }
    if (allowed.has(header)) return;
    const match = isPiiKey(header);
    if (match) violations.push({ path: header, kind: `${match.kind} key` });
  });
  return violations;
}

/** Throws a PiiViolationError naming every refused column; returns quietly otherwise. */
export function assertNoPiiHeaders(headers: readonly string[], options?: PiiHeaderOptions): void {
  const violations = findPiiHeaders(headers, options);
  if (violations.length > 0) throw new PiiViolationError(violations);
}
