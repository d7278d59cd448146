import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseCrosswalk, parseCsv, resolveZips, validateZipFormat, zctasToFetch } from './zip-crosswalk';

// The real UDS Mapper 2022 crosswalk shipped in data/census.
const crosswalkText = readFileSync(resolve(__dirname, '../../../data/census/zip_to_zcta_2022.csv'), 'utf8');
const crosswalk = parseCrosswalk(crosswalkText);

describe('parseCsv', () => {
  it('handles quoted commas, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv('a\n\nb')).toEqual([['a'], ['b']]);
    expect(() => parseCsv('"open')).toThrow(/inside a quoted field/);
  });
});

describe('parseCrosswalk', () => {
  it('reads all 41,061 ZIPs of the real file', () => {
    expect(crosswalk.size).toBe(41061);
    expect(crosswalk.get('19002')).toEqual({
      zip: '19002',
      po_name: 'Ambler',
      state: 'PA',
      zip_type: 'Zip Code Area',
      zcta: '19002',
      zip_join_type: 'Zip matches ZCTA',
    });
    expect(crosswalk.get('96939')?.zcta).toBeNull();
    expect(crosswalk.get('32072')?.zip_join_type).toBe('populated ZCTA, missing zip');
  });

  it('refuses a file without the expected columns or with bad rows', () => {
    expect(() => parseCrosswalk('zip,zcta\n19002,19002\n')).toThrow(
      /lacks columns: po_name, state, zip_type, zip_join_type/,
    );
    const head = 'zip,po_name,state,zip_type,zcta,zip_join_type\n';
    expect(() => parseCrosswalk(`${head}1900,A,PA,Zip Code Area,19002,Zip matches ZCTA\n`)).toThrow(
      /line 2: '1900' is not a 5-digit ZIP/,
    );
    expect(() => parseCrosswalk(`${head}19002,A,PA\n`)).toThrow(/line 2: 3 fields, expected 6/);
    expect(() => parseCrosswalk('')).toThrow(/empty/);
  });
});

describe('validateZipFormat', () => {
  it('accepts five digits and ZIP+4, trimmed', () => {
    expect(validateZipFormat(' 19002 ')).toEqual({ valid: true, zip: '19002' });
    expect(validateZipFormat('19002-1234')).toEqual({
      valid: true,
      zip: '19002',
      note: "ZIP+4 '19002-1234' was read as ZIP 19002",
    });
    expect(validateZipFormat('190021234')).toMatchObject({ valid: true, zip: '19002' });
  });

  it('explains what is wrong, including dropped leading zeros', () => {
    expect(validateZipFormat('1234')).toEqual({
      valid: false,
      input: '1234',
      reason: expect.stringMatching(/has 4 digits; ZIP codes have 5 .*01234\?/),
    });
    expect(validateZipFormat('ABCDE')).toEqual({
      valid: false,
      input: 'ABCDE',
      reason: expect.stringMatching(/^is not a 5-digit ZIP code \(it holds letters/),
    });
    expect(validateZipFormat('19-02')).toMatchObject({ reason: "'19-02' is not a 5-digit ZIP code" });
    const letters = validateZipFormat('Jane Quimby');
    expect(letters.valid ? 'accepted' : letters.reason).toMatch(/^is not a 5-digit ZIP code/);
    expect(letters.valid ? '' : letters.reason).not.toContain('Jane');
    expect(validateZipFormat('')).toMatchObject({ valid: false });
  });
});

describe('resolveZips', () => {
  it('says per ZIP what happened, in input order, without failing the list', () => {
    const result = resolveZips(
      ['19002', '78711', '30301', '96939', '99999', '1234', '32072', '02020'],
      crosswalk,
    );
    expect(result.map((r) => [r.zip, r.zcta, r.join_type])).toEqual([
      ['19002', '19002', 'zip_matches_zcta'],
      ['78711', '78701', 'spatial_join'],
      ['30301', '30303', 'spatial_join'],
      ['96939', null, 'no_zcta'],
      ['99999', null, 'unknown_zip'],
      ['1234', null, 'unknown_zip'],
      ['32072', '32072', 'zip_matches_zcta'],
      ['02020', '02050', 'spatial_join'],
    ]);
  });

  it('writes notes a user can act on', () => {
    const [match, poBox, territory, unknown, bad, populated, smallArea] = resolveZips(
      ['19002', '78711', '96939', '99999', '1234', '32072', '02020'],
      crosswalk,
    );
    expect(match).toEqual({
      zip: '19002',
      zcta: '19002',
      join_type: 'zip_matches_zcta',
      po_name: 'Ambler',
      state: 'PA',
      zip_type: 'Zip Code Area',
      note: 'ZIP 19002 (Ambler, PA) has its own ZCTA, 19002.',
    });
    expect(poBox.note).toBe(
      'ZIP 78711 (Austin, TX) is a PO-box or unique (single-organisation) ZIP with no ZCTA of its own; it takes the figures of the ZCTA that contains it, 78701, which describe the surrounding area.',
    );
    expect(poBox.zip_type).toBe('Post Office or large volume customer');
    expect(territory.note).toBe(
      'ZIP 96939 (Ngerulmud, PW) is a territory ZIP with no ZCTA: the ACS publishes no ZIP-level figures for it.',
    );
    expect(unknown).toMatchObject({
      po_name: null,
      state: null,
      zip_type: null,
      note: expect.stringMatching(/not in the UDS Mapper 2022/),
    });
    expect(bad.note).toMatch(/has 4 digits/);
    expect(populated.note).toMatch(/populated ZCTA that the 2022 USPS ZIP list does not carry/);
    expect(smallArea.note).toMatch(
      /^ZIP 02020 \(Brant Rock, MA\) is a ZIP with no ZCTA of its own; .* 02050/,
    );
  });

  it('normalises ZIP+4, drops duplicates and lists each ZCTA to fetch once', () => {
    const result = resolveZips(['19002-1234', '19002', '00501', '00544', '11742'], crosswalk);
    expect(result.map((r) => r.zip)).toEqual(['19002', '00501', '00544', '11742']);
    expect(result[0].note).toMatch(/^ZIP\+4 '19002-1234' was read as ZIP 19002\. ZIP 19002/);
    // Both Holtsville PO-box ZIPs fall inside ZCTA 11742: fetch it once.
    expect(zctasToFetch(result)).toEqual(['11742', '19002']);
  });
});
