// The kinds of PII the guard recognises. Kinds are stable identifiers (callers and tests match on them);
// the labels are the words people read in error messages.

export type PiiKind =
  | 'email'
  | 'phone-number'
  | 'person-name'
  | 'street-address'
  | 'unit-number'
  | 'ssn'
  | 'date-of-birth'
  | 'social-handle'
  | 'drivers-licence'
  | 'passport';

/** Kinds a key name can reveal: every kind. */
export type PiiKeyKind = PiiKind;

/** Kinds the value detectors find in free text (names cannot be told from organisation names, so none). */
export type PiiValueKind = Extract<PiiKind, 'email' | 'phone-number' | 'ssn' | 'street-address'>;

/** What a violation is: `person-name key` (the field's name says it holds PII) or `phone-number value`. */
export type PiiViolationKind = `${PiiKeyKind} key` | `${PiiValueKind} value`;

export const PII_KIND_LABELS: Readonly<Record<PiiKind, string>> = {
  email: 'an email address',
  'phone-number': 'a phone number',
  'person-name': 'a person name',
  'street-address': 'a street address',
  'unit-number': 'an apartment or unit number',
  ssn: 'a Social Security number',
  'date-of-birth': 'a date of birth',
  'social-handle': 'a social media handle or username',
  'drivers-licence': "a driver's licence number",
  passport: 'a passport number',
};
