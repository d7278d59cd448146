import {
  allowedColumnsText,
  checkHeaders,
  ImportFileError,
  recordFromCells,
  validateChannelRow,
  validateEventRow,
  validatePropertyRow,
} from './import-schemas';

const ctx = {
  zips: new Set(['19002', '19003', '19087']),
  places: new Map([['19002', { city: 'Ambler', state: 'PA' }]]),
  currentYear: 2026,
};

function headerError(kind: 'property' | 'events' | 'channels', headers: string[]): ImportFileError {
  try {
    checkHeaders(kind, headers);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the header to be refused');
}

describe('checkHeaders', () => {
  it('normalises headers (trim, lowercase, BOM) and accepts a known set', () => {
    expect(checkHeaders('events', ['\uFEFF Event_Name ', 'START_DATE', 'zip_code'])).toEqual([
      'event_name',
      'start_date',
      'zip_code',
    ]);
  });

  it('refuses an unknown column by its position and lists the allowed ones', () => {
    const error = headerError('events', ['event_name', 'start_date', 'venue']);
    expect(error.message).toContain('The header row has an unknown column at position 3 (of 3)');
    expect(error.message).toContain(allowedColumnsText('events'));
    expect(error.message).toContain(
      'required: event_name, start_date; optional: end_date, zip_code, category, estimated_attendance, source_url',
    );
  });

  it('names a PII column as PII, before any other complaint', () => {
    const error = headerError('channels', ['channel_type', 'name', 'contact_phone']);
    expect(error.message).toMatch(/PII column "contact_phone" \(looks like a phone number\)/);
    expect(error.message).toContain('personal data is not accepted');
    expect(error.details).toEqual({
      pii_columns: [{ column: 'contact_phone', kind: 'phone-number key' }],
      pii_found: true,
    });
  });

  it('refuses missing required, duplicate and empty columns', () => {
    expect(headerError('property', ['lat', 'lon']).message).toContain('Missing required column "zip_code"');
    expect(headerError('events', ['event_name', 'start_date', 'Event_Name']).message).toContain(
      'Column "event_name" appears more than once',
    );
    expect(headerError('events', ['event_name', 'start_date', ' ']).message).toContain('empty column name');
  });
});

describe('validateEventRow', () => {
  it('types a valid row', () => {
    expect(
      validateEventRow(
        {
          event_name: ' Ambler Home Show ',
          start_date: '2026-04-11',
          end_date: '2026-04-12',
          zip_code: '19002',
          category: 'Home_Show',
          estimated_attendance: '4,200',
          source_url: 'https://example.org/show',
        },
        2,
        ctx,
      ),
    ).toEqual({
      ok: true,
      value: {
        event_name: 'Ambler Home Show',
        start_date: '2026-04-11',
        end_date: '2026-04-12',
        zip_code: '19002',
        category: 'home_show',
        estimated_attendance: 4200,
        source_url: 'https://example.org/show',
      },
    });
  });

  it('reports every bad cell with row, column and reason, never the value', () => {
    const result = validateEventRow(
      {
        event_name: '',
        start_date: '2026-02-30',
        end_date: '11/04/2026',
        zip_code: '1900',
        estimated_attendance: '-5',
        source_url: 'ftp://example.org/x',
      },
      9,
      ctx,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [9, 'event_name'],
      [9, 'start_date'],
      [9, 'end_date'],
      [9, 'zip_code'],
      [9, 'estimated_attendance'],
      [9, 'source_url'],
    ]);
    expect(errors.find((e) => e.column === 'zip_code')?.reason).toContain('leading zeros');
    expect(JSON.stringify(errors)).not.toContain('ftp://');
  });

  it('refuses an end before the start, a ZIP outside the geography and PII in a name', () => {
    const result = validateEventRow(
      {
        event_name: 'Fair at 12 Oak Street',
        start_date: '2026-05-02',
        end_date: '2026-05-01',
        zip_code: '90210',
      },
      3,
      ctx,
    );
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      { row: 3, column: 'event_name', reason: expect.stringContaining('PII is not accepted'), pii: true },
      { row: 3, column: 'end_date', reason: 'is before start_date' },
      { row: 3, column: 'zip_code', reason: "ZIP 90210 is not one of this geography's ZIP codes" },
    ]);
  });
});

describe('validateChannelRow', () => {
  it('takes city and state from the ZIP when the file leaves them empty', () => {
    const result = validateChannelRow(
      { channel_type: 'HOA', name: 'Oak Hill Estates HOA', zip_code: '19002', estimated_reach: '420' },
      2,
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        channel_type: 'hoa',
        city: 'Ambler',
        state: 'PA',
        estimated_reach: 420,
      }),
    });
  });

  it('refuses an unknown channel type (listing the types), PII in notes and a missing place', () => {
    const result = validateChannelRow(
      { channel_type: 'influencer', name: 'Somebody', notes: 'ask for jane.doe@example.com' },
      4,
      ctx,
    );
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.column)).toEqual(['channel_type', 'city', 'state', 'notes']);
    expect(errors[0].reason).toContain('school_district');
    expect(errors[3].reason).toContain('email');
    expect(JSON.stringify(errors)).not.toContain('jane.doe');
  });
});

describe('validatePropertyRow', () => {
  it('coarsens coordinates to the 0.01° grid before anything uses them', () => {
    const result = validatePropertyRow(
      { zip_code: '19002', lat: '40.15432', lon: '-75.22654', year_built: '1962', lot_size_sqft: '8712.5' },
      2,
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        lat: 40.15,
        lon: -75.23,
        year_built: 1962,
        lot_size_sqft: 8712.5,
        block_group: '',
      }),
    });
  });

  it('checks year_built against 1700..current year, one coordinate without the other and the block group', () => {
    const result = validatePropertyRow(
      { zip_code: '19002', year_built: '2031', lat: '40.1', block_group: 'BG-1' },
      5,
      ctx,
    );
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      { row: 5, column: 'block_group', reason: expect.stringContaining('block group') },
      { row: 5, column: 'lon', reason: expect.stringContaining('give both or neither') },
      { row: 5, column: 'year_built', reason: 'must be between 1700 and 2026' },
    ]);
  });

  it('accepts a block group only as a real 12-digit GEOID in a county of the row’s ZIP', () => {
    // 19002 (Ambler) lies in Montgomery County, 42091; 19003 (Ardmore) in Montgomery and Delaware (42045).
    const counties = new Map([
      ['19002', new Set(['42091'])],
      ['19003', new Set(['42045', '42091'])],
      ['96939', new Set<string>()],
    ]);
    const withCounties = { ...ctx, zips: new Set(['19002', '19003', '96939']), countiesByZip: counties };
    const check = (zip: string, blockGroup: string) => {
      const result = validatePropertyRow({ zip_code: zip, block_group: blockGroup }, 4, withCounties);
      return result.ok ? 'ok' : result.errors.map((e) => e.reason).join('; ');
    };
    expect(check('19002', '420912001001')).toBe('ok');
    expect(check('19003', '420454001002')).toBe('ok');
    expect(check('19002', '420454001002')).toBe('lies in county 42045, which ZIP 19002 does not reach');
    expect(check('19002', '1')).toMatch(/12 digits/);
    expect(check('19002', '4209120010011')).toMatch(/12 digits/);
    expect(check('96939', '720010001001')).toMatch(/has no ZCTA/);
  });

  it('requires the ZIP', () => {
    const result = validatePropertyRow({ zip_code: ' ' }, 2, ctx);
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 2, column: 'zip_code', reason: 'is required and empty' },
    ]);
  });
});

describe('recordFromCells', () => {
  it('counts the fields of a short or long row, and names the likely cause when a field holds a line break', () => {
    const headers = ['event_name', 'start_date'];
    expect(recordFromCells(headers, ['Fair'], 2).errors).toEqual([
      { row: 2, column: 'event_name', reason: 'the row has 1 fields where the header has 2' },
    ]);
    const [mixed] = recordFromCells(headers, ['Fair', '2026-05-01\nShow', '2026-06-01'], 2).errors ?? [];
    expect(mixed.reason).toMatch(
      /^the row has 3 fields where the header has 2 \(a field holds a line break: is a quote \("\) left unclosed, or do the line endings change/,
    );
    expect(recordFromCells(headers, ['Fair', '2026-05-01'], 2)).toEqual({
      record: { event_name: 'Fair', start_date: '2026-05-01' },
    });
  });
});
