/**
 * Paths pino replaces with "[redacted]" on every line. Bodies are never logged at all; these catch
 * what could still slip in through headers, errors or objects passed to the logger.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.hashed_password',
  '*.hashedPassword',
  '*.access_token',
  '*.token',
  '*.jwt',
  '*.secret',
  '*.jwtSecret',
  '*.email',
  '*.key',
  '*.apiKey',
  '*.censusApiKey',
  // PII the guard refuses before it could be logged; named here too in case a refused object is ever
  // passed to the logger (pino's `*` is one level deep, so these are a backstop, not the guard).
  '*.phone',
  '*.phone_number',
  '*.ssn',
  '*.address',
  '*.street_address',
  '*.owner_name',
  'password',
  'email',
  'access_token',
];

/** Strips the query string: it can carry keys or filters that do not belong in logs. */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const question = url.indexOf('?');
  return question === -1 ? url : url.slice(0, question);
}
