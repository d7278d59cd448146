import { PiiViolation, formatPiiViolations } from './pii-violation';

/** Thrown by the assert functions; the API answers it with 400 and `message` (which never holds a value). */
export class PiiViolationError extends Error {
  override readonly name = 'PiiViolationError';
  readonly violations: readonly PiiViolation[];

  constructor(violations: readonly PiiViolation[]) {
    super(formatPiiViolations(violations));
    this.violations = violations;
  }
}
