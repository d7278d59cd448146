import { PiiValueScan } from './detect-pii-value';

export interface PiiCheckOptions {
  /**
   * Exact dotted paths exempt from the check, e.g. `['email']` on the login and user endpoints, the one
   * place an email is accepted. Array indices are not written (`users.email` covers `users[3].email`).
   * An exempt path's key is not checked and its own value (a string, or strings in an array) is not
   * scanned; objects below it are still checked, so an exemption never hides a subtree. Keys are
   * compared as written: `email` does not exempt `Email`.
   */
  readonly allowKeys?: readonly string[];
  /** Scan string values for emails, phone numbers, SSNs and street addresses. Default true. */
  readonly checkValues?: boolean;
  /**
   * Scan per key name (the last path segment, exact spelling), overriding the default taken from the key:
   * `none` for secrets (`password`, `*_token`, `*_hash`), `email-only` for ids and URLs (`id`, `*_id`,
   * `file_ref`, `*_url`, `website`), `all` otherwise. Array items get their array's key.
   * Example: `{ legacy_code: 'email-only' }`.
   */
  readonly valueFields?: Readonly<Record<string, PiiValueScan>>;
}
