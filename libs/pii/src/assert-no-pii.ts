import { findPii } from './find-pii';
import { PiiCheckOptions } from './pii-check-options';
import { PiiViolationError } from './pii-violation-error';

/** Throws a PiiViolationError listing every violation in `input` (see findPii); returns quietly otherwise. */
export function assertNoPii(input: unknown, options?: PiiCheckOptions): void {
  const violations = findPii(input, options);
  if (violations.length > 0) throw new PiiViolationError(violations);
}
