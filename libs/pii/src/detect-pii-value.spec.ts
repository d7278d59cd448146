import { containsEmail } from './detect-email';
import { containsPhoneNumber } from './detect-phone-number';
import { detectPiiValue, detectPiiValueKinds } from './detect-pii-value';
import { containsSsn } from './detect-ssn';
import { containsStreetAddress } from './detect-street-address';

// Values from the product's own CSVs and reports that no detector may flag.
const ORGANISATION_AND_AGGREGATE_TEXT = [
  'Main Street Business Association',
  'Route 1 Farmers Market',
  'Lions Club of Doylestown',
  'Spring Home Show 2026',
  'Pennsbury School District',
  'Bucks County Home & Garden Expo',
  'ZCTA5 19002',
  '19002',
  '2026',
  '2026-05-01',
  'Median year built 1978; 2,163 housing units, 73% owner-occupied',
  'Ranks 1 of 25 ZIPs for HVAC',
];

describe('containsEmail', () => {
  it.each([
    'jane.doe@example.com',
    'JANE_DOE+promo@mail.example.co.uk',
    'Contact the chair at chair@lionsclub.org for tickets',
    'mailto:info@example.org',
    'https://example.org/rsvp?contact=jane@example.com',
    'jane [at] example [dot] com',
    'jane(at)example.com',
  ])('finds %j', (text) => {
    expect(containsEmail(text)).toBe(true);
  });

  it.each([
    '@lionsclub',
    'user@localhost',
    'name @ example',
    'https://medium.com/@doylestownrotary',
    'jane at the example dot',
    ...ORGANISATION_AND_AGGREGATE_TEXT,
  ])('does not flag %j', (text) => {
    expect(containsEmail(text)).toBe(false);
  });
});

describe('containsPhoneNumber', () => {
  it.each([
    '(215) 555-0142',
    '(215)555-0142',
    '215-555-0142',
    '215.555.0142',
    '215 555 0142',
    '215 - 555 - 0142',
    '+1 215 555 0142',
    '+1 (215) 555-0142',
    '+12155550142',
    '1-800-555-0199',
    '2155550142',
    'Call Dave at 215-555-0142 after 5pm',
    'tel:+1-215-555-0142',
    'ZIP 19002, phone 267.555.0199',
  ])('finds %j', (text) => {
    expect(containsPhoneNumber(text)).toBe(true);
  });

  it.each([
    '19002-4501',
    '190024501',
    '12000',
    '1,250,000',
    '$2,155,550,142',
    '2026-05-01',
    '2026-05-01T12:30:00Z',
    '05/01/2026',
    '2019-2023',
    '1234567890',
    '0155550142',
    '911-555-0142',
    '215-911-0142',
    '555-0142',
    '21555501423',
    '3.2155550142',
    '40.3101,-75.1297',
    '1767225600',
    '192.168.100.100',
    'B25003_001E',
    '19002 19034 19040',
    ...ORGANISATION_AND_AGGREGATE_TEXT,
  ])('does not flag %j', (text) => {
    expect(containsPhoneNumber(text)).toBe(false);
  });
});

describe('containsSsn', () => {
  it.each(['123-45-6789', '123 45 6789', 'SSN: 078-05-1120', 'ssn 665-12-3456 on file'])(
    'finds %j',
    (text) => {
      expect(containsSsn(text)).toBe(true);
    },
  );

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 9xx'],
    ['987-65-4321', 'area 9xx'],
    ['123-00-4567', 'group 00'],
    ['123-45-0000', 'serial 0000'],
    ['123456789', 'no separators (could be ZIP+4)'],
    ['123-45 6789', 'mixed separators'],
    ['1123-45-6789', 'longer area'],
    ['123-45-67890', 'longer serial'],
    ['215-555-0142', 'a phone number'],
    ['2026-05-01', 'a date'],
  ])('does not flag %j (%s)', (text) => {
    expect(containsSsn(text)).toBe(false);
  });
});

describe('containsStreetAddress', () => {
  it.each([
    '123 Main St',
    '123 Main St.',
    '45 Oak Avenue Apt 4',
    '1200 W. Market Street',
    '350 N 5th St',
    '12B Elm Ct',
    '1600 Pennsylvania Ave NW',
    '10-12 Chestnut Lane',
    '8 Old York Road',
    '77 Sunset Blvd., Doylestown',
    'lives at 42 maple dr',
    '1 Oxford Valley Rd, Langhorne, PA 19047',
    'Doylestown PA 123 Main St',
    '2 Day Blood Drive at 100 Oak Lane',
    '500 Martin Luther King Jr Blvd',
  ])('finds %j', (text) => {
    expect(containsStreetAddress(text)).toBe(true);
  });

  it.each([
    ...ORGANISATION_AND_AGGREGATE_TEXT,
    '2 Day Blood Drive',
    'Bucks County Toy Drive 2026',
    '4 Wheel Drive Expo',
    'Hall 2 Food Court',
    '2026 Holiday Lights Trail',
    '10 minute drive from Doylestown',
    '5 mins drive',
    'Join 300 neighbors on Main Street',
    '100 Years of Main Street',
    '2026 Main Street Festival',
    '2nd Street Festival',
    '3rd Annual Fall Fest Drive',
    'Route 611 Drive-In',
    'Booth 12 Main Stage',
    'Top 10 Ways to Save',
    'Open 7 days a week',
    'Main Stadium',
  ])('does not flag %j', (text) => {
    expect(containsStreetAddress(text)).toBe(false);
  });
});

describe('detectPiiValue', () => {
  it.each([
    ['jane@example.com', 'email'],
    ['123-45-6789', 'ssn'],
    ['(215) 555-0142', 'phone-number'],
    ['123 Main St', 'street-address'],
  ])('classifies %j as %s', (text, kind) => {
    expect(detectPiiValue(text)).toBe(kind);
  });

  it.each(ORGANISATION_AND_AGGREGATE_TEXT)('returns null for %j', (text) => {
    expect(detectPiiValue(text)).toBeNull();
  });

  it('lists every kind found, in a fixed order', () => {
    expect(detectPiiValueKinds('123 Main St, 215-555-0142, jane@example.com')).toEqual([
      'email',
      'phone-number',
      'street-address',
    ]);
  });

  it('scans only for emails in email-only mode, and nothing in none mode', () => {
    const text = 'https://example.org/events/2155550142/123-45-6789?c=jane@example.com';
    expect(detectPiiValueKinds(text, 'all')).toEqual(['email', 'ssn', 'phone-number']);
    expect(detectPiiValueKinds(text, 'email-only')).toEqual(['email']);
    expect(detectPiiValueKinds(text, 'none')).toEqual([]);
  });

  it('stays fast on a long string with no PII', () => {
    const text = 'a'.repeat(200_000) + ' ' + '1'.repeat(50_000) + ' Main '.repeat(20_000);
    const started = Date.now();
    expect(detectPiiValue(text)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
