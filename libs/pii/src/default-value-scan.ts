import { PiiValueScan } from './detect-pii-value';
import { normaliseKey } from './normalise-key';

// The scan a value gets from its key's name when the caller does not say (see PiiValueScan).

/** Last words of keys holding secrets: never read. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'tokens',
  'hash',
  'hashes',
  'salt',
  'signature',
  'nonce',
  'checksum',
  'etag',
  'sha',
  'key',
]);

/** Last words of keys holding identifiers: digits and dashes by design, so emails only. */
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'uuids', 'guid', 'ref', 'refs']);

/** Words of keys holding URLs: any position (`source_url`, `website`, `url_list`). */
const URL_WORDS = new Set([
  'url',
  'urls',
  'uri',
  'uris',
  'href',
  'link',
  'links',
  'website',
  'websites',
  'homepage',
  'domain',
]);

export function defaultValueScan(key: string): PiiValueScan {
  const tokens = normaliseKey(key);
  // The last word, not a trailing number: `sha256` is ['sha', '256'], `token_2` is a token.
  const last = [...tokens].reverse().find((t) => !/^\d+$/.test(t)) ?? '';
  if (SECRET_WORDS.has(last)) return 'none';
  if (ID_WORDS.has(last) || tokens.some((t) => URL_WORDS.has(t))) return 'email-only';
  return 'all';
}
