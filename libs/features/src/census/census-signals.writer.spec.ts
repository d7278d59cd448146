import { ACS_VARIABLES, CensusRow } from '@lbi/census';
import { findPii } from '@lbi/pii';
import { toCensusSignalRows } from './census-signals.writer';

const url =
  'https://api.census.gov/data/2023/acs/acs5?get=NAME,B01003_001E&for=zip%20code%20tabulation%20area:19087';

describe('toCensusSignalRows', () => {
  const rows: CensusRow[] = [
    {
      zcta: '19087',
      metric: 'population',
      variable: 'B01003_001E',
      estimate: 33770,
      moe: 1200,
      source_url: url,
    },
    {
      zcta: '19087',
      metric: 'median_year_built',
      variable: 'B25035_001E',
      estimate: null,
      moe: null,
      annotation: {
        code: '-666666666',
        reason: 'no estimate: too few sample observations',
        field: 'estimate',
      },
      source_url: url,
    },
    { zcta: '99999', metric: 'population', variable: 'B01003_001E', estimate: 5, moe: 1 },
  ];
  const zipsByZcta = new Map([['19087', ['19087', '19397']]]);

  it('gives every ZIP sharing a ZCTA its own rows (a PO-box ZIP and its containing ZIP)', () => {
    const out = toCensusSignalRows(rows, zipsByZcta, 2023);
    const population = out.filter((r) => r.metric === 'population');
    expect(population.map((r) => r.zip_code).sort()).toEqual(['19087', '19397']);
    expect(population[0]).toMatchObject({
      zcta: '19087',
      value: 33770,
      margin_of_error: 1200,
      vintage: '2023',
      source_url: url,
      metadata: {
        variable: 'B01003_001E',
        moe_variable: 'B01003_001M',
        label: 'Total population',
        unit_of_measure: 'persons',
        kind: 'count',
      },
    });
  });

  it('stores an annotation code as value NULL with its reason, never as the number', () => {
    const out = toCensusSignalRows(rows, zipsByZcta, 2023);
    const median = out.find((r) => r.metric === 'median_year_built' && r.zip_code === '19087');
    expect(median?.value).toBeNull();
    expect(median?.metadata.annotation).toEqual({
      code: '-666666666',
      reason: 'no estimate: too few sample observations',
      field: 'estimate',
    });
    expect(JSON.stringify(out)).not.toContain('-666666666,');
    expect(out.every((r) => r.value === null || r.value > -1e8)).toBe(true);
  });

  it('ignores ZCTAs the geography did not ask for', () => {
    expect(toCensusSignalRows(rows, zipsByZcta, 2023).some((r) => r.zcta === '99999')).toBe(false);
  });

  it('writes metadata the PII guard accepts, for every variable of the catalogue', () => {
    const catalogueRows: CensusRow[] = ACS_VARIABLES.map((variable) => ({
      zcta: '19087',
      metric: variable.metric,
      variable: variable.estimate,
      estimate: 1,
      moe: 1,
    }));
    const signals = toCensusSignalRows(catalogueRows, new Map([['19087', ['19087']]]), 2023);
    expect(signals).toHaveLength(ACS_VARIABLES.length);
    expect(findPii(signals)).toEqual([]);
  });
});
