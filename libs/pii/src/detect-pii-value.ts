import { containsEmail } from './detect-email';
import { containsPhoneNumber } from './detect-phone-number';
import { containsSsn } from './detect-ssn';
import { containsStreetAddress } from './detect-street-address';
import { PiiValueKind } from './pii-kinds';

/**
 * How much of a value is scanned:
 * - `all`: every detector (free text: notes, names, descriptions, metadata strings);
 * - `email-only`: URLs and ids legitimately hold digit runs and words that look like phone numbers or
 *   addresses (`/events/2026/123-main-st-fair`), but an email address in them (`?contact=jane@x.com`,
 *   `mailto:`) is still PII;
 * - `none`: secrets (passwords, tokens, hashes) are never inspected, and reading them gains nothing.
 */
export type PiiValueScan = 'all' | 'email-only' | 'none';

const DETECTORS: readonly (readonly [PiiValueKind, (text: string) => boolean])[] = [
  ['email', containsEmail],
  ['ssn', containsSsn],
  ['phone-number', containsPhoneNumber],
  ['street-address', containsStreetAddress],
];

/** Every PII kind found in a free-text value, in a fixed order (email, ssn, phone-number, street-address). */
export function detectPiiValueKinds(value: string, scan: PiiValueScan = 'all'): PiiValueKind[] {
  if (scan === 'none') return [];
  const detectors = scan === 'email-only' ? DETECTORS.filter(([kind]) => kind === 'email') : DETECTORS;
  return detectors.filter(([, detect]) => detect(value)).map(([kind]) => kind);
}

/** The first PII kind found in a free-text value, or null. */
export function detectPiiValue(value: string): PiiValueKind | null {
  return detectPiiValueKinds(value)[0] ?? null;
}
