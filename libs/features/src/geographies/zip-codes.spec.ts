import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { loadCrosswalk, type ZipCrosswalk } from '@lbi/census';
import { checkGeographyZips, checkZipList, MAX_ZIP_ERRORS_LISTED } from './zip-codes';

describe('checkGeographyZips (real UDS Mapper 2022 crosswalk)', () => {
  let crosswalk: ZipCrosswalk;
  beforeAll(async () => {
    crosswalk = await loadCrosswalk();
  });

  it('keeps order, drops duplicates and resolves each ZIP to its ZCTA', () => {
    const check = checkGeographyZips(['19034', '19002', '19034', ' 19002 '], crosswalk);
    expect(check).toEqual({
      ok: true,
      zips: ['19034', '19002'],
      resolution: [
        expect.objectContaining({
          zip: '19034',
          zcta: '19034',
          join_type: 'zip_matches_zcta',
          po_name: 'Fort Washington',
          state: 'PA',
        }),
        expect.objectContaining({
          zip: '19002',
          zcta: '19002',
          join_type: 'zip_matches_zcta',
          po_name: 'Ambler',
          state: 'PA',
        }),
      ],
    });
  });

  it('maps a PO-box ZIP to the ZCTA that contains it and says so', () => {
    const check = checkGeographyZips(['19016'], crosswalk);
    if (!check.ok) throw new Error(check.errors.join('; '));
    expect(check.resolution[0]).toMatchObject({
      zip: '19016',
      zcta: '19013',
      join_type: 'spatial_join',
      po_name: 'Chester',
      state: 'PA',
      zip_type: 'Post Office or large volume customer',
    });
    expect(check.resolution[0].note).toMatch(/PO-box or unique.*19013/);
  });

  it('keeps a territory ZIP without ZCTA, flagged in the resolution', () => {
    const check = checkGeographyZips(['96939'], crosswalk);
    if (!check.ok) throw new Error(check.errors.join('; '));
    expect(check.zips).toEqual(['96939']);
    expect(check.resolution[0]).toMatchObject({
      zip: '96939',
      zcta: null,
      join_type: 'no_zcta',
      state: 'PW',
    });
    expect(check.resolution[0].note).toMatch(/territory ZIP with no ZCTA/);
  });

  it('reads ZIP+4 as its ZIP and notes it', () => {
    const check = checkGeographyZips(['19002-1234', '19002'], crosswalk);
    if (!check.ok) throw new Error(check.errors.join('; '));
    expect(check.zips).toEqual(['19002']);
    expect(check.resolution[0].note).toMatch(/^ZIP\+4 '19002-1234' was read as ZIP 19002\. /);
  });

  it('names every wrong entry with its index and the reason', () => {
    const check = checkGeographyZips(['19002', '1900', 'abcde', 19034, null, '99999'], crosswalk);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual([
      expect.stringMatching(/^zip_codes\[1\]: '1900' has 4 digits; ZIP codes have 5 .*01900\?/),
      expect.stringMatching(/^zip_codes\[2\]: is not a 5-digit ZIP code \(it holds letters/),
      expect.stringMatching(
        /^zip_codes\[3\]: number is not a ZIP code; send each ZIP as a quoted 5-digit string/,
      ),
      expect.stringMatching(/^zip_codes\[4\]: null is not a ZIP code/),
      expect.stringMatching(
        /^zip_codes\[5\]: '99999' is not a ZIP code in the UDS Mapper 2022 ZIP code to ZCTA crosswalk/,
      ),
    ]);
  });

  it('lists at most the first errors and counts the rest', () => {
    const entries = Array.from({ length: MAX_ZIP_ERRORS_LISTED + 5 }, () => 'x');
    const check = checkGeographyZips(entries, crosswalk);
    if (check.ok) throw new Error('expected errors');
    expect(check.errors).toHaveLength(MAX_ZIP_ERRORS_LISTED + 1);
    expect(check.errors[MAX_ZIP_ERRORS_LISTED]).toBe('… and 5 more wrong ZIP codes');
  });

  it('refuses more than the maximum number of ZIPs', () => {
    const check = checkGeographyZips(
      Array.from({ length: MAX_GEOGRAPHY_ZIPS + 1 }, () => '19002'),
      crosswalk,
    );
    expect(check).toEqual({
      ok: false,
      errors: [
        'zip_codes may hold at most 5,000 ZIP codes (got 5,001): split the area into several geographies',
      ],
    });
  });
});

describe('checkZipList (real UDS Mapper 2022 crosswalk)', () => {
  let crosswalk: ZipCrosswalk;
  beforeAll(async () => {
    crosswalk = await loadCrosswalk();
  });

  it('answers every entry with the ZIP it reads as, the reason it is refused or its ZCTA, and earlier duplicates', () => {
    const entries = checkZipList(['19002', '1900', '19016', '19002-1234', '99999', 7], crosswalk);
    expect(entries).toEqual([
      expect.objectContaining({ zip: '19002', valid: true, reason: null, duplicate_of: null }),
      expect.objectContaining({ zip: null, valid: false, resolution: null }),
      expect.objectContaining({ zip: '19016', valid: true, duplicate_of: null }),
      expect.objectContaining({ zip: '19002', valid: true, duplicate_of: 0 }),
      expect.objectContaining({ zip: '99999', valid: false, resolution: null }),
      expect.objectContaining({
        zip: null,
        valid: false,
        reason: expect.stringMatching(/^number is not a ZIP/),
      }),
    ]);
    expect(entries[0].resolution).toMatchObject({ zcta: '19002', join_type: 'zip_matches_zcta' });
    expect(entries[1].reason).toMatch(/has 4 digits.*01900\?/);
    expect(entries[2].resolution).toMatchObject({ zcta: '19013', join_type: 'spatial_join' });
    expect(entries[3].resolution?.note).toMatch(/^ZIP\+4 '19002-1234' was read as ZIP 19002\. /);
    expect(entries[4].reason).toMatch(/is not a ZIP code in the UDS Mapper 2022/);
  });

  it('gives the same reasons as a geography save', () => {
    const input = ['abcde', '99999', '123'];
    const saved = checkGeographyZips(input, crosswalk);
    if (saved.ok) throw new Error('expected errors');
    expect(saved.errors).toEqual(
      checkZipList(input, crosswalk).map((entry, index) => `zip_codes[${index}]: ${entry.reason}`),
    );
  });
});
