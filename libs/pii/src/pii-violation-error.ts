import { PiiViolation, formatPiiViolations } from './pii-violation';

/** Thrown by the assert functions; callers map it to a 422 with `message` (which never holds a value). */
export class PiiViolationError extends Error {
  override readonly name = 'PiiViolationError';
  readonly violations: readonly PiiViolation[];

  constructor(violations: readonly PiiViolation[]) {
    super(formatPiiViolations(violations));
    this.violations = violations;
  }
}
