import { containsEmail } from './detect-email';
import { containsPhoneNumber } from './detect-phone-number';
import { containsSsn } from './detect-ssn';
import { containsStreetAddress } from './detect-street-address';
import { labelledNumberKinds } from './detect-labelled-number';
import { normaliseText } from './normalise-text';
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

/**
 * Every PII kind found in a free-text value, in a fixed order (email, ssn, phone-number, street-address).
 * The text is normalised first (normaliseText), and numbers labelled as an SSN or a phone count too.
 */
export function detectPiiValueKinds(value: string, scan: PiiValueScan = 'all'): PiiValueKind[] {
  if (scan === 'none') return [];
  const text = normaliseText(value);
  const detectors = scan === 'email-only' ? DETECTORS.filter(([kind]) => kind === 'email') : DETECTORS;
  const found = new Set(detectors.filter(([, detect]) => detect(text)).map(([kind]) => kind));
  if (scan === 'all') labelledNumberKinds(text).forEach((kind) => found.add(kind));
  return DETECTORS.map(([kind]) => kind).filter((kind) => found.has(kind));
}

/** The first PII kind found in a free-text value, or null. */
export function detectPiiValue(value: string): PiiValueKind | null {
  return detectPiiValueKinds(value)[0] ?? null;
}
