import { PiiKeyKind } from './pii-kinds';

// The key vocabulary is data: rules over the tokens normaliseKey() produces (lower case, split on case,
// digits and punctuation, glued compounds split). A phrase is space-separated tokens; `#` stands for a
// number token. Plurals in PII_PLURAL_FOLDS are folded to the singular before matching.
//
// Column-name scanners flag any `name`, `zip`, `city` or `state`; we must not. So:
// - `name` is PII only next to a person word (`owner name`, `name first`): `event_name`, `hoa_name`, a
//   channel's `name`, `po_name`, `file_name` pass.
// - Role nouns (owner, resident...) are PII only as the key's head noun (its last word): `property_owner`
//   and `owner` fail, `owner_occupied` passes. Their plurals are NOT folded: `owners` / `residents` are
//   aggregate counts.
// - Unit words: singular `unit` / `apartment` / `suite` as the whole key or followed by a number word
//   (`unit`, `unit_number`, `unit #`) name a dwelling; plural `units` counts housing units
//   (`units_in_structure`, `units_1_detached`) and passes. `apt` is only ever a dwelling, so it fails anywhere.
// - `mobile` / `cell` are phones only as the head noun or before a number word: `mobile_home` (housing type)
//   and `mobile_app_installs` pass, `owner_mobile` and `cell_number` fail.
// - Social platforms are PII as the whole key, the head noun or before an account word (`facebook_url`,
//   `instagram_handle`); marketing metrics such as `facebook_ads_reach` pass.
// - `mail` alone is an email; `direct_mail` (a channel type) passes.

export interface PiiKeyRule {
  readonly kind: PiiKeyKind;
  /** Phrases that make the key PII wherever they occur in it. */
  readonly anywhere?: readonly string[];
  /** Phrases that make the key PII only when they are the whole key (a trailing number is ignored). */
  readonly wholeKey?: readonly string[];
  /** Phrases that make the key PII when they end it (trailing numbers ignored), unless it is a boolean flag. */
  readonly endsKey?: readonly string[];
  /** Phrases that cancel an `anywhere` match they overlap: a `web address` is a URL. */
  readonly except?: readonly string[];
}

/** Words that make a following (or, with `of`, preceding) `name` a person's name. */
export const PERSON_NAME_QUALIFIERS: readonly string[] = [
  'first',
  'last',
  'full',
  'given',
  'family',
  'sur',
  'middle',
  'maiden',
  'nick',
  'owner',
  'homeowner',
  'resident',
  'contact',
  'person',
  'customer',
  'buyer',
  'occupant',
  'landlord',
  'member',
  'recipient',
  'spouse',
];

/** Words allowed between a person qualifier and `name`: `owner_legal_name`. */
export const NAME_MODIFIERS: readonly string[] = [
  'legal',
  'display',
  'preferred',
  'printed',
  'real',
  'complete',
];

/** Role nouns that are a person when they head the key (`property_owner`), not when they modify it. */
export const PERSON_ROLE_NOUNS: readonly string[] = [
  'owner',
  'homeowner',
  'resident',
  'occupant',
  'landlord',
  'contact person',
];

/** Keys that start with these are boolean flags (`is_homeowner`), not a person's name. */
export const BOOLEAN_KEY_PREFIXES: readonly string[] = ['is', 'has', 'was'];

const SOCIAL_PLATFORMS: readonly string[] = [
  'twitter',
  'instagram',
  'facebook',
  'linkedin',
  'tiktok',
  'snapchat',
];
const SOCIAL_ACCOUNT_WORDS: readonly string[] = [
  'handle',
  'username',
  'user',
  'name',
  'profile',
  'account',
  'id',
  'url',
  'page',
  'link',
];
const NUMBER_WORDS: readonly string[] = ['number', 'no', 'num', 'nbr', 'nr'];

function personNamePhrases(): string[] {
  const qualifiers = PERSON_NAME_QUALIFIERS.flatMap((q) => [q, `${q}s`]);
  return qualifiers.flatMap((q) => [
    `${q} name`,
    `name ${q}`,
    `name of ${q}`,
    ...NAME_MODIFIERS.map((m) => `${q} ${m} name`),
  ]);
}

function withNumberWords(words: readonly string[]): string[] {
  return words.flatMap((w) => NUMBER_WORDS.map((n) => `${w} ${n}`));
}

/** Ordered: the first rule that matches names the kind (`email_address` is an email, not an address). */
export const PII_KEY_RULES: readonly PiiKeyRule[] = [
  {
    kind: 'email',
    anywhere: ['email', 'mail address', 'mail addr', 'mail id'],
    wholeKey: ['mail'],
  },
  {
    kind: 'ssn',
    anywhere: ['ssn', 's s n', 'social security', ...withNumberWords(['ss'])],
  },
  {
    kind: 'date-of-birth',
    anywhere: [
      'dob',
      'd o b',
      'birthday',
      'birth date',
      'birth day',
      'birth dt',
      'date of birth',
      'day of birth',
      'birth year',
      'year of birth',
      'yob',
    ],
  },
  {
    kind: 'drivers-licence',
    anywhere: [
      ...['driver', 'drivers', 'driving'].flatMap((d) =>
        ['licence', 'license', 'lic', 'permit'].map((l) => `${d} ${l}`),
      ),
      ...withNumberWords(['dl']),
    ],
  },
  {
    kind: 'passport',
    anywhere: ['passport'],
  },
  {
    kind: 'phone-number',
    anywhere: ['phone', 'telephone', 'tel', 'fax', 'whatsapp', ...withNumberWords(['mobile', 'cell'])],
    endsKey: ['mobile', 'cell'],
  },
  {
    kind: 'social-handle',
    anywhere: [
      'username',
      'user name',
      'screen name',
      'social handle',
      'social media handle',
      'social account',
      'social media account',
      'social profile',
      'social media profile',
      ...SOCIAL_PLATFORMS.flatMap((p) => SOCIAL_ACCOUNT_WORDS.map((w) => `${p} ${w}`)),
    ],
    wholeKey: SOCIAL_PLATFORMS,
    endsKey: [...SOCIAL_PLATFORMS, 'handle'],
  },
  {
    kind: 'person-name',
    anywhere: [
      'surname',
      'fname',
      'lname',
      'mname',
      'f name',
      'l name',
      'forename',
      'middle initial',
      ...personNamePhrases(),
    ],
    endsKey: PERSON_ROLE_NOUNS,
  },
  {
    kind: 'unit-number',
    anywhere: ['apt', ...withNumberWords(['unit', 'apartment', 'suite'])],
    wholeKey: ['unit', 'apartment', 'suite'],
  },
  {
    kind: 'street-address',
    anywhere: ['address', 'addr', 'street', 'po box', 'p o box', 'postal box', ...withNumberWords(['house'])],
    wholeKey: ['mailing', 'line #'],
    except: ['web address', 'website address'],
  },
];

/** Plurals that mean the same PII as the singular (`emails`, `first_names`); role nouns are left out on purpose. */
export const PII_PLURAL_FOLDS: Readonly<Record<string, string>> = {
  emails: 'email',
  mails: 'mail',
  phones: 'phone',
  telephones: 'telephone',
  faxes: 'fax',
  names: 'name',
  surnames: 'surname',
  forenames: 'forename',
  addresses: 'address',
  addrs: 'addr',
  streets: 'street',
  usernames: 'username',
  handles: 'handle',
  birthdays: 'birthday',
  dobs: 'dob',
  ssns: 'ssn',
  passports: 'passport',
  licences: 'licence',
  licenses: 'license',
};

/** Adjacent tokens that are one word split by a hyphen or camel case: `e-mail`, `LinkedIn`, `TikTok`. */
export const TOKEN_JOINS: readonly (readonly [string, string, string])[] = [
  ['e', 'mail', 'email'],
  ['e', 'mails', 'emails'],
  ['linked', 'in', 'linkedin'],
  ['tik', 'tok', 'tiktok'],
  ['snap', 'chat', 'snapchat'],
  ['whats', 'app', 'whatsapp'],
];

/**
 * Extra words a glued compound may contain besides the vocabulary (`homephone`, `workemail`, `dateofbirth`).
 * Two-letter words are allowed only from this list so `intel` never splits into `in` + `tel`.
 */
export const COMPOUND_GLUE_WORDS: readonly string[] = [
  'home',
  'work',
  'personal',
  'primary',
  'secondary',
  'alt',
  'other',
  'main',
  'business',
  'mobile',
  'of',
  'no',
  'po',
  'ss',
  'dl',
];
