import { normaliseKey } from './normalise-key';

describe('normaliseKey', () => {
  it.each([
    ['ownerName', ['owner', 'name']],
    ['Owner-Name', ['owner', 'name']],
    ['OWNER_NAME', ['owner', 'name']],
    ['owner.name', ['owner', 'name']],
    ['owner name', ['owner', 'name']],
    ['  Owner   Name  ', ['owner', 'name']],
    ['ownername', ['owner', 'name']],
    ["Owner's Name", ['owner', 'name']],
    ['e-mail', ['email']],
    ['E_Mail_Address', ['email', 'address']],
    ['eMail', ['email']],
    ['Address1', ['address', '1']],
    ['address_line_1', ['address', 'line', '1']],
    ['addressLine2', ['address', 'line', '2']],
    ['DOB', ['dob']],
    ['dateOfBirth', ['date', 'of', 'birth']],
    ['dateofbirth', ['date', 'of', 'birth']],
    ['SSNNumber', ['ssn', 'number']],
    ['ZIPCode', ['zip', 'code']],
    ['HOAName', ['hoa', 'name']],
    ['sourceURLs', ['source', 'urls']],
    ['Phone #', ['phone', 'number']],
    ['Apt#', ['apt', 'number']],
    ["Driver's License", ['driver', 'license']],
    ['LinkedIn', ['linkedin']],
    ['TikTok', ['tiktok']],
    ['B25003_001E', ['b', '25003', '001', 'e']],
    ['units_1_detached', ['units', '1', 'detached']],
    ['\uFEFFzip_code', ['zip', 'code']],
  ])('%j -> %j', (key, tokens) => {
    expect(normaliseKey(key)).toEqual(tokens);
  });

  it.each(['filename', 'households', 'intel', 'hostname', 'ownership', 'website', 'metadata', 'inline'])(
    'leaves the ordinary word %j whole rather than splitting it into vocabulary words',
    (word) => {
      expect(normaliseKey(word)).toEqual([word]);
    },
  );

  it('returns no tokens for a key made only of punctuation', () => {
    expect(normaliseKey(' _-. ')).toEqual([]);
  });

  it('does not try to split very long glued keys', () => {
    const long = 'ownername'.repeat(10);
    expect(normaliseKey(long)).toEqual([long]);
  });
});
