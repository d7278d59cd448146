import { defaultValueScan } from './default-value-scan';

describe('defaultValueScan', () => {
  it.each([
    ['notes', 'all'],
    ['name', 'all'],
    ['event_name', 'all'],
    ['description', 'all'],
    ['metadata', 'all'],
    ['zip_codes', 'all'],
    ['token_type', 'all'],
    ['id', 'email-only'],
    ['client_id', 'email-only'],
    ['geographyId', 'email-only'],
    ['file_ref', 'email-only'],
    ['source_url', 'email-only'],
    ['sourceUrls', 'email-only'],
    ['website', 'email-only'],
    ['url_list', 'email-only'],
    ['password', 'none'],
    ['hashed_password', 'none'],
    ['access_token', 'none'],
    ['api_key', 'none'],
    ['file_sha256', 'none'],
  ])('%j -> %s', (key, scan) => {
    expect(defaultValueScan(key)).toBe(scan);
  });
});
