import { assertNoPiiHeaders, findPiiHeaders } from './assert-no-pii-headers';
import { PiiViolationError } from './pii-violation-error';

const PROPERTY_HEADERS = [
  'zip_code',
  'property_type',
  'ownership_type',
  'lot_size_sqft',
  'year_built',
  'estimated_income_band',
  'block_group',
  'lat',
  'lon',
];
const EVENT_HEADERS = [
  'event_name',
  'start_date',
  'end_date',
  'zip_code',
  'category',
  'estimated_attendance',
  'source_url',
];
const CHANNEL_HEADERS = [
  'channel_type',
  'name',
  'city',
  'state',
  'zip_code',
  'estimated_reach',
  'website',
  'source_url',
  'notes',
];

describe('assertNoPiiHeaders', () => {
  it.each([
    ['property', PROPERTY_HEADERS],
    ['events', EVENT_HEADERS],
    ['channels', CHANNEL_HEADERS],
  ])('accepts the %s CSV headers', (_name, headers) => {
    expect(() => assertNoPiiHeaders(headers)).not.toThrow();
  });

  it('accepts headers with a byte-order mark, padding and blanks', () => {
    expect(findPiiHeaders(['\uFEFFzip_code', '  year_built ', ''])).toEqual([]);
  });

  it('refuses a property file carrying owner columns, naming each column', () => {
    const headers = [...PROPERTY_HEADERS, 'Owner Name', 'Mailing Address', 'Phone #'];
    let error: unknown;
    try {
      assertNoPiiHeaders(headers);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PiiViolationError);
    expect((error as PiiViolationError).violations).toEqual([
      { path: 'Owner Name', kind: 'person-name key' },
      { path: 'Mailing Address', kind: 'street-address key' },
      { path: 'Phone #', kind: 'phone-number key' },
    ]);
    expect((error as PiiViolationError).message).toContain(
      'field "Owner Name" looks like a person name (key); field "Mailing Address" looks like a street address (key)',
    );
  });

  it('names a header that is itself PII (a pasted data row) by position only', () => {
    const violations = findPiiHeaders(['zip_code', 'jane@example.com', '215-555-0142']);
    expect(violations).toEqual([
      { path: 'column 2', kind: 'email value' },
      { path: 'column 3', kind: 'phone-number value' },
    ]);
    expect(JSON.stringify(violations)).not.toContain('jane');
  });

  it('honours an exact allowKeys exemption', () => {
    expect(findPiiHeaders(['email', 'role'], { allowKeys: ['email'] })).toEqual([]);
    expect(findPiiHeaders(['Email', 'role'], { allowKeys: ['email'] })).toEqual([
      { path: 'Email', kind: 'email key' },
    ]);
  });
});
