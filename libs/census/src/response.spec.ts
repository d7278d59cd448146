import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import {
  CensusResponseError,
  cellsToRows,
  parseCensusResponse,
  parseCensusTable,
  parseZctaTable,
} from './response';

// The real, unmodified API body for NAME,B01003_001E,B25001_001E of every ZCTA (ACS 2019-2023).
const apiBody = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../../data/census/api_response_acs5_2023_zcta_all_NAME_B01003_B25001.json'),
    'utf8',
  ),
) as string[][];
const header = apiBody[0];
const row = (zcta: string) => apiBody.find((r) => r[r.length - 1] === zcta) as string[];

// Real B25003 figures of ZCTA 19002 from acs5_2023_zcta_population_housing_tenure.csv.
const tenureBody = JSON.stringify([
  ['NAME', 'B25003_001E', 'B25003_001M', 'B25003_002E', 'B25003_002M', 'zip code tabulation area'],
  ['ZCTA5 19002', '11907', '463', '9485', '472', '19002'],
]);

describe('parseCensusTable / parseCensusResponse', () => {
  it('reads the real API body for 19002 and 19034 into typed rows', () => {
    expect(header).toEqual(['NAME', 'B01003_001E', 'B25001_001E', 'zip code tabulation area']);
    const body = JSON.stringify([header, row('19002'), row('19034')]);
    const rows = parseCensusResponse(body, { sourceUrl: 'https://api.census.gov/data/2023/acs/acs5?get=…' });
    expect(rows).toEqual([
      {
        zcta: '19002',
        metric: 'population',
        variable: 'B01003_001E',
        estimate: 31681,
        moe: null,
        source_url: expect.any(String),
      },
      {
        zcta: '19002',
        metric: 'housing_units',
        variable: 'B25001_001E',
        estimate: 12607,
        moe: null,
        source_url: expect.any(String),
      },
      {
        zcta: '19034',
        metric: 'population',
        variable: 'B01003_001E',
        estimate: 7084,
        moe: null,
        source_url: expect.any(String),
      },
      {
        zcta: '19034',
        metric: 'housing_units',
        variable: 'B25001_001E',
        estimate: 2613,
        moe: null,
        source_url: expect.any(String),
      },
    ]);
  });

  it('pairs each estimate with its MOE column', () => {
    expect(parseCensusResponse(tenureBody)).toEqual([
      { zcta: '19002', metric: 'occupied_units', variable: 'B25003_001E', estimate: 11907, moe: 463 },
      { zcta: '19002', metric: 'owner_occupied', variable: 'B25003_002E', estimate: 9485, moe: 472 },
    ]);
  });

  it('parses the whole national body (33,772 ZCTAs)', () => {
    const table = parseZctaTable(JSON.stringify(apiBody));
    expect(table.rows).toHaveLength(33772);
    expect(table.geography).toBe('zip code tabulation area');
    expect(table.rows.find((r) => r.geoId === '19002')).toEqual({
      geoId: '19002',
      name: 'ZCTA5 19002',
      values: { B01003_001E: '31681', B25001_001E: '12607' },
    });
  });

  it('turns annotation values and nulls into "no estimate" with the reason, never a number', () => {
    // ZCTA 00000 does not exist: this row only exercises the sentinel codes, it states no figure.
    const body = JSON.stringify([
      [
        'NAME',
        'B25077_001E',
        'B25077_001M',
        'B19013_001E',
        'B19013_001M',
        'B01003_001E',
        'B01003_001M',
        'B25064_001E',
        'zip code tabulation area',
      ],
      [
        'ZCTA5 00000',
        '-666666666',
        '-222222222',
        '-999999999',
        '-333333333',
        '0',
        '-555555555',
        null,
        '00000',
      ],
    ]);
    const rows = parseCensusResponse(body);
    expect(rows).toEqual([
      {
        zcta: '00000',
        metric: 'median_home_value',
        variable: 'B25077_001E',
        estimate: null,
        moe: null,
        annotation: {
          field: 'estimate',
          code: '-666666666',
          reason: expect.stringMatching(/too few sample observations/),
        },
      },
      {
        zcta: '00000',
        metric: 'median_household_income',
        variable: 'B19013_001E',
        estimate: null,
        moe: null,
        annotation: {
          field: 'estimate',
          code: '-999999999',
          reason: expect.stringMatching(/too few sample cases/),
        },
      },
      {
        zcta: '00000',
        metric: 'population',
        variable: 'B01003_001E',
        estimate: 0,
        moe: 0,
        annotation: { field: 'moe', code: '-555555555', reason: expect.stringMatching(/exact/) },
      },
      { zcta: '00000', metric: 'median_gross_rent', variable: 'B25064_001E', estimate: null, moe: null },
    ]);
  });

  it('names rows of variables outside the catalogue after the variable', () => {
    const rows = cellsToRows([{ zcta: '19002', values: { B99999_001E: '5', B99999_001M: '1' } }]);
    expect(rows).toEqual([
      { zcta: '19002', metric: 'B99999_001', variable: 'B99999_001E', estimate: 5, moe: 1 },
    ]);
  });

  it.each([
    ['not JSON', 'error: unknown variable', /not JSON \(it starts with 'error: unknown variable'\)/],
    ['an object', '{"a":1}', /should be an array of rows, got object/],
    ['empty array', '[]', /no header row/],
    ['bad header', '[["NAME"]]', /header row should be at least two column names/],
    ['repeated header', '[["NAME","NAME","zip code tabulation area"]]', /repeats a column/],
    [
      'short row',
      '[["NAME","B01003_001E","zip code tabulation area"],["ZCTA5 19002","19002"]]',
      /row 1 has 2 values but the header has 3/,
    ],
    [
      'number cell',
      '[["NAME","B01003_001E","zip code tabulation area"],["ZCTA5 19002",31681,"19002"]]',
      /column B01003_001E: expected a string or null, got number/,
    ],
    [
      'no geography',
      '[["NAME","B01003_001E","zip code tabulation area"],["ZCTA5 19002","31681",null]]',
      /row 1 has no zip code tabulation area value/,
    ],
  ])('gives a clear error for %s', (_what, body, message) => {
    expect(() => parseCensusResponse(body)).toThrow(CensusResponseError);
    expect(() => parseCensusResponse(body)).toThrow(message);
  });

  it('refuses a response for another geography or a malformed ZCTA', () => {
    expect(() => parseCensusResponse('[["NAME","state"],["Pennsylvania","42"]]')).toThrow(
      /not a ZCTA response/,
    );
    expect(() => parseCensusResponse('[["NAME","zip code tabulation area"],["x","1900"]]')).toThrow(
      /'1900' is not a 5-digit ZCTA/,
    );
    expect(() =>
      parseCensusResponse(
        '[["NAME","B01003_001E","zip code tabulation area"],["ZCTA5 19002","N/A","19002"]]',
      ),
    ).toThrow(/ZCTA 19002, B01003_001E: not a number/);
  });

  it('accepts an already-parsed array and a header-only answer', () => {
    expect(
      parseCensusTable([
        ['NAME', 'us'],
        ['United States', '1'],
      ]).rows,
    ).toEqual([{ geoId: '1', name: 'United States', values: {} }]);
    expect(parseCensusResponse('[["NAME","B01003_001E","zip code tabulation area"]]')).toEqual([]);
  });
});
